#!/usr/bin/env bash
# Imports the Spikewatch saved objects (data views, Lens visualizations, saved searches and the
# "Live monitor" and "Trends" dashboards) into Kibana 8.19.
#
#   dashboards/import-kibana.sh [FILE.ndjson ...]      (default: dashboards/kibana/spikewatch.ndjson)
#
# Environment:
#   KIBANA_URL               Kibana's base URL (default http://localhost:5601)
#   KIBANA_API_KEY           an API key (the encoded form), sent as "Authorization: ApiKey ..."; or
#   KIBANA_USER, KIBANA_PASSWORD   basic authentication
#   KIBANA_SPACE             a Kibana space id to import into (default: the default space)
#   KIBANA_WAIT_SECONDS      how long to wait for Kibana to report itself available (default 300)
#   SPIKEWATCH_INDEX_PREFIX  the job's --index-prefix, when not "spikewatch": the data views are
#                            pointed at PREFIX-posts, PREFIX-metrics... (their ids stay the same)
#
# Waits until GET /api/status reports the overall level "available" (polling, up to the deadline),
# then posts each file to /api/saved_objects/_import?overwrite=true: importing again replaces the
# objects of the same ids, so the script can be run any number of times. Prints what was imported;
# exits non-zero with Kibana's own error text when Kibana does not come up, refuses the
# credentials, or fails to import any object. Credentials are handed to curl on its standard input,
# never on its command line, and never printed. jq, when installed, makes the report per object.
set -euo pipefail

readonly DEFAULT_PREFIX=spikewatch
readonly POLL_INTERVAL_SECONDS=2
readonly PROGRESS_EVERY_SECONDS=10

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kibana_url="${KIBANA_URL:-http://localhost:5601}"
kibana_url="${kibana_url%/}"
wait_seconds="${KIBANA_WAIT_SECONDS:-300}"
prefix="${SPIKEWATCH_INDEX_PREFIX:-$DEFAULT_PREFIX}"

die() {
  echo "import-kibana: $*" >&2
  exit 1
}

[[ "$wait_seconds" =~ ^[0-9]+$ ]] || die "KIBANA_WAIT_SECONDS must be a whole number of seconds, not '$wait_seconds'"
[[ "$prefix" =~ ^[a-z0-9][a-z0-9._-]*$ ]] \
  || die "SPIKEWATCH_INDEX_PREFIX '$prefix' may only hold a-z, 0-9, '-', '_' and '.', starting with a letter or digit"
if [[ -n "${KIBANA_API_KEY:-}" && -n "${KIBANA_USER:-}" ]]; then
  die "set either KIBANA_API_KEY or KIBANA_USER/KIBANA_PASSWORD, not both"
fi
if [[ -n "${KIBANA_USER:-}" && -z "${KIBANA_PASSWORD:-}" ]]; then
  die "KIBANA_USER is set but KIBANA_PASSWORD is not"
fi
command -v curl >/dev/null || die "curl is required"

base="$kibana_url"
if [[ -n "${KIBANA_SPACE:-}" ]]; then
  [[ "$KIBANA_SPACE" =~ ^[a-z0-9_-]+$ ]] || die "KIBANA_SPACE '$KIBANA_SPACE' is not a space id (a-z, 0-9, '_', '-')"
  base="$kibana_url/s/$KIBANA_SPACE"
fi

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  files=("$here/kibana/spikewatch.ndjson")
fi
for f in "${files[@]}"; do
  [[ -r "$f" ]] || die "cannot read saved-objects file '$f'"
done

have_jq=false
command -v jq >/dev/null && have_jq=true

# curl's configuration for the credentials, written to its standard input (not its arguments,
# which other users of the machine can read in the process list).
curl_quote() {
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}
auth_config() {
  if [[ -n "${KIBANA_API_KEY:-}" ]]; then
    printf 'header = %s\n' "$(curl_quote "Authorization: ApiKey $KIBANA_API_KEY")"
  elif [[ -n "${KIBANA_USER:-}" ]]; then
    printf 'user = %s\n' "$(curl_quote "$KIBANA_USER:$KIBANA_PASSWORD")"
  fi
}
kibana_curl() {
  auth_config | curl --silent --show-error --config - "$@"
}

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

