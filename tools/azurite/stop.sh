#!/usr/bin/env bash
# Stops the Azurite that start.sh started: exactly the three pids in .azurite/azurite.pid and their process groups.
# SIGINT first, which every Azurite service shuts down on (saving data kept in AZURITE_LOCATION); SIGKILL after 10 s.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pid_file="$here/.azurite/azurite.pid"

if [[ ! -f "$pid_file" ]]; then
    echo "No Azurite pid file ($pid_file); nothing to stop." >&2
    exit 0
fi

# start.sh ran each service under setsid, so its pid is also its process-group id: the group holds it and its children.
running=()
while read -r service pid; do
    if kill -0 "$pid" 2>/dev/null; then
        kill -INT -- "-$pid" 2>/dev/null || kill -INT "$pid"
        running+=("$service:$pid")
    fi
done <"$pid_file"

for entry in "${running[@]}"; do
    pid="${entry#*:}"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
    fi
    echo "Azurite ${entry%%:*} service (pid $pid) stopped." >&2
done
rm -f "$pid_file"
