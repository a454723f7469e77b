#!/usr/bin/env bash
# A build that changed nothing, or one after a code edit, at several sizes of the same project:
# the two copies of projects.sh with 40 source files, then more (both copies alike), N
# alternating rounds at each size; prints, per size, the median of the paired differences
# (with - without) with its 95% interval by both clocks (build_by_both_clocks), and the mean of
# MSBuild's over all sizes.
#   benchmarks/build-overhead/sizes.sh [rounds per size] [driver] [sizes...]   after build/test.sh or dotnet pack
# SCHEMATASKS_BENCH_EDIT=1: a line is added to one source file of the copy before each of its
# builds, so every build compiles; the differences are then also given as a share of the build
# without SchemaTasks.
# Why sizes: what SchemaTasks allocates in MSBuild's process moves the point where the
# collector runs (gc-report.sh), and a project whose build ends just short of a collection
# without SchemaTasks pays one with it. Which projects do depends on their size, so one size
# measures where that point falls as much as what SchemaTasks costs.
# docs/benchmarks.md, "A build that changed nothing, at four sizes" and "A build after a code
# edit, at four sizes", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-11}
driver=${2:-}
shift $(( $# < 2 ? $# : 2 ))
sizes=("$@")
(( ${#sizes[@]} )) || sizes=(40 140 600 1100)
edit=${SCHEMATASKS_BENCH_EDIT:-0}
source benchmarks/build-overhead/projects.sh
prepare_work
SCHEMATASKS_BENCH_FILES=${sizes[0]} write_projects "$repo" "$work" "$(driver_reference "$driver")"

build() { # $1: the copy
  [[ $edit == 1 ]] && echo "// edit" >> "$work/$1/File1.cs"
  build_by_both_clocks "$1"
}
percent() { awk -v part="$1" -v whole="$2" 'BEGIN { printf "%.1f%%", 100 * part / whole }'; }

all=()
kind="no-op build"; [[ $edit == 1 ]] && kind="build after a code edit"
echo "$kind, $rounds paired rounds per size, with - without: median [95% interval]"
for size in "${sizes[@]}"; do
  for project in with without; do
    add_source_files "$work/$project" "$size"
    dotnet build "$work/$project" --no-restore -v:q >/dev/null
  done
  whole=() both=() own=() base_whole=() base_both=()
  for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then w=$(build with); o=$(build without); else o=$(build without); w=$(build with); fi
    read -r ww we wb wo <<< "$w"; read -r ow oe ob _ <<< "$o"
    whole+=($(( ww - ow ))) both+=($(( we + wb - oe - ob ))) own+=("$wo")
    base_whole+=("$ow") base_both+=($(( oe + ob )))
  done
  all+=("${both[@]}")
  line="  $size source files: whole process $(printf '%s\n' "${whole[@]}" | median_interval), MSBuild's evaluation plus build $(printf '%s\n' "${both[@]}" | median_interval), SchemaTasks' own targets $(printf '%s\n' "${own[@]}" | median)"
  if [[ $edit == 1 ]]; then
    base_w=$(printf '%s\n' "${base_whole[@]}" | median) base_b=$(printf '%s\n' "${base_both[@]}" | median)
    line+="; without SchemaTasks $base_w ms (whole), $base_b ms (MSBuild's): $(percent "$(printf '%s\n' "${whole[@]}" | median)" "$base_w") and $(percent "$(printf '%s\n' "${both[@]}" | median)" "$base_b")"
  fi
  echo "$line"
done
echo "  MSBuild's evaluation plus build over all sizes: mean $(printf '%s\n' "${all[@]}" | awk '{ s += $1 } END { printf "%.1f", s / NR }') ms, median $(printf '%s\n' "${all[@]}" | median_interval)"
