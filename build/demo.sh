#!/usr/bin/env bash
# The README's main command. It packs SchemaTasks and uses it as a user would:
#   1. builds samples/JobService (PostgreSQL, Prisma layout) and prints the migrations its
#      build embedded, with their verified checksums;
#   2. builds samples/replication (MySQL, golang-migrate layout beside a Go backend);
#   3. in a copy of that sample, uses a job type the migrations do not declare: the build
#      fails with the exact MODIFY COLUMN fix; `-p:SchemaScaffold=true` writes the migration;
#      the next build passes.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

step() { printf '\n==> %s\n' "$*"; }

step "Packing SchemaTasks into artifacts/packages"
dotnet pack SchemaTasks.sln -c Release -o artifacts/packages -nologo -v:q

# A private package cache, emptied of SchemaTasks, so no sample builds against a stale copy
# of a package with the same version.
export NUGET_PACKAGES="$PWD/artifacts/sample-packages"
rm -rf "$NUGET_PACKAGES"/schematasks*

step "Building samples/JobService (PostgreSQL, Prisma migrations) with SchemaTasks.Build"
dotnet build samples/JobService -c Release -nologo -v:q

step "Running samples/JobService: the migrations its build embedded"
dotnet samples/JobService/bin/Release/net10.0/JobService.dll

step "Building samples/replication (MySQL, golang-migrate migrations in ../db/migrations)"
dotnet build samples/replication/ReplicationService -c Release -nologo -v:q
dotnet samples/replication/ReplicationService/bin/Release/net10.0/ReplicationService.dll

# The copy lives outside the repository, with the samples' own build settings, exactly as a
# user's repository would; the sample itself stays green.
copy="$(mktemp -d)/replication"
trap 'rm -rf "$(dirname "$copy")"' EXIT
cp -r samples/replication "$copy"
rm -rf "$copy"/ReplicationService/{bin,obj}
cp samples/Directory.Build.props samples/Directory.Packages.props "$(dirname "$copy")/"
sed "s|\.\./artifacts/packages|$PWD/artifacts/packages|" samples/NuGet.config > "$(dirname "$copy")/NuGet.config"
cat > "$copy/ReplicationService/SnapshotCleanup.cs" <<'CS'
namespace ReplicationService;

public static class SnapshotCleanup
{
    // A new job type, written in code but not yet in any migration.
    public static JobTracking Start() => new() { Id = "job-42", JobType = "snapshot_cleanup" };
}
CS

step "A copy of samples/replication uses job type \"snapshot_cleanup\", which no migration declares: the build must fail"
if dotnet build "$copy/ReplicationService" -nologo -v:q > "$copy/build.log" 2>&1; then
  echo "demo: the build should have failed on snapshot_cleanup" >&2
  exit 1
fi
grep -o 'SnapshotCleanup.cs([0-9,]*): error ST4001: .*' "$copy/build.log" | sed 's/ \[.*\]$//' | sort -u

step "dotnet build -p:SchemaScaffold=true writes the missing migration in the golang-migrate layout"
dotnet build "$copy/ReplicationService" -nologo -v:q -p:SchemaScaffold=true > "$copy/scaffold.log" 2>&1 || { cat "$copy/scaffold.log"; exit 1; }
ls "$copy/db/migrations"
cat "$copy"/db/migrations/*_add_snapshot_cleanup.up.sql

step "The build passes with the scaffolded migration"
dotnet build "$copy/ReplicationService" -nologo -v:q | grep -E 'Build succeeded|error' | sort -u
