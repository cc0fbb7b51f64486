#!/usr/bin/env bash
# Stops the Azurite that start.sh started: exactly the pid in .azurite/azurite.pid and its process group.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pid_file="$here/.azurite/azurite.pid"

if [[ ! -f "$pid_file" ]]; then
    echo "No Azurite pid file ($pid_file); nothing to stop." >&2
    exit 0
fi

pid="$(cat "$pid_file")"
if ! kill -0 "$pid" 2>/dev/null; then
    echo "Azurite (pid $pid) is not running any more." >&2
    rm -f "$pid_file"
    exit 0
fi

# start.sh ran Azurite under setsid, so its pid is also its process-group id: the group holds it and its children.
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
fi
rm -f "$pid_file"
echo "Azurite (pid $pid) stopped." >&2
