#!/usr/bin/env bash
# Runs a local Apache Flink standalone session cluster: one JobManager and N TaskManagers, each a
# `java` process of its own, from Flink's Maven Central artifacts (no Flink distribution needed).
#
#   flink-cluster.sh start  [--name NAME] [--rest-port N] [--rpc-port N] [--taskmanagers N] [--slots N]
#                           [--tm-memory SIZE] [--jm-memory SIZE]
#   flink-cluster.sh stop   [--name NAME] [--purge]
#   flink-cluster.sh status [--name NAME]
#   flink-cluster.sh submit [--name NAME] [--jar FILE] [--savepoint PATH] [--] JOB-ARGUMENTS...
#   flink-cluster.sh stop-job [--name NAME] JOB_ID
#
# start   resolves the class path (bin/lib/flink-cluster-pom.xml: Flink's runtime, its web frontend,
#         Log4j, CoreNLP's model jars), writes NAME's conf/config.yaml, starts the processes that
#         are not running (so it also brings back a TaskManager that died) and waits until the
#         REST API reports every TaskManager. Prints the REST URL.
# stop    stops the TaskManagers, then the JobManager (SIGTERM, SIGKILL after the stop timeout);
#         --purge also deletes NAME's folder (configuration, logs, checkpoints, savepoints).
# status  prints each process and the REST overview; exit status 3 when the JobManager is down.
# submit  submits the job jar (default: the jobs module's flink-job jar) detached with Flink's
#         own client (`flink run -d`), passing JOB-ARGUMENTS to its main class (the options of
#         `spikewatch run`); prints the job id on stdout. --savepoint starts it from a savepoint.
# stop-job  stops a job with a savepoint (`flink stop`) into NAME's savepoints/ folder and prints
#         the savepoint's path on stdout, for a later `submit --savepoint PATH`.
#
# Everything of an instance lives in .local/flink/NAME/: conf/, log/ (one .log and .out per
# process), pids/ (jobmanager.pid, taskmanager-I.pid), checkpoints/, savepoints/, tmp/.
# The ports of a start are remembered there, so stop/status/submit need only --name.
#
# Environment:
#   SPIKEWATCH_FLINK_START_TIMEOUT  seconds to wait for the TaskManagers to register (default 120)
#   SPIKEWATCH_FLINK_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (default 30)
#   SPIKEWATCH_FLINK_CLIENT_OPTS    JVM options of the submitting client (default -Xmx1g)
#
# Exit codes: 0 ok / running, 1 failure, 2 usage error, 3 not running (status).

set -euo pipefail
shopt -s inherit_errexit

readonly HOST=127.0.0.1
readonly DEFAULT_NAME=default
readonly DEFAULT_REST_PORT=8081
readonly DEFAULT_RPC_PORT=6123
readonly DEFAULT_TASKMANAGERS=2
readonly DEFAULT_SLOTS=2
# CoreNLP's models (about 1 GiB live, shared by a TaskManager's slots) need a task heap of ~2 GiB.
readonly DEFAULT_TM_MEMORY=3g
readonly DEFAULT_JM_MEMORY=1200m
readonly START_TIMEOUT_S="${SPIKEWATCH_FLINK_START_TIMEOUT:-120}"
readonly STOP_TIMEOUT_S="${SPIKEWATCH_FLINK_STOP_TIMEOUT:-30}"
readonly EXIT_NOT_RUNNING=3
readonly JM_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
readonly TM_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
readonly CLIENT_CLASS=org.apache.flink.client.cli.CliFrontend
readonly RESOURCE_PARAMS_CLASS=org.apache.flink.runtime.util.bash.BashJavaUtils
readonly RESOURCE_PARAMS_PREFIX="BASH_JAVA_UTILS_EXEC_RESULT:"
# What Flink's own config.yaml gives every JVM on Java 17 (its code reflects into these packages).
readonly JAVA_MODULE_OPTS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$script_dir/../.." && pwd)"
readonly LIB_POM="$script_dir/flink-cluster-pom.xml"
readonly FLINK_BASE="$root/.local/flink"
readonly CLASSPATH_FILE="$FLINK_BASE/lib.classpath"

