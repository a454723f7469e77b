#!/usr/bin/env bash
# A build that changed nothing, at several sizes of the same project: the two copies of
# projects.sh with 40 source files, then more (both copies alike), N alternating rounds at each
# size; prints, per size, the median of the paired differences (with - without) with its 95%
# interval by both clocks (build_by_both_clocks), and the mean of MSBuild's over all sizes.
#   benchmarks/build-overhead/noop-sizes.sh [rounds per size] [driver] [sizes...]   after build/test.sh or dotnet pack
# Why sizes: what SchemaTasks allocates in MSBuild's process moves the point where the
# collector runs (gc-report.sh), and a project whose build ends just short of a collection
# without SchemaTasks pays one with it. Which projects do depends on their size, so one size
# measures where that point falls as much as what SchemaTasks costs.
# docs/benchmarks.md, "A build that changed nothing, at four sizes", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-11}
driver=${2:-}
shift $(( $# < 2 ? $# : 2 ))
sizes=("$@")
(( ${#sizes[@]} )) || sizes=(40 140 600 1100)
source benchmarks/build-overhead/projects.sh
prepare_work
SCHEMATASKS_BENCH_FILES=${sizes[0]} write_projects "$repo" "$work" "$(driver_reference "$driver")"

all=()
echo "no-op build, $rounds paired rounds per size, with - without: median [95% interval]"
for size in "${sizes[@]}"; do
  for project in with without; do
    add_source_files "$work/$project" "$size"
    dotnet build "$work/$project" --no-restore -v:q >/dev/null
  done
  whole=() both=() own=()
  for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then w=$(build_by_both_clocks with); o=$(build_by_both_clocks without); else o=$(build_by_both_clocks without); w=$(build_by_both_clocks with); fi
    read -r ww we wb wo <<< "$w"; read -r ow oe ob _ <<< "$o"
    whole+=($(( ww - ow ))) both+=($(( we + wb - oe - ob ))) own+=("$wo")
  done
  all+=("${both[@]}")
  echo "  $size source files: whole process $(printf '%s\n' "${whole[@]}" | median_interval), MSBuild's evaluation plus build $(printf '%s\n' "${both[@]}" | median_interval), SchemaTasks' own targets $(printf '%s\n' "${own[@]}" | median)"
done
echo "  MSBuild's evaluation plus build over all sizes: mean $(printf '%s\n' "${all[@]}" | awk '{ s += $1 } END { printf "%.1f", s / NR }') ms, median $(printf '%s\n' "${all[@]}" | median_interval)"
