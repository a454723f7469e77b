#!/usr/bin/env bash
# Two builds of the SchemaTasks task, each run by `dotnet build` of the same project after a
# migration edit (so the task reads and applies the migrations again): the benchmark project
# of projects.sh with the task assembly A, then B (MSBuild's `_SchemaTaskAssembly`), which goes
# first alternating by round; prints the medians of the whole build and of the task by
# MSBuild's clock, and the median of the paired differences (B - A) with its 95% interval.
#   benchmarks/build-overhead/compare-tasks.sh <task-a.dll> <task-b.dll> [rounds]
# e.g. the package's tasks/net8.0/SchemaTasks.Build.dll against its tasks/net10.0 one, or the
# tasks/net10.0 folders of two commits (`dotnet publish src/SchemaTasks.Build -c Release -f
# net10.0 -o <dir>`). docs/benchmarks.md, "The task compiled ahead of time", records results.
set -euo pipefail
task_a=$(realpath "$1") task_b=$(realpath "$2") rounds=${3:-15}
cd "$(dirname "$0")/../.."
source benchmarks/build-overhead/projects.sh
prepare_work
write_projects "$repo" "$work" ""
last_migration=$(cd "$work/with/prisma/migrations" && folders=(2020*) && echo "${folders[-1]}")

build() { # $1: the task assembly, $2: the round; prints "<whole build ms> <task ms>"
  echo "-- edit $2 $1" >> "$work/with/prisma/migrations/$last_migration/migration.sql"
  local start end summary
  start=$(date +%s%N)
  summary=$(dotnet build "$work/with" --no-restore -v:q -clp:PerformanceSummary "-p:_SchemaTaskAssembly=$1")
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk '$3 == "GenerateSchemaArtifacts" { print $1 }' <<< "$summary" | tail -1)"
}

whole_a=() whole_b=() task_a_ms=() task_b_ms=() whole_diff=() task_diff=()
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then a=$(build "$task_a" "$round"); b=$(build "$task_b" "$round"); else b=$(build "$task_b" "$round"); a=$(build "$task_a" "$round"); fi
  read -r wa ta <<< "$a"; read -r wb tb <<< "$b"
  whole_a+=("$wa") whole_b+=("$wb") task_a_ms+=("$ta") task_b_ms+=("$tb")
  whole_diff+=($(( wb - wa ))) task_diff+=($(( tb - ta )))
done
echo "$rounds rounds, a build after a migration edit each:"
echo "  whole build: A $(printf '%s\n' "${whole_a[@]}" | median) ms, B $(printf '%s\n' "${whole_b[@]}" | median) ms, B - A $(printf '%s\n' "${whole_diff[@]}" | median_interval)"
echo "  the task:    A $(printf '%s\n' "${task_a_ms[@]}" | median) ms, B $(printf '%s\n' "${task_b_ms[@]}" | median) ms, B - A $(printf '%s\n' "${task_diff[@]}" | median_interval)"