log() { printf 'flink-cluster: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() {
    sed -n '5,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# ---------------------------------------------------------------- arguments

command="${1:-}"
[[ -n "$command" ]] || usage
shift
name="$DEFAULT_NAME"
rest_port=""
rpc_port=""
taskmanagers="$DEFAULT_TASKMANAGERS"
slots="$DEFAULT_SLOTS"
tm_memory="$DEFAULT_TM_MEMORY"
jm_memory="$DEFAULT_JM_MEMORY"
purge=false
jar=""
savepoint=""
job_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --name) [[ $# -ge 2 ]] || usage; name="$2"; shift 2 ;;
        --rest-port) [[ $# -ge 2 ]] || usage; rest_port="$2"; shift 2 ;;
        --rpc-port) [[ $# -ge 2 ]] || usage; rpc_port="$2"; shift 2 ;;
        --taskmanagers) [[ $# -ge 2 ]] || usage; taskmanagers="$2"; shift 2 ;;
        --slots) [[ $# -ge 2 ]] || usage; slots="$2"; shift 2 ;;
        --tm-memory) [[ $# -ge 2 ]] || usage; tm_memory="$2"; shift 2 ;;
        --jm-memory) [[ $# -ge 2 ]] || usage; jm_memory="$2"; shift 2 ;;
        --purge) purge=true; shift ;;
        --jar) [[ $# -ge 2 ]] || usage; jar="$2"; shift 2 ;;
        --savepoint) [[ $# -ge 2 ]] || usage; savepoint="$2"; shift 2 ;;
        --) shift; job_args=("$@"); break ;;
        -h|--help) usage ;;
        *)
            if [[ "$command" == "submit" || "$command" == "stop-job" ]]; then
                job_args=("$@")
                break
            fi
            log "unknown argument: $1"; usage ;;
    esac
done

[[ "$name" =~ ^[a-z0-9][a-z0-9_-]{0,62}$ ]] \
    || die "--name must be lowercase letters, digits, '-' or '_' (at most 63), got '$name'"
check_port() {
    [[ "$2" =~ ^[0-9]+$ ]] && (( $2 >= 1 && $2 <= 65535 )) || die "$1 must be a port between 1 and 65535, got '$2'"
}
[[ -z "$rest_port" ]] || check_port --rest-port "$rest_port"
[[ -z "$rpc_port" ]] || check_port --rpc-port "$rpc_port"
[[ "$taskmanagers" =~ ^[1-9][0-9]?$ ]] || die "--taskmanagers must be between 1 and 99, got '$taskmanagers'"
[[ "$slots" =~ ^[1-9][0-9]?$ ]] || die "--slots must be between 1 and 99, got '$slots'"
for size in "$tm_memory" "$jm_memory"; do
    [[ "$size" =~ ^[0-9]+[mMgG]$ ]] || die "a memory size is a number with m or g (3g, 1200m), got '$size'"
done

instance="$FLINK_BASE/$name"
conf_dir="$instance/conf"
pid_dir="$instance/pids"
log_dir="$instance/log"
ports_file="$instance/ports"

# ---------------------------------------------------------------- class path

# Resolves the cluster's class path once (again when the pom changes), through Maven.
ensure_classpath() {
    mkdir -p "$FLINK_BASE"
    (
        flock -w 600 9 || die "timed out waiting for another flink-cluster.sh to resolve the class path"
        if [[ -s "$CLASSPATH_FILE" && "$CLASSPATH_FILE" -nt "$LIB_POM" && "$CLASSPATH_FILE" -nt "$root/pom.xml" ]]; then
            exit 0
        fi
        log "resolving Flink and CoreNLP's models from Maven (the first time downloads them)"
        local output="$FLINK_BASE/maven.log"
        (cd "$root" && mvn -B -q -Dstyle.color=never -f "$LIB_POM" dependency:build-classpath \
            "-Dmdep.outputFile=$CLASSPATH_FILE.new" >"$output" 2>&1) \
            || { tail -n 30 "$output" >&2; die "Maven could not resolve $LIB_POM (log: $output)"; }
        mv "$CLASSPATH_FILE.new" "$CLASSPATH_FILE"
    ) 9>"$FLINK_BASE/.lock" || exit 1
}

classpath() { cat "$CLASSPATH_FILE"; }

# ---------------------------------------------------------------- configuration

write_config() {
    mkdir -p "$conf_dir" "$pid_dir" "$log_dir" "$instance/checkpoints" "$instance/savepoints" \
        "$instance/tmp" "$instance/web-upload"
    cat >"$conf_dir/config.yaml" <<EOF
# Written by flink-cluster.sh on every start; edits are overwritten.
jobmanager:
  rpc:
    address: $HOST
    port: $rpc_port
  bind-host: $HOST
  memory:
    process:
      size: $jm_memory
taskmanager:
  host: $HOST
  bind-host: $HOST
  numberOfTaskSlots: $slots
  # a job's tasks spread over the TaskManagers instead of filling the first
  load-balance:
    mode: SLOTS
  memory:
    process:
      size: $tm_memory
    # the job keeps its state on the heap (hashmap backend): little managed memory
    managed:
      size: 64m
    network:
      min: 64m
      max: 64m
    # CoreNLP's classes are loaded again for every job (the job jar's class loader), and a
    # finished job's are unloaded only minutes after it ends: room for a few jobs' classes
    jvm-metaspace:
      size: 512m
rest:
  address: $HOST
  bind-address: $HOST
  port: $rest_port
state:
  backend:
    type: hashmap
execution:
  checkpointing:
    dir: file://$instance/checkpoints
    savepoint-dir: file://$instance/savepoints
# A killed TaskManager refuses the JobManager's heartbeats at once: two refused in a row mark it
# lost within ~4 s, before the job's restarts (5 s apart) could be spent on its slots. A silent
# one (a long GC pause under load) still gets the default 50 s.
heartbeat:
  interval: 2000
  timeout: 50000
  rpc-failure-threshold: 2
io:
  tmp:
    dirs: $instance/tmp
web:
  upload:
    dir: $instance/web-upload
env:
  java:
    opts:
      all: $JAVA_MODULE_OPTS
EOF
    cat >"$conf_dir/log4j.properties" <<'EOF'
# Written by flink-cluster.sh: each process logs to its own file (log.file, set per process).
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = RollingFile
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.filePattern = ${sys:log.file}.%i
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.main.policies.type = Policies
appender.main.policies.size.type = SizeBasedTriggeringPolicy
appender.main.policies.size.size = 100MB
appender.main.strategy.type = DefaultRolloverStrategy
appender.main.strategy.max = 5
logger.corenlp.name = edu.stanford.nlp
logger.corenlp.level = WARN
EOF
    cp "$conf_dir/log4j.properties" "$conf_dir/log4j-cli.properties"
}

# Remembers the ports of a start, or reads them back for stop, status and submit.
resolve_ports() {
    local saved_rest="" saved_rpc=""
    if [[ -f "$ports_file" ]]; then
        # shellcheck disable=SC1090
        saved_rest="$(sed -n 's/^rest=//p' "$ports_file")"
        saved_rpc="$(sed -n 's/^rpc=//p' "$ports_file")"
    fi
    rest_port="${rest_port:-${saved_rest:-$DEFAULT_REST_PORT}}"
    rpc_port="${rpc_port:-${saved_rpc:-$DEFAULT_RPC_PORT}}"
}

save_ports() {
    printf 'rest=%s\nrpc=%s\n' "$rest_port" "$rpc_port" >"$ports_file"
}

rest_url() { printf 'http://%s:%s' "$HOST" "$rest_port"; }

# ---------------------------------------------------------------- processes

pid_of() {
    local pid_file="$pid_dir/$1.pid"
    [[ -s "$pid_file" ]] || return 1
    local pid
    pid="$(cat "$pid_file")"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    # a recycled pid is not ours: the command line names this instance's configuration
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$conf_dir" || return 1
    printf '%s' "$pid"
}

# Flink's own arithmetic of a process's memory (what its shell scripts run): prints the JVM
# options on the first line and the derived -D settings on the second.
resource_params() {
    local which="$1" output
    output="$(java -cp "$(classpath)" "$RESOURCE_PARAMS_CLASS" "$which" --configDir "$conf_dir" 2>&1)" \
        || { printf '%s\n' "$output" | tail -n 20 >&2; die "Flink rejected the memory configuration in $conf_dir/config.yaml"; }
    printf '%s\n' "$output" | sed -n "s/^$RESOURCE_PARAMS_PREFIX//p"
}

# Starts one process in the background with its pid file and logs.
launch() {
    local process="$1" main_class="$2"
    shift 2
    local params jvm_params dynamic_params
    params="$(resource_params "$([[ "$process" == jobmanager ]] && echo GET_JM_RESOURCE_PARAMS || echo GET_TM_RESOURCE_PARAMS)")"
    jvm_params="$(sed -n 1p <<<"$params")"
    dynamic_params="$(sed -n 2p <<<"$params")"
    [[ -n "$jvm_params" ]] || die "Flink computed no JVM options for the $process"
    local log_file="$log_dir/$process.log"
    # shellcheck disable=SC2086 # the option lists are meant to split into words
    nohup java $jvm_params $JAVA_MODULE_OPTS \
        "-Dlog.file=$log_file" "-Dlog4j.configurationFile=file:$conf_dir/log4j.properties" \
        -cp "$(classpath)" "$main_class" --configDir "$conf_dir" "$@" $dynamic_params \
        >"$log_dir/$process.out" 2>&1 </dev/null &
    printf '%s' "$!" >"$pid_dir/$process.pid"
    log "started the $process (pid $!, log $log_file)"
}

registered_taskmanagers() {
    curl -fsS --max-time 5 "$(rest_url)/overview" 2>/dev/null \
        | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'
}

print_log_tails() {
    local f
    for f in "$log_dir"/*.out "$log_dir"/*.log; do
        [[ -s "$f" ]] || continue
        log "last lines of $f:"
        tail -n 15 "$f" >&2
    done
}

cmd_start() {
    command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
    command -v mvn >/dev/null || die "mvn (Apache Maven) is not on the PATH"
    resolve_ports
    if pid="$(pid_of jobmanager)"; then
        local running_rest
        running_rest="$(sed -n 's/^rest=//p' "$ports_file" 2>/dev/null || true)"
        [[ "$running_rest" == "$rest_port" ]] \
            || die "Flink cluster '$name' is running with REST port $running_rest; stop it before changing ports"
    else
        if curl -s -o /dev/null --max-time 2 "$(rest_url)/" 2>/dev/null; then
            die "port $rest_port answers already (another Flink or service); pick another --rest-port"
        fi
    fi
    ensure_classpath
    write_config
    save_ports
    if ! pid_of jobmanager >/dev/null; then
        launch jobmanager "$JM_CLASS" --executionMode cluster
    fi
    local i
    for ((i = 1; i <= taskmanagers; i++)); do
        if ! pid_of "taskmanager-$i" >/dev/null; then
            launch "taskmanager-$i" "$TM_CLASS" -D "taskmanager.resource-id=$name-tm-$i"
        fi
    done
    local deadline=$((SECONDS + START_TIMEOUT_S)) registered=""
    while :; do
        registered="$(registered_taskmanagers || true)"
        [[ "$registered" == "$taskmanagers" ]] && break
        for ((i = 0; i <= taskmanagers; i++)); do
            local process=jobmanager
            (( i == 0 )) || process="taskmanager-$i"
            if ! pid_of "$process" >/dev/null; then
                log "the $process of '$name' exited while starting"
                print_log_tails
                exit 1
            fi
        done
        if (( SECONDS >= deadline )); then
            log "'$name' has ${registered:-no} TaskManager(s) registered, not $taskmanagers, after ${START_TIMEOUT_S}s"
            print_log_tails
            exit 1
        fi
        sleep 0.5
    done
    log "Flink cluster '$name' is up: $taskmanagers TaskManager(s) x $slots slot(s), web UI and REST at $(rest_url)"
    printf '%s\n' "$(rest_url)"
}

stop_process() {
    local process="$1" pid
    pid="$(pid_of "$process")" || { rm -f "$pid_dir/$process.pid"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT_S))
    while kill -0 "$pid" 2>/dev/null; do
        if (( SECONDS >= deadline )); then
            log "the $process (pid $pid) did not stop within ${STOP_TIMEOUT_S}s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$pid_dir/$process.pid"
    log "stopped the $process (pid $pid)"
}

cmd_stop() {
    if [[ -d "$pid_dir" ]]; then
        local pid_file
        for pid_file in "$pid_dir"/taskmanager-*.pid; do
            [[ -e "$pid_file" ]] || continue
            stop_process "$(basename "$pid_file" .pid)"
        done
        stop_process jobmanager
    fi
    log "Flink cluster '$name' is stopped"
    if $purge && [[ -d "$instance" ]]; then
        rm -rf -- "$instance"
        log "deleted $instance"
    fi
}

cmd_status() {
    resolve_ports
    local pid process pid_file up=false
    if pid="$(pid_of jobmanager)"; then
        printf 'jobmanager running (pid %s)\n' "$pid"
        up=true
    else
        printf 'jobmanager stopped\n'
    fi
    for pid_file in "$pid_dir"/taskmanager-*.pid; do
        [[ -e "$pid_file" ]] || continue
        process="$(basename "$pid_file" .pid)"
        if pid="$(pid_of "$process")"; then
            printf '%s running (pid %s)\n' "$process" "$pid"
        else
            printf '%s stopped\n' "$process"
        fi
    done
    if $up; then
        printf 'rest %s: %s\n' "$(rest_url)" "$(curl -fsS --max-time 5 "$(rest_url)/overview" 2>/dev/null || echo 'not answering')"
        return 0
    fi
    return "$EXIT_NOT_RUNNING"
}

# Runs Flink's command-line client against this instance; prints its output (stdout and stderr).
flink_client() {
    local client_opts="${SPIKEWATCH_FLINK_CLIENT_OPTS:--Xmx1g}"
    # shellcheck disable=SC2086 # the option lists are meant to split into words
    FLINK_CONF_DIR="$conf_dir" java $client_opts $JAVA_MODULE_OPTS \
        "-Dlog.file=$log_dir/client.log" "-Dlog4j.configurationFile=file:$conf_dir/log4j-cli.properties" \
        -cp "$(classpath)" "$CLIENT_CLASS" "$@" 2>&1
}

cmd_stop_job() {
    resolve_ports
    pid_of jobmanager >/dev/null || die "Flink cluster '$name' is not running"
    [[ ${#job_args[@]} -eq 1 && "${job_args[0]}" =~ ^[0-9a-f]{32}$ ]] \
        || die "stop-job takes one job id (32 hex digits), got '${job_args[*]:-}'"
    local output path
    if ! output="$(flink_client stop --savepointPath "file://$instance/savepoints" "${job_args[0]}")"; then
        printf '%s\n' "$output" | grep -v '^\s*at ' | tail -n 40 >&2
        die "stopping job ${job_args[0]} with a savepoint failed (client log: $log_dir/client.log)"
    fi
    path="$(printf '%s\n' "$output" | sed -n 's/.*Savepoint completed\. Path: \(.*\)$/\1/p' | head -n 1)"
    [[ -n "$path" ]] || { printf '%s\n' "$output" >&2; die "the client did not report the savepoint's path"; }
    log "stopped job ${job_args[0]} with savepoint $path"
    printf '%s\n' "$path"
}

cmd_submit() {
    resolve_ports
    pid_of jobmanager >/dev/null || die "Flink cluster '$name' is not running (start it first)"
    if [[ -z "$jar" ]]; then
        jar="$(ls "$root"/jobs/target/spikewatch-jobs-*-flink-job.jar 2>/dev/null | head -n 1 || true)"
        [[ -n "$jar" ]] || die "no job jar in jobs/target (build it: mvn -B package -DskipTests), or give --jar FILE"
    fi
    [[ -f "$jar" ]] || die "--jar $jar: no such file"
    local run_options=(--detached)
    if [[ -n "$savepoint" ]]; then
        [[ -e "${savepoint#file:}" ]] || die "--savepoint $savepoint: no such savepoint"
        run_options+=(--fromSavepoint "$savepoint")
    fi
    local output
    if ! output="$(flink_client run "${run_options[@]}" "$jar" "${job_args[@]}")"; then
        printf '%s\n' "$output" | grep -v '^\s*at ' | tail -n 40 >&2
        die "the submission failed (client log: $log_dir/client.log)"
    fi
    local job_id
    job_id="$(printf '%s\n' "$output" | sed -n 's/.*JobID \([0-9a-f]\{32\}\).*/\1/p' | head -n 1)"
    [[ -n "$job_id" ]] || { printf '%s\n' "$output" >&2; die "the client did not report a job id"; }
    log "submitted job $job_id to $(rest_url)"
    printf '%s\n' "$job_id"
}

case "$command" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    submit) cmd_submit ;;
    stop-job) cmd_stop_job ;;
    *) log "unknown command: $command"; usage ;;
esac
