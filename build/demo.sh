#!/usr/bin/env bash
# The README's main command: pack SchemaTasks, build the sample service with it exactly as
# a user's project would (local package feed, fresh package cache), and run the sample,
# which prints the migrations the build embedded and verifies their checksums.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }

step "Packing SchemaTasks into artifacts/packages"
dotnet pack SchemaTasks.sln -c Release -o artifacts/packages -nologo -v:q

# A private package cache, emptied of SchemaTasks, so the sample never builds against a
# stale copy of a package with the same version.
export NUGET_PACKAGES="$PWD/artifacts/sample-packages"
rm -rf "$NUGET_PACKAGES"/schematasks*

step "Building samples/JobService with the SchemaTasks.Build package"
dotnet build samples/JobService -c Release -nologo -v:q -nodeReuse:false

step "Running samples/JobService"
dotnet samples/JobService/bin/Release/net10.0/JobService.dll
