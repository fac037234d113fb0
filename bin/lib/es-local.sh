#!/usr/bin/env bash
# Runs a local, single-node Elasticsearch for development and the integration tests.
#
#   es-local.sh start|stop|status [--port N] [--name NAME] [--secure] [--purge]
#
# `stop --purge` also deletes the instance's config, data and logs (tests use it for their
# throw-away instances).
#
# `start --secure` turns security on: HTTPS with a CA and node certificate generated for the
# instance (once, by the distribution's elasticsearch-certutil; the node certificate names
# 127.0.0.1 and localhost) and the built-in user `elastic` with the password in the environment
# variable SPIKEWATCH_ES_PASSWORD (its bootstrap password, put in the instance's keystore from
# standard input, never on a command line). It prints the https URL and, on a second line, the
# CA certificate to trust (PEM). An instance keeps the mode it was first started with.
#
# The server is the integ-test distribution that Maven Central serves; its version is the root
# pom property `elasticsearch.server.version`. The distribution is unpacked once and shared; each
# instance NAME has its own config dir (ES_PATH_CONF), data, logs and pid file.
#
# Elasticsearch refuses to run as root: when started by root, the server runs as the system user
# `spikewatch` (created if missing). When that user cannot reach the repository folder (a parent
# is not traversable), everything lives under /var/lib/spikewatch instead.
#
# Environment:
#   ES_JAVA_OPTS   JVM options of the server (default: a 1 GiB heap)
#   ES_JAVA_HOME   the Java the server runs on (default: the `java` on PATH)
#   SPIKEWATCH_ES_START_TIMEOUT  seconds to wait for the cluster to turn yellow (default 120)
#   SPIKEWATCH_ES_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (default 30)
#   SPIKEWATCH_ES_PASSWORD       with --secure: the password of the user `elastic`
#
# Exit codes: 0 ok / running, 1 failure, 2 usage error, 3 not running (status).

set -euo pipefail
shopt -s inherit_errexit

readonly ES_HOST=127.0.0.1
readonly DEFAULT_PORT=9200
readonly DEFAULT_NAME=default
readonly DEFAULT_HEAP_OPTS="-Xms1g -Xmx1g"
readonly ES_USER=spikewatch
readonly FALLBACK_HOME=/var/lib/spikewatch
readonly START_TIMEOUT_S="${SPIKEWATCH_ES_START_TIMEOUT:-120}"
readonly STOP_TIMEOUT_S="${SPIKEWATCH_ES_STOP_TIMEOUT:-30}"
readonly EXIT_NOT_RUNNING=3
readonly DEPENDENCY_PLUGIN_VERSION=3.8.1
readonly CERT_DAYS=30
readonly SECURE_USER=elastic
readonly MIN_PASSWORD_LENGTH=6

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$script_dir/../.." && pwd)"

log() { printf 'es-local: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() {
    printf 'usage: %s start|stop|status [--port N] [--name NAME] [--purge]\n' "$(basename "$0")" >&2
    exit 2
}

# ---------------------------------------------------------------- arguments

command="${1:-}"
[[ -n "$command" ]] || usage
shift
port="$DEFAULT_PORT"
name="$DEFAULT_NAME"
purge=false
secure=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --port) [[ $# -ge 2 ]] || usage; port="$2"; shift 2 ;;
        --port=*) port="${1#--port=}"; shift ;;
        --name) [[ $# -ge 2 ]] || usage; name="$2"; shift 2 ;;
        --name=*) name="${1#--name=}"; shift ;;
        --purge) purge=true; shift ;;
        --secure) secure=true; shift ;;
        -h|--help) usage ;;
        *) log "unknown argument: $1"; usage ;;
    esac
done
[[ "$port" =~ ^[0-9]+$ ]] && (( port >= 1 && port <= 65535 )) \
    || die "--port must be a number between 1 and 65535, got '$port'"
[[ "$name" =~ ^[a-z0-9][a-z0-9_-]{0,62}$ ]] \
    || die "--name must be lowercase letters, digits, '-' or '_' (at most 63), got '$name'"

