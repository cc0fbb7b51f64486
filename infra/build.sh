#!/usr/bin/env bash
# Compiles infra/main.bicep to ARM JSON (infra/out/main.json) with the Bicep CLI restored from NuGet.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet restore "$here/bicep-cli/BicepCli.proj" >/dev/null
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"
mkdir -p "$here/out"
"$bicep" build "$here/main.bicep" --outfile "$here/out/main.json"
echo "compiled: $here/out/main.json"
