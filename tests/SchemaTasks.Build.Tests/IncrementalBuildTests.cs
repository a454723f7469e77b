using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

public sealed class IncrementalBuildTests
{
    private const string Skipped = "SchemaTasks: inputs unchanged";
    private const string TaskRan = "SchemaTasks: 2 migration(s)";
    private const string CompileSkipped = "Skipping target \"CoreCompile\" because all output files are up-to-date";
    private const string SummarySkipped = "Skipping target \"_SchemaCheckSummary\" because all output files are up-to-date";
    private const string SummaryTask = "Using \"ReportSchemaCheckSummary\" task";

    [Fact]
    public async Task SecondBuild_WithNothingChanged_DoesNotRunTheTask()
    {
        using var fixture = CreatePrismaApp();

        var first = await fixture.BuildAsync("-v:d", "-p:SchemaCheckSummary=true");
        var second = await fixture.BuildAsync("-v:d", "-p:SchemaCheckSummary=true");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(TaskRan, first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Skipped, first.Output, StringComparison.Ordinal);
        Assert.Contains(Skipped, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TaskRan, second.Output, StringComparison.Ordinal);

        // The compiler did not run, so there is no new log to summarise: the task is not even loaded.
        Assert.Contains(SummaryTask, first.Output, StringComparison.Ordinal);
        Assert.Contains(SummarySkipped, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SummaryTask, second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingCode_SummarisesTheNewCompileLog()
    {
        using var fixture = CreatePrismaApp();
        var first = await fixture.BuildAsync("-v:d", "-p:SchemaCheckSummary=true");
        Assert.True(first.ExitCode == 0, first.ToString());

        // Program.cs: an edit the compiler must see, so it runs and rewrites its log.
        File.AppendAllText(fixture.PathOf("Program.cs"), "\n// edited\n");
        var second = await fixture.BuildAsync("-v:d", "-p:SchemaCheckSummary=true");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(SummaryTask, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SummarySkipped, second.Output, StringComparison.Ordinal);
    }

    // A Debug build copies the new text beside the assembly and does not compile again (the
    // schema, and so what the analyzer reads, did not change); any other configuration
    // compiles to embed it.
    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public async Task ChangingOneMigration_ReembedsIt(string configuration)
    {
        using var fixture = CreatePrismaApp();
        var build = await fixture.BuildAsync("-c", configuration);
        Assert.True(build.ExitCode == 0, build.ToString());
        var before = await fixture.RunBuiltAppAsync(configuration);

        var changed = fixture.PathOf("prisma/migrations/20250909044604_add_cancelled_job_status/migration.sql");
        File.AppendAllText(changed, "-- reviewed\n");
        var rebuild = await fixture.BuildAsync("-c", configuration, "-v:d");
        var after = await fixture.RunBuiltAppAsync(configuration);

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains(TaskRan, rebuild.Output, StringComparison.Ordinal);
        Assert.Equal(configuration == "Debug", rebuild.Output.Contains(CompileSkipped, StringComparison.Ordinal));
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains($"20250909044604_add_cancelled_job_status {ExpectedChecksum.Of(changed)} ", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"20250909044604_add_cancelled_job_status {ExpectedChecksum.Of(changed)} ", before.Output, StringComparison.Ordinal);
        var unchangedLine = before.Output.Split('\n').Single(l => l.StartsWith("20250801120000_init", StringComparison.Ordinal));
        Assert.Contains(unchangedLine, after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMigrationsFolder_SecondBuildDoesNotRunTheTask()
    {
        // An empty list hashes to nothing; the list file must still exist, or the target
        // would see a missing input and run on every build.
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaMigrationsDirectory", "db/migrations").WithProperty("SchemaDialect", "postgres");
        Directory.CreateDirectory(fixture.PathOf("db/migrations"));

        var first = await fixture.BuildAsync("-v:d");
        var second = await fixture.BuildAsync("-v:d");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("SchemaTasks: 0 migration(s)", first.Output, StringComparison.Ordinal);
        Assert.Contains(Skipped, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaTasks: 0 migration(s)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamingAMigrationFolder_ReembedsUnderTheNewName()
    {
        // A rename keeps the file's time stamp, so only the list of files can tell the build.
        using var fixture = CreatePrismaApp();
        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());

        Directory.Move(
            fixture.PathOf("prisma/migrations/20250909044604_add_cancelled_job_status"),
            fixture.PathOf("prisma/migrations/20250909044605_add_cancelled_job_status"));
        var rebuild = await fixture.BuildAsync("-v:d");
        var after = await fixture.RunBuiltAppAsync();

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains(TaskRan, rebuild.Output, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("20250909044605_add_cancelled_job_status ", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("20250909044604_add_cancelled_job_status", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAMigration_ReembedsWithoutIt()
    {
        using var fixture = CreatePrismaApp();
        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());

        Directory.Delete(fixture.PathOf("prisma/migrations/20250909044604_add_cancelled_job_status"), recursive: true);
        var rebuild = await fixture.BuildAsync("-v:d");
        var after = await fixture.RunBuiltAppAsync();

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains("SchemaTasks: 1 migration(s)", rebuild.Output, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("20250909044604_add_cancelled_job_status", after.Output, StringComparison.Ordinal);
        Assert.Contains("20250801120000_init ", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAFizzMigration_RunsTheCheckAgain_AndFails()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("GolangMigrate");
        var first = await fixture.BuildAsync("-p:SchemaDialect=mysql");
        Assert.True(first.ExitCode == 0, first.ToString());

        // Only a file the .sql glob does not see: the build must still read the folder again.
        File.WriteAllText(Path.Combine(migrations, "000003_rename_jobs.up.fizz"), "rename_table(\"jobs\", \"tasks\")\n");
        var second = await fixture.BuildAsync("-p:SchemaDialect=mysql");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Matches(@"000003_rename_jobs\.up\.fizz ?: error ST1024: '000003_rename_jobs\.up\.fizz' is a fizz migration", second.Output);
    }

    [Fact]
    public async Task EditingAFileBesideTheMigrations_RunsTheCheckAgain()
    {
        // The folder is listed as a whole: a file no layout rule names still counts as an input,
        // which costs a check now and then but never misses one a layout reads.
        using var fixture = CreatePrismaApp();
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());

        File.WriteAllText(fixture.PathOf("prisma/migrations/README.md"), "How we write migrations.\n");
        var second = await fixture.BuildAsync("-v:d");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(TaskRan, second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrationsInTheProjectFolder_ACodeEditDoesNotRunTheTask()
    {
        // Listed as a whole, this folder would hold the project's sources, bin and obj, and every
        // build would see a newer input. Here the build lists only the files a layout reads.
        using var fixture = FixtureProject.Create("BuildOnly")
            .WithProperty("SchemaMigrationsDirectory", ".")
            .WithProperty("SchemaSnapshotFile", "schema.snapshot.json")
            .WithProperty("SchemaDialect", "postgres");
        File.WriteAllText(fixture.PathOf("001_create_jobs.sql"), "CREATE TABLE jobs (id int);\n");
        var first = await fixture.BuildAsync("-v:d");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("SchemaTasks: 1 migration(s)", first.Output, StringComparison.Ordinal);

        File.AppendAllText(fixture.PathOf("Program.cs"), "// edited\n");
        var second = await fixture.BuildAsync("-v:d");
        File.AppendAllText(fixture.PathOf("002_add_status.sql"), "ALTER TABLE jobs ADD COLUMN status text;\n");
        var third = await fixture.BuildAsync("-v:d");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(Skipped, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaTasks: 1 migration(s)", second.Output, StringComparison.Ordinal);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("SchemaTasks: 2 migration(s)", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingASetting_RunsTheCheckAgain()
    {
        // No file changes: the build only asks to check the snapshot instead of writing it.
        using var fixture = CreatePrismaApp();
        var first = await fixture.BuildAsync();
        var second = await fixture.BuildAsync("-v:d", "-p:SchemaSnapshotLocked=true");
        var third = await fixture.BuildAsync("-v:d", "-p:SchemaSnapshotLocked=true");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(TaskRan, second.Output, StringComparison.Ordinal);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains(Skipped, third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAMigrationInALinkedFolder_RunsTheCheckAgain()
    {
        // The folder walk follows a symbolic link to a folder once; the check must see inside too.
        using var fixture = CreatePrismaApp();
        var shared = fixture.PathOf("shared-migrations/20250909044604_add_cancelled_job_status");
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        Directory.Move(fixture.PathOf("prisma/migrations/20250909044604_add_cancelled_job_status"), shared);
        Directory.CreateSymbolicLink(fixture.PathOf("prisma/migrations/20250909044604_add_cancelled_job_status"), shared);
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var unchanged = await fixture.BuildAsync("-v:d");

        File.AppendAllText(Path.Combine(shared, "migration.sql"), "ALTER TYPE \"JobStatus\" ADD VALUE 'archived';\n");
        var edited = await fixture.BuildAsync("-v:d");

        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains(Skipped, unchanged.Output, StringComparison.Ordinal);
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Contains(TaskRan, edited.Output, StringComparison.Ordinal);
        Assert.Contains("archived", File.ReadAllText(fixture.PathOf("prisma/schema.snapshot.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingTheTargetOfALinkedMigrationFile_RunsTheCheckAgain()
    {
        // A directory listing describes the link itself, whose time stamp an edit of its target
        // leaves as it was.
        using var fixture = CreatePrismaApp();
        var target = fixture.PathOf("shared-migrations/add_cancelled_job_status.sql");
        var link = fixture.PathOf("prisma/migrations/20250909044604_add_cancelled_job_status/migration.sql");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(link, target);
        File.CreateSymbolicLink(link, target);
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());

        File.AppendAllText(target, "ALTER TYPE \"JobStatus\" ADD VALUE 'archived';\n");
        var edited = await fixture.BuildAsync("-v:d");

        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Contains(TaskRan, edited.Output, StringComparison.Ordinal);
        Assert.Contains("archived", File.ReadAllText(fixture.PathOf("prisma/schema.snapshot.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheSnapshot_WritesItAgain()
    {
        using var fixture = CreatePrismaApp();
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());

        File.Delete(fixture.PathOf("prisma/schema.snapshot.json"));
        var second = await fixture.BuildAsync("-v:d");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(TaskRan, second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(fixture.PathOf("prisma/schema.snapshot.json")));
    }

    private static FixtureProject CreatePrismaApp()
    {
        var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");
        return fixture;
    }
}
