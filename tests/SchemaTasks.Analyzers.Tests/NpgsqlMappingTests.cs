using Microsoft.CodeAnalysis;
using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// Enums mapped by Npgsql (<c>MapEnum</c>) or its EF Core provider (<c>MapEnum</c>,
/// <c>HasPostgresEnum</c>) are checked as <c>[DbEnum]</c> enums are, with no attribute.
/// </summary>
public sealed class NpgsqlMappingTests
{
    private const string Types = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'very_happy');
        CREATE SCHEMA app;
        CREATE TYPE app."JobState" AS ENUM ('Queued', 'Done');
        """;

    private const string Usings = """
        using Npgsql;
        using Npgsql.NameTranslation;
        using Microsoft.EntityFrameworkCore;
        using NpgsqlTypes;

        """;

    private const string MoodWithAngry = "public enum Mood { Sad, Ok, VeryHappy, Angry }\n";
    private const string JobStateWithFailed = "public enum JobState { Queued, Done, Failed }\n";

    [Theory]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>();", MoodWithAngry, "Angry", "enum member Mood.Angry maps to 'angry', which enum type mood does not declare")]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(\"mood\", new NpgsqlSnakeCaseNameTranslator());", MoodWithAngry, "Angry", "enum member Mood.Angry maps to 'angry'")]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum(typeof(Mood), \"public.mood\");", MoodWithAngry, "Angry", "enum member Mood.Angry maps to 'angry'")]
    [InlineData("NpgsqlConnection.GlobalTypeMapper.MapEnum<Mood>(nameTranslator: null);", MoodWithAngry, "Angry", "enum member Mood.Angry maps to 'angry'")]
    [InlineData("new ModelBuilder().HasPostgresEnum<Mood>();", MoodWithAngry, "Angry", "enum member Mood.Angry maps to 'angry'")]
    [InlineData("new DbContextOptionsBuilder().UseNpgsql(\"\", o => o.MapEnum<JobState>(\"JobState\", \"app\", new NpgsqlNullNameTranslator()));", JobStateWithFailed, "Failed", "enum member JobState.Failed maps to 'Failed', which enum type app.\"JobState\" does not declare")]
    [InlineData("new ModelBuilder().HasPostgresEnum<JobState>(\"app\", nameTranslator: new NpgsqlNullNameTranslator());", JobStateWithFailed, "Failed", "enum member JobState.Failed maps to 'Failed'")]
    public async Task UndeclaredMember_IsReportedAtTheMember(string mapping, string enumDeclaration, string member, string message)
    {
        var source = Source(mapping, enumDeclaration);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(Types));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.StartsWith(message, error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("Fix: add a migration with: " + (member == "Angry" ? "ALTER TYPE mood ADD VALUE 'angry';" : "ALTER TYPE app.\"JobState\" ADD VALUE 'Failed';"), error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, member + " }"), error.Location.GetLineSpan().StartLinePosition);
    }

    [Theory]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>();")]
    [InlineData("NpgsqlConnection.GlobalTypeMapper.MapEnum<Mood>(\"mood\");")]
    [InlineData("new ModelBuilder().HasPostgresEnum<Mood>(name: \"mood\");")]
    [InlineData("new DbContextOptionsBuilder().UseNpgsql(\"\", o => o.MapEnum<Mood>());")]
    public async Task DeclaredMembers_AreNotReported(string mapping)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(mapping, "public enum Mood { Sad, Ok, VeryHappy }\npublic enum JobState { Queued, Done }\n")
            + "public static class Ef { public static void Configure(ModelBuilder m) => m.HasPostgresEnum<JobState>(\"app\", \"JobState\", new NpgsqlNullNameTranslator()); }\n", Postgres(Types));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task PgName_OverridesTheTranslator_AndDbValueDoesNot()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(
            "new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>();",
            "public enum Mood { Sad, [PgName(\"ok\")] Fine, [PgName(\"very_happy\")] Joyful, [SchemaTasks.DbValue(\"sad\")] Gloomy }\n"), Postgres(Types));

        var error = Assert.Single(diagnostics);
        Assert.StartsWith("enum member Mood.Gloomy maps to 'gloomy'", error.GetMessage(), StringComparison.Ordinal); // Npgsql does not read [DbValue]
    }

    [Fact]
    public async Task DatabaseLabelNoMemberMaps_IsAWarningAtTheMapping()
    {
        var source = Source("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>();", "public enum Mood { Sad, Ok }\n");

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(Types));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("ST4003", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("enum type mood allows 'very_happy', which no member of enum Mood (MapEnum<Mood>() on NpgsqlDataSourceBuilder) maps to", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, "MapEnum<Mood>"), warning.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public async Task TypeNameTheSchemaLacks_FailsWithTheNearestEnumType()
    {
        var source = Source("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(\"moods\");", "public enum Mood { Sad, Ok, VeryHappy }\n");

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(Types));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4002", error.Id);
        Assert.Equal("MapEnum<Mood>() on NpgsqlDataSourceBuilder: the migrated schema has no enum type named 'moods'. Did you mean 'mood'?", error.GetMessage());
        Assert.Equal(SourcePosition.Of(source, "MapEnum<Mood>"), error.Location.GetLineSpan().StartLinePosition);
    }

    [Theory]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(nameTranslator: new Shouting());", "its name translator (Shouting) gives names known only at run time")]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(nameTranslator: translator);", "its name translator (INpgsqlNameTranslator) gives names known only at run time")]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(nameTranslator: new NpgsqlSnakeCaseNameTranslator(legacyMode: true));", "its NpgsqlSnakeCaseNameTranslator is in legacy mode")]
    [InlineData("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(name);", "its type name is known only at run time")]
    public async Task MappingWhoseNamesAreKnownOnlyAtRunTime_IsAWarningWithTheReason(string mapping, string reason)
    {
        var source = Source(mapping, "public enum Mood { Sad, Ok, VeryHappy }\n")
            + "public sealed class Shouting : INpgsqlNameTranslator { public string TranslateTypeName(string n) => n.ToUpperInvariant(); public string TranslateMemberName(string n) => n.ToUpperInvariant(); }\n";

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(Types));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("ST4006", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("MapEnum<Mood>() on NpgsqlDataSourceBuilder maps enum Mood, which cannot be checked: " + reason, warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectWithoutTheGeneratedAttributes_IsStillChecked()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>();", MoodWithAngry), Postgres(Types), generatedAttributes: false);

        Assert.Equal("ST4001", Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData("var b = new NpgsqlDataSourceBuilder(\"\"); b.DefaultNameTranslator = new NpgsqlNullNameTranslator(); b.MapEnum<Mood>(\"mood\");", null)]
    [InlineData("var b = new NpgsqlDataSourceBuilder(\"\"); b.DefaultNameTranslator = translator; b.MapEnum<Mood>(\"mood\");", "ST4006")]
    public async Task DefaultTranslatorSetOnTheBuilder_IsTheOneTheCallUses(string mapping, string? expected)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(mapping, "public enum Mood { sad, ok, very_happy }\n"), Postgres(Types));

        Assert.Equal(expected is null ? [] : [expected], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task EnumMappedTwice_IsReportedOnce()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(
            "new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>(); new ModelBuilder().HasPostgresEnum<Mood>();",
            "[SchemaTasks.DbEnum(\"mood\")] public enum Mood { Sad, Ok, VeryHappy, Angry }\n"), Postgres(Types));

        Assert.Equal("ST4001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task MySqlSchema_OrNoSchema_LeavesNpgsqlMappingsUnchecked()
    {
        var source = Source("new NpgsqlDataSourceBuilder(\"\").MapEnum<Mood>();", MoodWithAngry);

        Assert.Empty(await AnalyzerRun.DiagnosticsAsync(source, MySql(JobType)));
        Assert.Empty(await AnalyzerRun.DiagnosticsAsync(source, valueSets: null));
    }

    [Fact]
    public async Task GenericHelper_IsNotReadAsAMapping()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(
            "Map<Mood>(new NpgsqlDataSourceBuilder(\"\"));",
            MoodWithAngry) + "public static class Helper { }\n", Postgres(Types));

        Assert.Empty(diagnostics);
    }

    private static string Source(string mapping, string enumDeclaration) => Usings + NpgsqlApiStub.Source + enumDeclaration + $$"""
        public static class Startup
        {
            public static void Configure(string name, INpgsqlNameTranslator translator)
            {
                {{mapping}}
            }

            private static void Map<T>(NpgsqlDataSourceBuilder builder) where T : struct, System.Enum => builder.MapEnum<T>();
        }

        """;
}
