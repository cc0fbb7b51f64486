#!/usr/bin/env bash
# Starts the pinned Azurite in the background on 127.0.0.1 with in-memory storage.
# Usage: tools/azurite/start.sh [blobPort queuePort tablePort]   (defaults 10000 10001 10002)
# Prints the connection string on stdout; Azurite's own output goes to .azurite/azurite.log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
blob_port="${1:-10000}"
queue_port="${2:-10001}"
table_port="${3:-10002}"
state_dir="$here/.azurite"
pid_file="$state_dir/azurite.pid"
log_file="$state_dir/azurite.log"
timeout_seconds="${AZURITE_START_TIMEOUT:-60}"

mkdir -p "$state_dir"

if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "Azurite already running (pid $(cat "$pid_file")); run $here/stop.sh first." >&2
    exit 1
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
# package-lock.json means the pin changed since. The C# launcher applies the same rule.
installed_lock="$here/node_modules/.package-lock.json"
if [[ ! -f "$here/node_modules/azurite/dist/src/azurite.js" || ! -f "$installed_lock" \
      || "$here/package-lock.json" -nt "$installed_lock" ]]; then
    echo "Installing Azurite from package-lock.json (npm ci)..." >&2
    (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

# setsid gives Azurite its own process group, so stop.sh can end it and anything it spawns.
# --disableTelemetry: Azurite otherwise phones home, and this machine must not.
setsid node "$here/node_modules/azurite/dist/src/azurite.js" \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" \
    --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --loose --silent \
    >"$log_file" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

deadline=$((SECONDS + timeout_seconds))
for port in "$blob_port" "$queue_port" "$table_port"; do
    until port_open "$port"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "Azurite exited during start-up. Its output:" >&2
            cat "$log_file" >&2
            rm -f "$pid_file"
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            echo "Azurite did not open port $port within ${timeout_seconds}s. Its output:" >&2
            cat "$log_file" >&2
            "$here/stop.sh" >&2 || true
            exit 1
        fi
        sleep 0.2
    done
done

echo "Azurite running (pid $pid): blob $blob_port, queue $queue_port, table $table_port." >&2
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${account_key};BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"
