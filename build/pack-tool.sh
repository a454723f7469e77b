#!/usr/bin/env bash
# Packs the schematasks tool as the .NET 10 SDK's RID-specific tool packages, into the folder
# given (default artifacts/packages):
#   SchemaTasks.Tool            the package users install: it points to the two below
#   SchemaTasks.Tool.linux-x64  Native AOT: no JIT at start-up (docs/benchmarks.md)
#   SchemaTasks.Tool.any        framework-dependent, for every other platform (.NET 8 or newer)
# Native AOT compiles only for the machine's own operating system, so the linux-x64 package is
# made on x86-64 Linux (with clang as the linker, installed with apt when missing) and a release
# from elsewhere leaves it out. See docs/tool.md, "Native tool packages".
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-artifacts/packages}
configuration=${CONFIGURATION:-Release}
project=src/SchemaTasks.Tool/SchemaTasks.Tool.csproj
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf 'pack-tool.sh: %s\n' "$*"; }

# A pack of the whole solution left a framework-dependent SchemaTasks.Tool here; the pointer
# replaces its package, and has no symbols to replace its symbol package with.
rm -f "$out"/SchemaTasks.Tool.[0-9]*.snupkg

# The pointer and the framework-dependent package (the SDK also makes a self-contained
# linux-x64 package here, which the Native AOT pack below replaces; SchemaTasksToolPointer keeps
# that one on the restore this pack made, for .NET 8, rather than the Native AOT one's .NET 10).
dotnet pack "$project" -c "$configuration" -p:SchemaTasksNativeTool=true -p:SchemaTasksToolPointer=true -o "$out" -nologo -v:q

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  rm -f "$out"/SchemaTasks.Tool.linux-x64.*
  log "not x86-64 Linux: no Native AOT package; every platform installs SchemaTasks.Tool.any"
  exit 0
fi

if ! command -v clang >/dev/null; then
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null \
    || { echo "pack-tool.sh: Native AOT links with clang; install it (apt-get install clang)" >&2; exit 1; }
  log "installing clang, the linker Native AOT uses"
  apt-get update -q
  apt-get install -y -q --no-install-recommends clang
fi

log "compiling the linux-x64 tool ahead of time (a minute or two)"
dotnet pack "$project" -c "$configuration" -p:SchemaTasksNativeTool=true -r linux-x64 -o "$out" -nologo -v:q
# That pack restored the project for .NET 10; restore it as the solution builds it, so that a
# later step without a restore (dotnet test --no-build) finds the assets it expects.
dotnet restore "$project" -nologo -v:q
log "packed $(cd "$out" && ls SchemaTasks.Tool.*nupkg | grep -v snupkg | tr '\n' ' ')"
