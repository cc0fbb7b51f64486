#!/usr/bin/env bash
# Compiles infra/main.bicep to ARM JSON (infra/out/main.json) with the Bicep CLI restored from NuGet (the version
# pinned in bicep-cli/BicepCli.proj). Fails on any warning, the linter's included.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet restore "$here/bicep-cli/BicepCli.proj" >/dev/null
version="$(sed -n 's/.*"Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$here/bicep-cli/BicepCli.proj")"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep"
mkdir -p "$here/out"
log="$here/out/bicep.log"
status=0
"$bicep" build "$here/main.bicep" --outfile "$here/out/main.json" 2>"$log" || status=$?
if [[ $status -ne 0 ]] || grep -Eq 'Warning|Error' "$log"; then
  cat "$log" >&2
  echo "bicep: main.bicep does not compile cleanly (exit $status); warnings count as failures" >&2
  exit 1
fi
echo "compiled: $here/out/main.json (bicep $version, no warnings)"
