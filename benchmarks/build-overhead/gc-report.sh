#!/usr/bin/env bash
# What MSBuild's own process allocates and collects in a build of the two copies of projects.sh:
# a small inline task, imported into both copies, reports the process's allocated bytes and
# collection counts at four points of each build (after evaluation, before the resource
# targets, before the compile, at the end). Prints one line per build: the four points, each
# "allocated MB (gen0/gen1/gen2 collections so far)", and the total pause of the collector.
#   benchmarks/build-overhead/gc-report.sh [rounds] [driver]     after build/test.sh or dotnet pack
# docs/benchmarks.md, "What the task's memory costs in MSBuild's process", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
source benchmarks/build-overhead/projects.sh
prepare_work
write_projects "$repo" "$work" "$(driver_reference "${2:-}")"

# The reporting task compiles against .NET Standard, so the .NET Core-only counters are read by
# reflection. Its own cost falls on both copies alike.
cat > "$work/gc.targets" <<'XML'
<Project>
  <UsingTask TaskName="GcReport" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
    <ParameterGroup><Point ParameterType="System.String" Required="true" /></ParameterGroup>
    <Task>
      <Code Type="Fragment" Language="cs"><![CDATA[
        var gc = typeof(System.GC);
        var allocated = (long)gc.GetMethod("GetTotalAllocatedBytes", new[] { typeof(bool) }).Invoke(null, new object[] { false });
        var pause = (System.TimeSpan)gc.GetMethod("GetTotalPauseDuration").Invoke(null, null);
        Log.LogMessage(MessageImportance.High, string.Format(System.Globalization.CultureInfo.InvariantCulture,
          "gc-report {0} {1:F2} MB ({2}/{3}/{4}) pause {5:F0} ms", Point, allocated / 1e6,
          System.GC.CollectionCount(0), System.GC.CollectionCount(1), System.GC.CollectionCount(2), pause.TotalMilliseconds));
      ]]></Code>
    </Task>
  </UsingTask>
  <Target Name="_GcReportEvaluated" BeforeTargets="BeforeBuild"><GcReport Point="evaluated" /></Target>
  <Target Name="_GcReportResources" BeforeTargets="AssignTargetPaths"><GcReport Point="resources" /></Target>
  <Target Name="_GcReportCompile" BeforeTargets="CoreCompile"><GcReport Point="compile" /></Target>
  <Target Name="_GcReportEnd" AfterTargets="Build"><GcReport Point="end" /></Target>
</Project>
XML
for project in with without; do
  cp "$work/gc.targets" "$work/$project/Directory.Build.targets"
  dotnet build "$work/$project" --no-restore -v:q >/dev/null
done
last_migration=$(cd "$work/with/prisma/migrations" && folders=(2020*) && echo "${folders[-1]}")

report() { # $1: what the build follows, $2: the copy
  local points
  points=$(dotnet build "$work/$2" $(restore_option) -v:m | sed -n 's/.*gc-report //p')
  echo "$1, $2: $(awk '{ printf "%s %s %s %s, ", $1, $2, $3, $4; pause = $6 } END { printf "pause %s ms", pause }' <<< "$points")"
}

for round in $(seq 1 "$rounds"); do
  for project in with without; do report "no change" "$project"; done
  for project in with without; do echo "// edit $round" >> "$work/$project/File1.cs"; report "code edit" "$project"; done
  echo "-- edit $round" >> "$work/with/prisma/migrations/$last_migration/migration.sql"
  report "migration edit" with
done
