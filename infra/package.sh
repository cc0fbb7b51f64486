#!/usr/bin/env bash
# Builds the Function App package: the isolated worker published framework-dependent (the Functions SDK adds host.json,
# functions.metadata, extensions.json and the host-side extensions under .azurefunctions/), zipped from inside the
# publish folder so host.json sits at the root of the archive. Output: infra/out/functionapp.zip
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/infra/out/functionapp"
zip="$root/infra/out/functionapp.zip"
rm -rf "$out" "$zip" && mkdir -p "$out"
dotnet publish "$root/src/Dunning.Functions" -c Release -o "$out"
for required in host.json functions.metadata; do
  [[ -f "$out/$required" ]] || { echo "package: $required missing from $out (is this an isolated-worker Functions project?)" >&2; exit 1; }
done
(cd "$out" && python3 -m zipfile -c "$zip" .)
echo "package: $zip"
echo "  Flex Consumption: az functionapp deployment source config-zip -g <rg> -n <appName> --src $zip"
echo "  Elastic Premium:  upload it as functionapp.zip to the deploymentContainer, then az functionapp restart (see infra/README.md)"
