#!/usr/bin/env bash
# What the SchemaTasks analyzer adds to compiling a large application, measured as a user meets
# it: two copies of a generated application of 2,000 source files (SolutionAnalyzerBenchmarks'
# corpus: mapped enums, EF Core configuration, Dapper SQL, ordinary services), one with the
# SchemaTasks.Build package from artifacts/packages and one without, each rebuilt after a
# one-line code edit, alternately, N rounds; prints the medians.
#   benchmarks/analyzer-overhead/run.sh [rounds]        after build/test.sh or dotnet pack
# docs/benchmarks.md, "The analyzer on a 2,000-file application", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/nuget"

version=$(ls -t artifacts/packages/SchemaTasks.Build.*.nupkg | head -1 | sed -E 's/.*SchemaTasks\.Build\.(.*)\.nupkg/\1/')
sed "s|\.\./artifacts/packages|$repo/artifacts/packages|" samples/NuGet.config > "$work/NuGet.config"
for project in with without; do
  dotnet run -c Release --project benchmarks/SchemaTasks.Benchmarks -- --write-solution "$work/$project" >/dev/null
done
# Without the package, the project carries the attribute source the package would add.
cp src/SchemaTasks.Build/build/SchemaTasks.Attributes.cs "$work/without/"
rm -r "$work/without/migrations"
cat > "$work/with/with.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <SchemaMigrationsDirectory>migrations</SchemaMigrationsDirectory>
    <SchemaDialect>postgres</SchemaDialect>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SchemaTasks.Build" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/without/without.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
XML
for project in with without; do dotnet build "$work/$project" -v:q >/dev/null; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=() without=()
for round in $(seq 1 "$rounds"); do
  # Which copy goes first alternates, so neither always builds on the other's warm caches.
  order="with without"; (( round % 2 == 0 )) && order="without with"
  for project in $order; do
    echo "// edit $round" >> "$work/$project/Services/Service4.cs"
    start=$(date +%s%N)
    dotnet build "$work/$project" --no-restore -v:q >/dev/null
    end=$(date +%s%N)
    if [[ $project == with ]]; then with+=($(( (end - start) / 1000000 ))); else without+=($(( (end - start) / 1000000 ))); fi
  done
done
w=$(printf '%s\n' "${with[@]}" | median)
o=$(printf '%s\n' "${without[@]}" | median)
echo "build after a code edit, 2,000 files, $rounds paired rounds: with SchemaTasks $w ms, without $o ms, difference $((w - o)) ms ($(awk "BEGIN {printf \"%.1f\", ($w - $o) * 100 / $o}")%)"
# The analyzer's own share, as the compiler reports it.
echo "// edit report" >> "$work/with/Services/Service4.cs"
dotnet build "$work/with" --no-restore -v:d -p:ReportAnalyzer=true 2>/dev/null \
  | grep -E "Total analyzer execution time|^ +[0-9.<]+ +[0-9<]+ +(SchemaTasks|Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers)" | sed 's/^ *//' | head -5
