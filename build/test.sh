#!/usr/bin/env bash
# The repository's test command: starts private PostgreSQL (the distribution's, 12 and 18)
# and MariaDB servers, builds and packs the solution once, runs every test project against the
# servers, stops the servers (always, also on failure or Ctrl-C) and ends with one line:
# "N passed, N failed, N skipped".
#
# Server ports and folder: see build/db.sh. Test results (TRX): artifacts/test-results.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=Release
results_dir=artifacts/test-results
packages_dir=artifacts/packages

step() { printf '\n==> %s\n' "$*"; }

step "database servers"
bash build/db.sh install
trap 'bash build/db.sh stop' EXIT
# Without this an interrupt would end the script without running the EXIT trap.
trap 'exit 130' INT TERM
bash build/db.sh start
eval "$(bash build/db.sh env)"
export SCHEMATASKS_TEST_POSTGRES SCHEMATASKS_TEST_MYSQL

step "peer tools (dbmate, drizzle-orm)"
bash build/peer-tools.sh install
eval "$(bash build/peer-tools.sh env)"
export SCHEMATASKS_TEST_PEER_TOOLS

# Build once; pack and test reuse that output. The packages feed the MSBuild fixture tests.
step "build"
dotnet build SchemaTasks.sln -c "$configuration"

step "pack"
rm -rf "$packages_dir"
dotnet pack SchemaTasks.sln -c "$configuration" --no-build -o "$packages_dir"
# The tool as it ships: a pointer package, Native AOT for x86-64 Linux, framework-dependent
# for the rest (NativeToolPackageTests installs it).
bash build/pack-tool.sh "$packages_dir"

step "test"
rm -rf "$results_dir"
test_status=0
# The timing guards (ratios of two input sizes) first and alone: the other test projects run
# in parallel and would be measured with them.
dotnet test tests/SchemaTasks.Core.Tests -c "$configuration" --no-build --filter "Category=Timing" \
  --results-directory "$results_dir" --logger "trx;LogFileName=timing.trx" || test_status=$?
dotnet test SchemaTasks.sln -c "$configuration" --no-build --filter "Category!=Timing" \
  --results-directory "$results_dir" --logger trx || test_status=$?

# Sum the counters of every TRX file (one per test project). A skipped test is counted in
# total but not in executed (its notExecuted counter stays 0); errors, timeouts and aborts
# count as failures.
shopt -s nullglob
trx_files=("$results_dir"/*.trx)
# One TRX per test project; fewer means a project's results are missing from the sum.
test_projects=$(grep -c '"tests\\[^"]*\.csproj"' SchemaTasks.sln || true)
if (( ${#trx_files[@]} < test_projects )); then
  echo "error: $test_projects test projects but ${#trx_files[@]} TRX files in $results_dir; some results are missing" >&2
  exit 1
fi
read -r passed failed skipped < <(grep -ho '<Counters [^>]*>' "${trx_files[@]}" | awk '
  function count(name,   pattern) {
    pattern = " " name "=\"[0-9]+\""
    if (match($0, pattern)) { return substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 }
    return 0
  }
  {
    passed += count("passed")
    failed += count("failed") + count("error") + count("timeout") + count("aborted")
    skipped += count("total") - count("executed")
  }
  END { printf "%d %d %d\n", passed, failed, skipped }')

echo
echo "$passed passed, $failed failed, $skipped skipped"
if (( test_status != 0 || failed != 0 )); then
  exit 1
fi