# --- wait for Kibana
deadline=$(( $(date +%s) + wait_seconds ))
next_progress=$(( $(date +%s) + PROGRESS_EVERY_SECONDS ))
echo "Waiting up to ${wait_seconds}s for Kibana at $kibana_url to be available..."
while true; do
  code="$(kibana_curl --max-time 10 -o "$workdir/status.json" -w '%{http_code}' "$kibana_url/api/status" 2>"$workdir/curl.err" || true)"
  if [[ "$code" == 401 || "$code" == 403 ]]; then
    die "Kibana refused the credentials (HTTP $code): $(cat "$workdir/status.json")"
  fi
  state="unreachable: $(tr -d '\n' <"$workdir/curl.err")"
  if [[ "$code" =~ ^[0-9]+$ && "$code" != 000 ]]; then
    if $have_jq; then
      state="$(jq -r '.status.overall.level // "unknown"' "$workdir/status.json" 2>/dev/null || echo "unreadable status")"
    elif grep -Eq '"overall":\{[^}]*"level":"available"' "$workdir/status.json"; then
      state=available
    else
      state="HTTP $code, not available yet"
    fi
  fi
  [[ "$state" == available ]] && break
  now=$(date +%s)
  if (( now >= deadline )); then
    die "Kibana at $kibana_url was not available within ${wait_seconds}s (last: $state)"
  fi
  if (( now >= next_progress )); then
    echo "  still waiting ($state)"
    next_progress=$(( now + PROGRESS_EVERY_SECONDS ))
  fi
  sleep "$POLL_INTERVAL_SECONDS"
done
version="$(grep -o '"number":"[^"]*"' "$workdir/status.json" | head -n 1 | cut -d'"' -f4 || true)"
echo "Kibana ${version:-(version not reported)} is available."
if [[ -n "$version" && "${version%%.*}" != 8 ]]; then
  echo "warning: these saved objects are written for Kibana 8.19; this Kibana is $version" >&2
fi

# --- import
failed=false
for f in "${files[@]}"; do
  upload="$f"
  if [[ "$prefix" != "$DEFAULT_PREFIX" ]]; then
    upload="$workdir/$(basename "$f")"
    sed -E '/"type":"index-pattern"/ s/"title":"spikewatch-(posts|statements|metrics|deadletters|spikes|alerts)"/"title":"'"$prefix"'-\1"/' \
      "$f" >"$upload"
  fi
  code="$(kibana_curl -X POST -H 'kbn-xsrf: true' --form "file=@$upload;type=application/ndjson" \
    -o "$workdir/import.json" -w '%{http_code}' "$base/api/saved_objects/_import?overwrite=true" || true)"
  if [[ "$code" != 200 ]]; then
    echo "import-kibana: Kibana refused $f (HTTP $code): $(cat "$workdir/import.json" 2>/dev/null)" >&2
    failed=true
    continue
  fi
  if $have_jq; then
    echo "Imported from $f:"
    jq -r '.successResults[]? | "  \(.type)\t\(.id)\t\(.meta.title // "")"' "$workdir/import.json"
    if [[ "$(jq -r '.success' "$workdir/import.json")" != true ]]; then
      echo "import-kibana: Kibana failed to import some objects of $f:" >&2
      jq -r '.errors[]? | "  \(.type) \(.id) (\(.title // .meta.title // "")): \(.error.type)"
        + (if .error.message then ": \(.error.message)" else "" end)
        + (if .error.references then " missing " + ([.error.references[] | "\(.type) \(.id)"] | join(", ")) else "" end)' \
        "$workdir/import.json" >&2
      failed=true
    fi
  else
    count="$(grep -o '"successCount":[0-9]*' "$workdir/import.json" | cut -d: -f2 || true)"
    echo "Imported ${count:-?} objects from $f (install jq for the list)."
    if ! grep -q '"success":true' "$workdir/import.json"; then
      echo "import-kibana: Kibana failed to import some objects of $f: $(cat "$workdir/import.json")" >&2
      failed=true
    fi
  fi
done
$failed && exit 1
echo "Open $base/app/dashboards#/view/spikewatch-live-monitor (Live monitor) or .../view/spikewatch-trends (Trends)."