if $secure; then
    [[ "$command" == "start" ]] || die "--secure applies to start"
    [[ -n "${SPIKEWATCH_ES_PASSWORD:-}" ]] || die "--secure needs the password of user '$SECURE_USER' in SPIKEWATCH_ES_PASSWORD"
    (( ${#SPIKEWATCH_ES_PASSWORD} >= MIN_PASSWORD_LENGTH )) \
        || die "SPIKEWATCH_ES_PASSWORD must have at least $MIN_PASSWORD_LENGTH characters (Elasticsearch's rule)"
    url="https://$ES_HOST:$port"
else
    url="http://$ES_HOST:$port"
fi
# Set by start to the CA certificate of a secure instance.
ca_file=""

# ---------------------------------------------------------------- who runs the server

if [[ "$(id -u)" -eq 0 ]]; then
    as_root=true
    run_user="$ES_USER"
else
    as_root=false
    run_user="$(id -un)"
fi

# Runs a command as the server's user.
as_es_user() {
    if $as_root; then
        runuser -u "$ES_USER" -- "$@"
    else
        "$@"
    fi
}

ensure_es_user() {
    $as_root || return 0
    if ! id -u "$ES_USER" >/dev/null 2>&1; then
        log "creating system user '$ES_USER' to run Elasticsearch (it refuses to run as root)"
        useradd --system --user-group --no-create-home --home-dir "$FALLBACK_HOME" \
            --shell /usr/sbin/nologin "$ES_USER" \
            || id -u "$ES_USER" >/dev/null 2>&1 \
            || die "could not create the system user '$ES_USER'"
    fi
}

# ---------------------------------------------------------------- where things live

es_version() {
    local version
    version="$(sed -n 's:.*<elasticsearch\.server\.version>\([^<]*\)</elasticsearch\.server\.version>.*:\1:p' \
        "$root/pom.xml" | head -n 1)"
    [[ -n "$version" ]] || die "property elasticsearch.server.version not found in $root/pom.xml"
    printf '%s' "$version"
}

# Prints the folder for the distribution and the instances: .local/elasticsearch in the
# repository when the server's user can use it, else the fallback under /var/lib.
choose_base() {
    local preferred="$root/.local/elasticsearch"
    if ! $as_root; then
        if mkdir -p "$preferred" 2>/dev/null && [[ -w "$preferred" ]]; then
            printf '%s' "$preferred"
        else
            local fallback="${XDG_STATE_HOME:-$HOME/.local/state}/spikewatch/elasticsearch"
            log "cannot write to $preferred; using $fallback"
            mkdir -p "$fallback" || die "cannot create $fallback"
            printf '%s' "$fallback"
        fi
        return
    fi
    mkdir -p "$preferred" 2>/dev/null || true
    if [[ -d "$preferred" ]]; then
        chown "$ES_USER:$ES_USER" "$preferred" 2>/dev/null || true
        if runuser -u "$ES_USER" -- test -r "$preferred" -a -w "$preferred" -a -x "$preferred"; then
            printf '%s' "$preferred"
            return
        fi
    fi
    local fallback="$FALLBACK_HOME/elasticsearch"
    log "user '$ES_USER' cannot reach $preferred (a parent folder is not traversable);" \
        "using $fallback instead"
    mkdir -p "$fallback"
    chown "$ES_USER:$ES_USER" "$FALLBACK_HOME" "$fallback"
    chmod 0755 "$FALLBACK_HOME"
    printf '%s' "$fallback"
}

# ---------------------------------------------------------------- the distribution

# Downloads (through Maven, from Maven Central) and unpacks the distribution once.
ensure_distribution() {
    local version="$1" base="$2"
    local dist_root="$base/dist"
    local home="$dist_root/elasticsearch-$version"
    mkdir -p "$dist_root"
    (
        flock -w 600 9 || die "timed out waiting for another es-local.sh to unpack Elasticsearch"
        if [[ -x "$home/bin/elasticsearch" && -f "$home/.unpacked" ]]; then
            exit 0
        fi
        local downloads="$dist_root/downloads"
        local zip="$downloads/elasticsearch-$version.zip"
        if [[ ! -s "$zip" ]]; then
            log "fetching Elasticsearch $version from Maven Central"
            mkdir -p "$downloads"
            # Run outside the project so a half-edited pom cannot break the download.
            (cd "$downloads" && mvn -B -q -Dstyle.color=never \
                "org.apache.maven.plugins:maven-dependency-plugin:$DEPENDENCY_PLUGIN_VERSION:copy" \
                "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip" \
                "-DoutputDirectory=$downloads" -Dmdep.overWriteIfNewer=true >"$downloads/maven.log" 2>&1) \
                || { tail -n 30 "$downloads/maven.log" >&2; die "Maven could not fetch org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip"; }
        fi
        log "unpacking $zip"
        rm -rf "$home"
        unzip -q -o "$zip" -d "$dist_root" || die "could not unpack $zip"
        [[ -x "$home/bin/elasticsearch" ]] || die "$zip does not contain elasticsearch-$version/bin/elasticsearch"
        touch "$home/.unpacked"
    ) 9>"$dist_root/.lock" || exit 1
    if $as_root; then
        chown -R "$ES_USER:$ES_USER" "$base"
    fi
    printf '%s' "$home"
}

# ---------------------------------------------------------------- one instance

write_instance_config() {
    local home="$1" instance="$2"
    local conf="$instance/config"
    if [[ ! -f "$conf/jvm.options" ]]; then
        mkdir -p "$conf"
        cp -R "$home/config/." "$conf/"
    fi
    mkdir -p "$instance/data" "$instance/logs"
    cat >"$conf/elasticsearch.yml" <<EOF
# Written by es-local.sh on every start; edits are overwritten.
cluster.name: spikewatch-$name
node.name: $name
path.data: $instance/data
path.logs: $instance/logs
network.host: $ES_HOST
http.port: $port
discovery.type: single-node
# A nearly full disk must not turn the indices read-only in development.
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
    if $secure; then
        cat >>"$conf/elasticsearch.yml" <<EOF
xpack.security.enabled: true
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.key: certs/http/http.key
xpack.security.http.ssl.certificate: certs/http/http.crt
xpack.security.http.ssl.certificate_authorities: certs/ca/ca.crt
EOF
        touch "$instance/secure"
    else
        printf 'xpack.security.enabled: false\n' >>"$conf/elasticsearch.yml"
        rm -f "$instance/secure"
    fi
    if $as_root; then
        chown -R "$ES_USER:$ES_USER" "$instance"
    fi
}

# Runs one of the distribution's command-line tools on the instance's config, as the server's user.
es_tool() {
    local home="$1" instance="$2" tool="$3"
    shift 3
    as_es_user env ES_PATH_CONF="$instance/config" ES_JAVA_HOME="$(java_home)" "$home/bin/$tool" "$@"
}

# Generates the instance's CA and HTTP certificate once (PEM, under config/certs).
ensure_certificates() {
    local home="$1" instance="$2"
    local certs="$instance/config/certs"
    if [[ -s "$certs/ca/ca.crt" && -s "$certs/http/http.crt" && -s "$certs/http/http.key" ]]; then
        return
    fi
    log "generating a CA and an HTTP certificate for 127.0.0.1 and localhost (valid $CERT_DAYS days)"
    rm -rf "$certs"
    mkdir -p "$certs"
    if $as_root; then chown "$ES_USER:$ES_USER" "$certs"; fi
    es_tool "$home" "$instance" elasticsearch-certutil ca --pem --silent --days "$CERT_DAYS" --out "$certs/ca.zip" >&2 \
        || die "elasticsearch-certutil could not create the CA"
    as_es_user unzip -q -o "$certs/ca.zip" -d "$certs" || die "could not unpack $certs/ca.zip"
    es_tool "$home" "$instance" elasticsearch-certutil cert --pem --silent --days "$CERT_DAYS" \
        --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key" --name http --ip "$ES_HOST" --dns localhost \
        --out "$certs/http.zip" >&2 || die "elasticsearch-certutil could not create the HTTP certificate"
    as_es_user unzip -q -o "$certs/http.zip" -d "$certs" || die "could not unpack $certs/http.zip"
    rm -f "$certs/ca.zip" "$certs/http.zip"
}

# Puts the password of `elastic` in the instance's keystore as its bootstrap password (from stdin).
write_bootstrap_password() {
    local home="$1" instance="$2"
    if [[ ! -f "$instance/config/elasticsearch.keystore" ]]; then
        es_tool "$home" "$instance" elasticsearch-keystore create -s >&2 || die "could not create the keystore"
    fi
    printf '%s' "$SPIKEWATCH_ES_PASSWORD" \
        | es_tool "$home" "$instance" elasticsearch-keystore add -x -f -s bootstrap.password >&2 \
        || die "could not store the bootstrap password in the keystore"
}

java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        printf '%s' "$ES_JAVA_HOME"
        return
    fi
    local java
    java="$(command -v java)" || die "no java on PATH; set ES_JAVA_HOME"
    java="$(readlink -f "$java")"
    printf '%s' "$(dirname "$(dirname "$java")")"
}

# curl against the instance: over https with its CA and as `elastic` (credentials on stdin) when secure.
es_curl() {
    if [[ -n "$ca_file" ]]; then
        printf 'user = "%s:%s"\n' "$SECURE_USER" "${SPIKEWATCH_ES_PASSWORD:-}" \
            | curl --config - --cacert "$ca_file" "$@"
    else
        curl "$@"
    fi
}

# Whether anything answers HTTP(S) on the port ("000": nothing); no certificate check, no credentials.
health_code() {
    local code
    code="$(curl -sk -o /dev/null -w '%{http_code}' --max-time 5 "$url/_cluster/health" 2>/dev/null)" || true
    printf '%s' "${code:-000}"
}

is_yellow_or_green() {
    es_curl -sf --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null \
        | grep -Eq '"status":"(yellow|green)"'
}

pid_of_instance() {
    local pid_file="$1"
    [[ -s "$pid_file" ]] || return 1
    local pid
    pid="$(cat "$pid_file")"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    printf '%s' "$pid"
}

print_log_tail() {
    local instance="$1"
    local f
    for f in "$instance/startup.log" "$instance/logs/spikewatch-$name.log"; do
        if [[ -s "$f" ]]; then
            log "last lines of $f:"
            tail -n 40 "$f" >&2
        fi
    done
}

# ---------------------------------------------------------------- commands

cmd_start() {
    ensure_es_user
    local version base home instance pid_file
    version="$(es_version)"
    base="$(choose_base)"
    instance="$base/instances/$name"
    pid_file="$instance/es.pid"
    if $secure; then
        ca_file="$instance/config/certs/ca/ca.crt"
    fi

    if pid="$(pid_of_instance "$pid_file")"; then
        if is_yellow_or_green; then
            log "Elasticsearch '$name' is already running (pid $pid)"
            print_endpoint
            return 0
        fi
        die "Elasticsearch '$name' has pid $pid but $url does not answer; stop it first"
    fi
    if [[ "$(health_code)" != "000" ]]; then
        if is_yellow_or_green; then
            log "an Elasticsearch is already running on port $port (not started by this instance name)"
            print_endpoint
            return 0
        fi
        die "port $port is in use by something that is not a healthy Elasticsearch"
    fi

    home="$(ensure_distribution "$version" "$base")"
    write_instance_config "$home" "$instance"
    if $secure; then
        ensure_certificates "$home" "$instance"
        write_bootstrap_password "$home" "$instance"
    fi
    rm -f "$pid_file"

    local jhome opts
    jhome="$(java_home)"
    opts="${ES_JAVA_OPTS:-$DEFAULT_HEAP_OPTS}"
    log "starting Elasticsearch $version '$name' on $url as user '$run_user' (data in $instance)"
    if ! as_es_user env ES_PATH_CONF="$instance/config" ES_JAVA_HOME="$jhome" ES_JAVA_OPTS="$opts" \
            "$home/bin/elasticsearch" -d -p "$pid_file" >"$instance/startup.log" 2>&1; then
        log "Elasticsearch '$name' did not start"
        print_log_tail "$instance"
        exit 1
    fi

    local deadline=$((SECONDS + START_TIMEOUT_S))
    until is_yellow_or_green; do
        if ! pid_of_instance "$pid_file" >/dev/null; then
            log "Elasticsearch '$name' exited during startup"
            print_log_tail "$instance"
            exit 1
        fi
        if (( SECONDS >= deadline )); then
            log "Elasticsearch '$name' did not turn yellow within ${START_TIMEOUT_S}s"
            print_log_tail "$instance"
            exit 1
        fi
        sleep 0.5
    done
    log "Elasticsearch '$name' is up (pid $(cat "$pid_file"))"
    print_endpoint
}

# The URL on stdout and, for a secure instance, the CA certificate on the next line.
print_endpoint() {
    printf '%s\n' "$url"
    if [[ -n "$ca_file" ]]; then
        printf '%s\n' "$ca_file"
    fi
}

# Finds the instance folder without creating anything (status and stop must not side-effect).
existing_instance() {
    local candidate
    for candidate in "$root/.local/elasticsearch" "$FALLBACK_HOME/elasticsearch" \
            "${XDG_STATE_HOME:-${HOME:-/nonexistent}/.local/state}/spikewatch/elasticsearch"; do
        if [[ -d "$candidate/instances/$name" ]]; then
            printf '%s' "$candidate/instances/$name"
            return 0
        fi
    done
    return 1
}

purge_instance() {
    local instance="$1"
    if $purge && [[ -d "$instance" ]]; then
        rm -rf -- "$instance"
        log "deleted $instance"
    fi
}

cmd_stop() {
    local instance pid
    if ! instance="$(existing_instance)"; then
        log "Elasticsearch '$name' is not running"
        return 0
    fi
    if ! pid="$(pid_of_instance "$instance/es.pid")"; then
        log "Elasticsearch '$name' is not running"
        purge_instance "$instance"
        return 0
    fi
    log "stopping Elasticsearch '$name' (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT_S))
    while kill -0 "$pid" 2>/dev/null; do
        if (( SECONDS >= deadline )); then
            log "Elasticsearch '$name' did not stop within ${STOP_TIMEOUT_S}s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$instance/es.pid"
    log "Elasticsearch '$name' stopped"
    purge_instance "$instance"
}

cmd_status() {
    local instance pid
    if instance="$(existing_instance)" && pid="$(pid_of_instance "$instance/es.pid")"; then
        if is_yellow_or_green; then
            printf 'running %s (pid %s)\n' "$url" "$pid"
        else
            printf 'starting or unhealthy %s (pid %s)\n' "$url" "$pid"
        fi
        return 0
    fi
    printf 'stopped %s\n' "$url"
    return "$EXIT_NOT_RUNNING"
}

case "$command" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) log "unknown command: $command"; usage ;;
esac
