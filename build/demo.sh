#!/usr/bin/env bash
# The README's main command. It packs SchemaTasks and uses it as a user would:
#   1. builds samples/JobService (PostgreSQL, Prisma layout) and prints the migrations its
#      build embedded, with their verified checksums;
#   2. builds samples/replication (MySQL, golang-migrate layout beside a Go backend);
#   3. in a copy of that sample, uses a job type the migrations do not declare: the build
#      fails with the exact MODIFY COLUMN fix; `-p:SchemaScaffold=true` writes the migration;
#      the next build passes;
#   4. in a copy of samples/JobService, a Dapper query sets a status the migrations do not
#      declare: the build fails at the string literal inside the SQL;
#   5. starts a private PostgreSQL and runs JobService's start-up self-check against it:
#      refused on an empty database, refused when the CANCELLED migration was never applied
#      (scenario 1), started once it is.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

step() { printf '\n==> %s\n' "$*"; }

step "Packing SchemaTasks into artifacts/packages"
# Only this pack's packages: their version comes from git (MinVer), and the samples take it.
rm -f artifacts/packages/SchemaTasks*.nupkg artifacts/packages/SchemaTasks*.snupkg
dotnet pack SchemaTasks.sln -c Release -o artifacts/packages -nologo -v:q
package=$(ls artifacts/packages/SchemaTasks.Build.*.nupkg)
SchemaTasksVersion=${package#artifacts/packages/SchemaTasks.Build.}
# MSBuild reads environment variables as properties: samples/Directory.Packages.props uses it.
export SchemaTasksVersion=${SchemaTasksVersion%.nupkg}
echo "SchemaTasks $SchemaTasksVersion"

# A private package cache, emptied of SchemaTasks, so no sample builds against a stale copy
# of a package with the same version.
export NUGET_PACKAGES="$PWD/artifacts/sample-packages"
rm -rf "$NUGET_PACKAGES"/schematasks*

step "Building samples/JobService (PostgreSQL, Prisma migrations) with SchemaTasks.Build"
dotnet build samples/JobService -c Release -nologo -v:q

step "Running samples/JobService: the migrations its build embedded"
dotnet samples/JobService/bin/Release/net10.0/JobService.dll manifest

step "Building samples/replication (MySQL, golang-migrate migrations in ../db/migrations)"
dotnet build samples/replication/ReplicationService -c Release -nologo -v:q
dotnet samples/replication/ReplicationService/bin/Release/net10.0/ReplicationService.dll

# The copy lives outside the repository, with the samples' own build settings, exactly as a
# user's repository would; the sample itself stays green.
copy="$(mktemp -d)/replication"
cleanup() { rm -rf "$(dirname "$copy")"; }
trap cleanup EXIT
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

# A second copy, of JobService, beside the first: its SQL run with Dapper uses a status no
# migration declares. One build only, to keep the demo short: scaffolding works as above.
jobcopy="$(dirname "$copy")/JobService"
cp -r samples/JobService "$jobcopy"
rm -rf "$jobcopy"/{bin,obj}
cat > "$jobcopy/StaleJobs.cs" <<'CS'
using Dapper;
using Npgsql;

namespace JobService;

public static class StaleJobs
{
    // A status written in a query, but not yet in any migration.
    public static Task<int> MarkAsync(NpgsqlConnection connection)
        => connection.ExecuteAsync("""UPDATE "Job" SET "status" = 'STALE' WHERE "createdAt" < now() - interval '1 day'""");
}
CS

step "A copy of samples/JobService sets status 'STALE' in SQL run by Dapper; no migration declares it: the build must fail at the literal"
if dotnet build "$jobcopy" -nologo -v:q > "$jobcopy/build.log" 2>&1; then
  echo "demo: the build should have failed on 'STALE'" >&2
  exit 1
fi
grep -o 'StaleJobs.cs([0-9,]*): error ST4001: .*' "$jobcopy/build.log" | sed 's/ \[.*\]$//' | sort -u

# Step 5: the start-up self-check, on a PostgreSQL server of the demo's own.
export SCHEMATASKS_PG_PORT=54389 SCHEMATASKS_MYSQL_PORT=33129 SCHEMATASKS_DB_DIR="$PWD/artifacts/demo-db"
step "Starting a private PostgreSQL for the start-up self-check"
bash build/db.sh install
cleanup() { rm -rf "$(dirname "$copy")"; bash build/db.sh stop; }
bash build/db.sh start
server="postgresql://schematasks:schematasks@127.0.0.1:$SCHEMATASKS_PG_PORT"
psql "$server/postgres" -q -c "CREATE DATABASE jobs"
export JOBS_DATABASE="Host=127.0.0.1;Port=$SCHEMATASKS_PG_PORT;Username=schematasks;Password=schematasks;Database=jobs"
jobservice() { dotnet samples/JobService/bin/Release/net10.0/JobService.dll; }
must_refuse() {
  if jobservice; then echo "demo: JobService should have refused to start" >&2; exit 1; fi
}

# What `prisma migrate deploy` does for one migration: run its SQL, and record it in
# _prisma_migrations with the SHA-256 of the file.
prisma_deploy() {
  local name=$1 file=samples/JobService/prisma/migrations/$1/migration.sql
  psql "$server/jobs" -q -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0);
SQL
  psql "$server/jobs" -q -v ON_ERROR_STOP=1 -f "$file"
  psql "$server/jobs" -q -v ON_ERROR_STOP=1 -c "INSERT INTO \"_prisma_migrations\" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid()::text, '$(sha256sum "$file" | cut -d' ' -f1)', now(), '$name', 1)"
}

step "JobService against an empty database: the check refuses to start the service"
must_refuse

step "Applying only 20250801120000_init, as prisma migrate deploy would; the CANCELLED migration is never applied (scenario 1)"
prisma_deploy 20250801120000_init
must_refuse

step "Applying 20250909044604_add_cancelled_job_status: the service starts and cancels a job"
prisma_deploy 20250909044604_add_cancelled_job_status
jobservice
