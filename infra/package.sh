#!/usr/bin/env bash
# Builds the Functions custom-handler package: the self-contained API executable plus host.json and the HTTP function
# that forwards every request to it. Output: infra/out/functionapp.zip
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/infra/out/functionapp"
rm -rf "$out" && mkdir -p "$out"
dotnet publish "$root/src/Dunning.Api" -c Release -r linux-x64 --self-contained -o "$out"
cp -r "$root/infra/functions/." "$out/"
(cd "$out" && rm -f ../functionapp.zip && python3 -m zipfile -c ../functionapp.zip .)
echo "package: $root/infra/out/functionapp.zip (deploy with: az functionapp deployment source config-zip)"
