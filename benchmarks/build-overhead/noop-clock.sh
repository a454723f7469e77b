#!/usr/bin/env bash
# What a build that changed nothing pays for SchemaTasks, by two clocks: the whole `dotnet
# build` process, and MSBuild's own (-clp:PerformanceSummary: the project's evaluation and its
# build, which leave out the CLI's start-up and vary less). The two copies of projects.sh,
# built alternately, N rounds; prints the median of the paired differences (with - without)
# with its 95% interval for each clock, and the time of SchemaTasks' own targets.
#   benchmarks/build-overhead/noop-clock.sh [rounds] [driver]      after build/test.sh or dotnet pack
# docs/benchmarks.md, "What SchemaTasks adds to a build", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-31}
source benchmarks/build-overhead/projects.sh
prepare_work
write_projects "$repo" "$work" "$(driver_reference "${2:-}")"
for project in with without; do dotnet build "$work/$project" --no-restore -v:q >/dev/null; done

declare -a whole eval bld both own
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then w=$(build_by_both_clocks with); o=$(build_by_both_clocks without); else o=$(build_by_both_clocks without); w=$(build_by_both_clocks with); fi
  read -r ww we wb wo <<< "$w"; read -r ow oe ob _ <<< "$o"
  whole+=($(( ww - ow ))) eval+=($(( we - oe ))) bld+=($(( wb - ob ))) both+=($(( we + wb - oe - ob ))) own+=("$wo")
done
echo "no-op build, $rounds paired rounds, with - without: median [95% interval]"
echo "  the whole process:         $(printf '%s\n' "${whole[@]}" | median_interval)"
echo "  MSBuild's evaluation:      $(printf '%s\n' "${eval[@]}" | median_interval)"
echo "  MSBuild's build:           $(printf '%s\n' "${bld[@]}" | median_interval)"
echo "  evaluation plus build:     $(printf '%s\n' "${both[@]}" | median_interval)"
echo "  SchemaTasks' own targets:  $(printf '%s\n' "${own[@]}" | median_interval) (their total, not a difference)"
