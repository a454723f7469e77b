#!/usr/bin/env bash
# What SchemaTasks adds to a user's `dotnet build`, measured as a user meets it: two copies of
# one project (40 small source files, one [DbEnum] property, the first 163 migrations of the
# benchmark corpus as a Prisma folder), one with the SchemaTasks.Build package from
# artifacts/packages and one without, built alternately, N rounds (a third as many after
# `dotnet build-server shutdown`); prints the medians and the median of the paired differences
# with its 95% interval.
#   benchmarks/build-overhead/run.sh [rounds] [driver]      after build/test.sh or dotnet pack
# With a second argument, `driver`, both copies also reference Npgsql, as an application that
# has a schema to keep does: then the package reference itself is not part of the difference.
# The builds skip restore unless SCHEMATASKS_BENCH_RESTORE=1 (also read by noop-clock.sh,
# sizes.sh and gc-report.sh), which times them as a plain `dotnet build`, restore included.
# docs/benchmarks.md, "What SchemaTasks adds to a build", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
source benchmarks/build-overhead/projects.sh
prepare_work
echo "UseSharedCompilation=${UseSharedCompilation:-(default: the compiler server)} MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-(default: nodes reused)}"
write_projects "$repo" "$work" "$(driver_reference "${2:-}")"

measure() { # $1: what to do before each build: none | edit | migration | cold (edit after dotnet build-server shutdown); $2: rounds
  local with=() without=() differences=()
  for round in $(seq 1 "$2"); do
    # Which copy goes first alternates, so neither always follows the other's cache state.
    local order=(with without)
    (( round % 2 == 0 )) && order=(without with)
    for project in "${order[@]}"; do
      [[ $1 == edit || $1 == cold ]] && echo "// $1 $round" >> "$work/$project/File1.cs"
      # A comment added to the newest migration: its checksum changes, so SchemaTasks reads and
      # applies the migrations again and the assembly embeds the new text; without SchemaTasks
      # the build has nothing to do.
      [[ $1 == migration ]] && echo "-- edit $round" >> "$work/$project/prisma/migrations/$last_migration/migration.sql"
      # A fresh MSBuild node and compiler server: the task assembly and the analyzer load and are compiled again.
      [[ $1 == cold ]] && { dotnet build-server shutdown >/dev/null 2>&1 || true; }
      local start end
      start=$(date +%s%N)
      dotnet build "$work/$project" $(restore_option) -v:q >/dev/null
      end=$(date +%s%N)
      if [[ $project == with ]]; then with+=($(( (end - start) / 1000000 ))); else without+=($(( (end - start) / 1000000 ))); fi
    done
    differences+=($(( with[-1] - without[-1] )))
  done
  local w o d
  w=$(printf '%s\n' "${with[@]}" | median)
  o=$(printf '%s\n' "${without[@]}" | median)
  d=$(printf '%s\n' "${differences[@]}" | median_interval)
  echo "$1 build, $2 paired rounds: with SchemaTasks $w ms, without $o ms, difference of the medians $((w - o)) ms, median of the paired differences $d"
}
last_migration=$(cd "$work/with/prisma/migrations" && folders=(2020*) && echo "${folders[-1]}")
measure none "$rounds"
measure edit "$rounds"
measure migration "$rounds"
measure cold "$(( (rounds + 2) / 3 ))"
