#!/usr/bin/env bash
# Packs every package of Kernel.sln (NeuroRnn, NeuroRnn.Charts, NeuroRnn.Interactive with its .NET Interactive
# extension, the Deedle and Plotly.NET adapters, the kernel and the neurornn tool) into the local NuGet folder
# artifacts/packages, from which notebooks started in notebooks/ restore them (notebooks/nuget.config names that
# folder), in either host — NeuroRnn's kernel or .NET Interactive — as a user would:
# #r "nuget: NeuroRnn.Interop.Deedle, 0.1.0-*". Run it before opening the notebooks (scripts/setup.sh does not;
# scripts/test.sh does, before the notebook tests).
#
#   bash scripts/pack-local.sh [extra dotnet pack arguments, e.g. --no-build after a Release build]
#
# Folder: $NEURORNN_PACKAGES or artifacts/packages (ignored by git). Each run packs a new version
# 0.1.0-local.<UTC time>: NuGet caches a package per version, so re-packing one version would keep serving the old
# build. The folder's older NeuroRnn packages are removed. Prints the version.
set -euo pipefail
cd "$(dirname "$0")/.."

folder=${NEURORNN_PACKAGES:-artifacts/packages}
version=${NEURORNN_PACKAGE_VERSION:-0.1.0-local.$(date -u +%Y%m%d%H%M%S)}
mkdir -p "$folder"
folder=$(cd "$folder" && pwd)

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# One pack of the solution (test and bench projects are not packable): one MSBuild run instead of one per project.
dotnet pack Kernel.sln -c Release "-p:Version=$version" -o "$staging" -nologo -clp:ErrorsOnly "$@" >&2
rm -f "$folder"/NeuroRnn.*.nupkg
mv "$staging"/*.nupkg "$folder"/

echo "$version"
