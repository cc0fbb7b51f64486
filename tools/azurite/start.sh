#!/usr/bin/env bash
# Starts the pinned (and patched) Azurite in the background on 127.0.0.1 as three processes, one per service (blob,
# queue, table), as the C# launcher does; data in memory, or in AZURITE_LOCATION when that names a folder.
# Usage: tools/azurite/start.sh [blobPort queuePort tablePort]   (defaults 10000 10001 10002)
# Prints the connection string on stdout; each service's output goes to .azurite/<service>.log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
blob_port="${1:-10000}"
queue_port="${2:-10001}"
table_port="${3:-10002}"
state_dir="$here/.azurite"
pid_file="$state_dir/azurite.pid"
timeout_seconds="${AZURITE_START_TIMEOUT:-60}"

mkdir -p "$state_dir"

if [[ -f "$pid_file" ]]; then
    while read -r _ pid; do
        if kill -0 "$pid" 2>/dev/null; then
            echo "Azurite already running (pid $pid); run $here/stop.sh first." >&2
            exit 1
        fi
    done <"$pid_file"
fi

port_open() {
    # bash's /dev/tcp needs no extra tools; the subshell closes the socket again.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for port in "$blob_port" "$queue_port" "$table_port"; do
    if port_open "$port"; then
        echo "Port $port on 127.0.0.1 is already in use." >&2
        exit 1
    fi
done

# npm writes node_modules/.package-lock.json last: missing means no finished install, older than
# package-lock.json means the pin changed since. npm ci's postinstall then patches Azurite (patches/apply.cjs), and
# --check fails when that patch is missing or is not the one in patches/ now. The C# launcher applies the same rules.
installed_lock="$here/node_modules/.package-lock.json"
if [[ ! -f "$installed_lock" || "$here/package-lock.json" -nt "$installed_lock" ]] \
      || ! node "$here/patches/apply.cjs" --check >/dev/null 2>&1; then
    echo "Installing Azurite from package-lock.json (npm ci, then its patch)..." >&2
    (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

if [[ -n "${AZURITE_LOCATION:-}" ]]; then
    mkdir -p "$AZURITE_LOCATION"
    persistence=(--location "$AZURITE_LOCATION")
else
    persistence=(--inMemoryPersistence)
fi

# One process per service, so they are served on separate cores. setsid gives each its own process group, so stop.sh
# can end it and anything it spawns. --disableTelemetry: Azurite otherwise phones home, and this machine must not.
: >"$pid_file"
start_service() {
    local service="$1" port="$2"
    setsid node "$here/node_modules/azurite/dist/src/$service/main.js" \
        "--${service}Host" 127.0.0.1 "--${service}Port" "$port" \
        --skipApiVersionCheck --disableTelemetry --loose --silent "${persistence[@]}" \
        >"$state_dir/$service.log" 2>&1 </dev/null &
    echo "$service $!" >>"$pid_file"
}
start_service blob "$blob_port"
start_service queue "$queue_port"
start_service table "$table_port"

deadline=$((SECONDS + timeout_seconds))
while read -r service pid; do
    port_var="${service}_port"
    port="${!port_var}"
    until port_open "$port"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "Azurite's $service service exited during start-up. Its output:" >&2
            cat "$state_dir/$service.log" >&2
            "$here/stop.sh" >&2 || true
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            echo "Azurite's $service service did not open port $port within ${timeout_seconds}s. Its output:" >&2
            cat "$state_dir/$service.log" >&2
            "$here/stop.sh" >&2 || true
            exit 1
        fi
        sleep 0.2
    done
done <"$pid_file"

echo "Azurite running (pids $(awk '{print $1 " " $2}' "$pid_file" | paste -sd, -)): blob $blob_port, queue $queue_port, table $table_port." >&2
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${account_key};BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"
