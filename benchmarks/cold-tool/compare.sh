#!/usr/bin/env bash
# Two builds of the schematasks tool, each started cold on the same migrations folder, run
# alternately (which goes first alternates by round, so a drift of the machine falls on both);
# prints each one's median and the median of the per-round ratios second/first.
#   benchmarks/cold-tool/compare.sh <tool-a> <tool-b> <migrations-dir> [rounds] [snapshot options...]
# e.g. two native tools published with `dotnet publish src/SchemaTasks.Tool -c Release -r linux-x64
# -p:SchemaTasksNativeTool=true -o <dir>` from two commits, on artifacts/bench-corpus/postgres-1000
# with --dialect postgres. docs/benchmarks.md, "The tool started cold", records the results.
set -euo pipefail
a=$1 b=$2 folder=$3 rounds=${4:-15}
shift $(( $# < 4 ? $# : 4 ))
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # $1: tool, then the snapshot options; prints microseconds
  local tool=$1 start end status=0
  shift
  start=$(date +%s%N)
  "$tool" snapshot "$folder" "$@" --out "$out/snapshot.json" >/dev/null 2>"$out/error" || status=$?
  end=$(date +%s%N)
  # 1 is a finished run that found problems, which a real history may have; anything else is not a run to time.
  if (( status > 1 )); then echo "$tool exited with $status:" >&2; cat "$out/error" >&2; exit 1; fi
  echo $(( (end - start) / 1000 ))
}

times_a=() times_b=() ratios=()
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then ta=$(run "$a" "$@"); tb=$(run "$b" "$@"); else tb=$(run "$b" "$@"); ta=$(run "$a" "$@"); fi
  times_a+=("$ta") times_b+=("$tb")
  ratios+=("$(awk -v x="$tb" -v y="$ta" 'BEGIN { printf "%.4f", x / y }')")
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ma=$(printf '%s\n' "${times_a[@]}" | median)
mb=$(printf '%s\n' "${times_b[@]}" | median)
mr=$(printf '%s\n' "${ratios[@]}" | median)
awk -v a="$ma" -v b="$mb" -v r="$mr" -v n="$rounds" 'BEGIN { printf "%d rounds: first %.1f ms, second %.1f ms (medians); second/first, median of the rounds: %.3f\n", n, a / 1000, b / 1000, r }'
