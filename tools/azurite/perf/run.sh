#!/usr/bin/env bash
# Measures the pinned Azurite under the Durable-Task-shaped load of perf/AzuriteLoad (see README.md, "Measured").
# Usage: tools/azurite/perf/run.sh combined|split patched|unpatched INSTANCES SECONDS [PROFILE_DIR]
#   combined   one azurite process serving blob, queue and table (as before the split)
#   split      azurite-blob, azurite-queue and azurite-table as three processes (as the launcher runs them now)
#   unpatched  Azurite as npm installed it, rebuilt under .azurite/perf/ from the pristine copies apply.cjs keeps
#   PROFILE_DIR  run node with --cpu-prof there; summarise with perf/cpuprofile-top.cjs
# Loopback only, on ports 20000-20002; everything it starts is stopped at the end. Prints the load's summary line.
set -euo pipefail

perf="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# AZURITE_TOOL_DIR: measure another copy of tools/azurite (its own node_modules) with this folder's load.
here="${AZURITE_TOOL_DIR:-$(dirname "$perf")}"
layout="${1:?combined or split}"
variant="${2:?patched or unpatched}"
instances="${3:?instances}"
seconds="${4:?seconds}"
profile_dir="${5:-}"
blob_port=20000 queue_port=20001 table_port=20002
work="$here/.azurite/perf"
mkdir -p "$work"

node "$here/patches/apply.cjs" --check >/dev/null
package="$here/node_modules/azurite"
if [[ "$variant" == unpatched ]]; then
    # A copy outside node_modules still resolves Azurite's dependencies from tools/azurite/node_modules.
    rm -rf "$work/unpatched" && mkdir -p "$work/unpatched"
    cp -a "$package" "$work/unpatched/azurite"
    package="$work/unpatched/azurite"
    find "$package/dist" -name '*.dunning-orig' | while read -r pristine; do mv "$pristine" "${pristine%.dunning-orig}"; done
    rm -f "$package/dist/src/common/persistence/LokiRemoval.js"
fi

dotnet build "$perf/AzuriteLoad" -c Release -o "$work/load" >/dev/null

node_flags=()
if [[ -n "$profile_dir" ]]; then
    mkdir -p "$profile_dir"
    node_flags=(--cpu-prof --cpu-prof-dir "$profile_dir")
fi
common=(--skipApiVersionCheck --disableTelemetry --loose --silent --inMemoryPersistence)
pids=()
if [[ "$layout" == combined ]]; then
    node "${node_flags[@]}" "$package/dist/src/azurite.js" \
        --blobHost 127.0.0.1 --blobPort $blob_port --queueHost 127.0.0.1 --queuePort $queue_port \
        --tableHost 127.0.0.1 --tablePort $table_port "${common[@]}" >"$work/azurite.log" 2>&1 &
    pids+=($!)
else
    node "${node_flags[@]}" "$package/dist/src/blob/main.js" --blobHost 127.0.0.1 --blobPort $blob_port "${common[@]}" >"$work/blob.log" 2>&1 &
    pids+=($!)
    node "${node_flags[@]}" "$package/dist/src/queue/main.js" --queueHost 127.0.0.1 --queuePort $queue_port "${common[@]}" >"$work/queue.log" 2>&1 &
    pids+=($!)
    node "${node_flags[@]}" "$package/dist/src/table/main.js" --tableHost 127.0.0.1 --tablePort $table_port "${common[@]}" >"$work/table.log" 2>&1 &
    pids+=($!)
fi

stop() {
    # SIGINT: the one signal all three entry points (and the combined one) shut down on; it also writes the profile.
    for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
}
trap stop EXIT

for port in $blob_port $queue_port $table_port; do
    for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done

connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
pid_list="$(IFS=,; echo "${pids[*]}")"
echo "$layout $variant: $(dotnet "$work/load/AzuriteLoad.dll" "$connection" --instances "$instances" --seconds "$seconds" --pids "$pid_list")"
