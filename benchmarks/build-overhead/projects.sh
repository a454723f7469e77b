# Sourced by run.sh, noop-clock.sh, sizes.sh, gc-report.sh and compare-tasks.sh: the
# environment they measure in, the benchmark's two copies of one project (40 small source
# files, or SCHEMATASKS_BENCH_FILES, one [DbEnum] property, the first 163 migrations of the
# benchmark corpus as a Prisma folder), `with` the SchemaTasks.Build package from
# artifacts/packages and `without` it, restored and built once; and the medians they print.

# Sets $repo (the current folder, the repository's root) and $work (a new folder, removed at
# exit). A default install builds with the compiler server and reuses MSBuild nodes; a CI
# machine (this repository's included) may turn both off in its environment. Measure as a
# user's machine builds, unless SCHEMATASKS_BENCH_KEEP_ENV=1 asks for the environment as it is.
prepare_work() {
  if [[ ${SCHEMATASKS_BENCH_KEEP_ENV:-0} != 1 ]]; then
    unset UseSharedCompilation MSBUILDDISABLENODEREUSE DOTNET_CLI_USE_MSBUILD_SERVER
  fi
  repo=$PWD
  work=$(mktemp -d)
  # The compiler server and the MSBuild nodes the builds started do not outlive the run.
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/nuget"
}

# The restore option of a timed build: none with SCHEMATASKS_BENCH_RESTORE=1, so each build
# restores first, as a plain `dotnet build` does (NuGet evaluates the project once more and finds
# nothing to do); otherwise --no-restore, which leaves that out of both copies alike.
restore_option() {
  if [[ ${SCHEMATASKS_BENCH_RESTORE:-0} != 1 ]]; then echo --no-restore; fi
}

# The PackageReference both copies also get when $1 is `driver`: Npgsql, as an application
# with a schema to keep has, so the package reference itself is not part of the difference.
driver_reference() {
  if [[ ${1:-} == driver ]]; then echo '<PackageReference Include="Npgsql" Version="8.0.5" />'; fi
}

# Small source files File1.cs .. File<n>.cs in the folder $1, as many as $2; those already there are kept.
add_source_files() {
  local i
  for i in $(seq 1 "$2"); do
    [[ -f "$1/File$i.cs" ]] && continue
    printf 'namespace Demo;\npublic static class Helper%s\n{\n    public static int Compute(int x) => x * %s + System.Linq.Enumerable.Range(0, x).Sum();\n}\n' "$i" "$i" > "$1/File$i.cs"
  done
}

write_projects() { # $1: the repository, $2: the work folder, $3: extra PackageReference XML for both copies ('' for none)
  local repo=$1 work=$2 driver_reference=$3 version
  version=$(ls -t "$repo"/artifacts/packages/SchemaTasks.Build.*.nupkg | head -1 | sed -E 's/.*SchemaTasks\.Build\.(.*)\.nupkg/\1/')
  dotnet run -c Release --project "$repo/benchmarks/SchemaTasks.Benchmarks" -- --write-corpus "$work/corpus" postgres >/dev/null
  sed "s|\.\./artifacts/packages|$repo/artifacts/packages|" "$repo/samples/NuGet.config" > "$work/NuGet.config"

  for project in with without; do
    mkdir -p "$work/$project/prisma/migrations"
    # The first 163 (an array, not `ls | head`: with pipefail, head closing the pipe early fails the script).
    (cd "$work/corpus" && folders=(2020*) && cp -r "${folders[@]:0:163}" "$work/$project/prisma/migrations/")
    cp "$work/corpus/migration_lock.toml" "$work/$project/prisma/migrations/"
    add_source_files "$work/$project" "${SCHEMATASKS_BENCH_FILES:-40}"
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
    $driver_reference
  </ItemGroup>
</Project>
XML
  cat > "$work/without/without.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    $driver_reference
  </ItemGroup>
</Project>
XML
  for project in with without; do dotnet build "$work/$project" -v:q >/dev/null; done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# The median with a distribution-free 95% interval: the order statistics k and n-k+1 of the
# sorted values, k = floor((n - 1.96 sqrt(n)) / 2), as the analyzer probe reports its ratios.
median_interval() { sort -n | awk '{a[NR]=$1} END {k=int((NR-1.96*sqrt(NR))/2); if (k<1) k=1; printf "%s ms [%s, %s]", a[int((NR+1)/2)], a[k], a[NR-k+1]}'; }

# One build of the copy $1 that changed nothing, by two clocks; prints "<whole> <evaluation>
# <build> <SchemaTasks' targets>" in ms: the whole `dotnet build` process, and MSBuild's own
# (-clp:PerformanceSummary: the project's evaluation and its build, which leave out the CLI's
# start-up and vary less), and the total of SchemaTasks' own targets.
build_by_both_clocks() {
  local start end summary
  start=$(date +%s%N)
  summary=$(dotnet build "$work/$1" $(restore_option) -v:q -clp:PerformanceSummary)
  end=$(date +%s%N)
  awk -v whole=$(( (end - start) / 1000000 )) '
    /^Project Evaluation Performance Summary/ { section = "evaluation"; next }
    /^Project Performance Summary/ { section = "build"; next }
    /^Target Performance Summary/ { section = "targets"; next }
    /^Task Performance Summary/ { section = "" }
    section == "evaluation" && /\.csproj/ { evaluation += $1 }
    section == "build" && /\.csproj/ { build += $1 }
    section == "targets" && $3 ~ /^_Schema/ { own += $1 }
    END { print whole, evaluation, build, own + 0 }' <<< "$summary"
}
