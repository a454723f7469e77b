#!/usr/bin/env bash
# What SchemaTasks adds to a user's `dotnet build`, measured as a user meets it: two copies of
# one project (40 small source files, one [DbEnum] property, the first 163 migrations of the
# benchmark corpus as a Prisma folder), one with the SchemaTasks.Build package from
# artifacts/packages and one without, built alternately, N rounds; prints the medians.
#   benchmarks/build-overhead/run.sh [rounds]        after build/test.sh or dotnet pack
# docs/benchmarks.md, "What SchemaTasks adds to a build", records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/nuget"

version=$(ls -t artifacts/packages/SchemaTasks.Build.*.nupkg | head -1 | sed -E 's/.*SchemaTasks\.Build\.(.*)\.nupkg/\1/')
dotnet run -c Release --project benchmarks/SchemaTasks.Benchmarks -- --write-corpus "$work/corpus" postgres >/dev/null
sed "s|\.\./artifacts/packages|$repo/artifacts/packages|" samples/NuGet.config > "$work/NuGet.config"

for project in with without; do
  mkdir -p "$work/$project/prisma/migrations"
  (cd "$work/corpus" && ls -d 2020* | head -163 | xargs -I{} cp -r {} "$work/$project/prisma/migrations/")
  cp "$work/corpus/migration_lock.toml" "$work/$project/prisma/migrations/"
  for i in $(seq 1 40); do
    printf 'namespace Demo;\npublic static class Helper%s\n{\n    public static int Compute(int x) => x * %s + System.Linq.Enumerable.Range(0, x).Sum();\n}\n' "$i" "$i" > "$work/$project/File$i.cs"
  done
  printf 'namespace Demo;\npublic sealed class Job\n{\n#if WITH_SCHEMATASKS\n    [SchemaTasks.DbEnum("\\"JobStatus0\\"")]\n#endif\n    public string Status { get; set; } = "pending";\n}\n' > "$work/$project/Job.cs"
done
cat > "$work/with/with.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <DefineConstants>\$(DefineConstants);WITH_SCHEMATASKS</DefineConstants>
    <SchemaMigrationsDirectory>prisma/migrations</SchemaMigrationsDirectory>
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
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
XML
for project in with without; do dotnet build "$work/$project" -v:q >/dev/null; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # $1: what to do before each build: none | edit
  local with=() without=() differences=()
  for round in $(seq 1 "$rounds"); do
    # Which copy goes first alternates, so neither always follows the other's cache state.
    local order=(with without)
    (( round % 2 == 0 )) && order=(without with)
    for project in "${order[@]}"; do
      [[ $1 == edit ]] && echo "// edit $round" >> "$work/$project/File1.cs"
      local start end
      start=$(date +%s%N)
      dotnet build "$work/$project" --no-restore -v:q >/dev/null
      end=$(date +%s%N)
      if [[ $project == with ]]; then with+=($(( (end - start) / 1000000 ))); else without+=($(( (end - start) / 1000000 ))); fi
    done
    differences+=($(( with[-1] - without[-1] )))
  done
  local w o d
  w=$(printf '%s\n' "${with[@]}" | median)
  o=$(printf '%s\n' "${without[@]}" | median)
  d=$(printf '%s\n' "${differences[@]}" | median)
  echo "$1 build, $rounds paired rounds: with SchemaTasks $w ms, without $o ms, difference of the medians $((w - o)) ms, median of the paired differences $d ms"
}
measure none
measure edit
# The first build in a fresh MSBuild node: the task assembly loads and is compiled again.
dotnet build-server shutdown >/dev/null 2>&1 || true
echo "// edit cold" >> "$work/with/File1.cs"
start=$(date +%s%N); dotnet build "$work/with" --no-restore -v:q >/dev/null; end=$(date +%s%N)
echo "with SchemaTasks, after dotnet build-server shutdown: $(( (end - start) / 1000000 )) ms"
dotnet build-server shutdown >/dev/null 2>&1 || true
echo "// edit cold" >> "$work/without/File1.cs"
start=$(date +%s%N); dotnet build "$work/without" --no-restore -v:q >/dev/null; end=$(date +%s%N)
echo "without, after dotnet build-server shutdown: $(( (end - start) / 1000000 )) ms"
