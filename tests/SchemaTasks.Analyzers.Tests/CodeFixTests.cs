namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// The IDE's fixes for an undeclared value (ST4001), applied by Roslyn's code-fix harness; each
/// test also checks that the fixed code has no finding left.
/// </summary>
public sealed class CodeFixTests
{
    private static readonly string Moods = ScenarioValueSets.Postgres("CREATE TYPE mood AS ENUM ('happy', 'sad', 'generating_script');");

    [Fact]
    public async Task EnumMember_NearAValue_IsMappedToItWithDbValue()
    {
        const string source = """
            using SchemaTasks;

            [DbEnum("mood")]
            enum {|ST4003:Mood|}
            {
                Happy,
                Sad,
                {|ST4001:GeneratingScrpt|},
            }
            """;
        const string fixedSource = """
            using SchemaTasks;

            [DbEnum("mood")]
            enum Mood
            {
                Happy,
                Sad,
                [DbValue("generating_script")]
                GeneratingScrpt,
            }
            """;

        await CodeFixRun.VerifyAsync(source, fixedSource, Moods);
    }

    [Fact]
    public async Task EnumMember_WithAWrongDbValue_GetsTheNearValueInIt()
    {
        const string source = """
            using SchemaTasks;

            [DbEnum("mood")]
            enum {|ST4003:Mood|}
            {
                Happy,
                Sad,
                [DbValue("generating_scripts")] {|ST4001:Generating|},
            }
            """;
        const string fixedSource = """
            using SchemaTasks;

            [DbEnum("mood")]
            enum Mood
            {
                Happy,
                Sad,
                [DbValue("generating_script")] Generating,
            }
            """;

        await CodeFixRun.VerifyAsync(source, fixedSource, Moods);
    }

    [Fact]
    public async Task EnumWhoseMembersAllMatchUnderAnotherPolicy_SwitchesTheNamingPolicy()
    {
        // A Prisma enum under the default snake_case: one error per member, one fix for all.
        var prisma = ScenarioValueSets.Postgres("CREATE TYPE \"Visibility\" AS ENUM ('DRAFT', 'PENDING_REVIEW', 'PUBLIC');");
        const string source = """
            using SchemaTasks;

            [DbEnum("Visibility")]
            enum {|ST4003:{|ST4003:{|ST4003:Visibility|}|}|}
            {
                {|ST4001:Draft|},
                {|ST4001:PendingReview|},
                {|ST4001:Public|},
            }
            """;
        const string fixedSource = """
            using SchemaTasks;

            [DbEnum("Visibility", Naming = DbNaming.UpperSnakeCase)]
            enum Visibility
            {
                Draft,
                PendingReview,
                Public,
            }
            """;

        await CodeFixRun.VerifyAsync(source, fixedSource, prisma, "SchemaTasks.Naming.UpperSnakeCase");
    }

    [Fact]
    public async Task NamingPolicyAlreadySet_IsReplaced()
    {
        var exact = ScenarioValueSets.Postgres("CREATE TYPE priority AS ENUM ('Low', 'High');");
        const string source = """
            using SchemaTasks;

            [DbEnum("priority", Naming = DbNaming.SnakeCase)]
            enum {|ST4003:{|ST4003:Priority|}|}
            {
                {|ST4001:Low|},
                {|ST4001:High|},
            }
            """;
        const string fixedSource = """
            using SchemaTasks;

            [DbEnum("priority", Naming = DbNaming.Exact)]
            enum Priority
            {
                Low,
                High,
            }
            """;

        await CodeFixRun.VerifyAsync(source, fixedSource, exact, "SchemaTasks.Naming.Exact");
    }

    [Fact]
    public async Task StringLiteral_NearAValue_IsReplacedByIt()
    {
        var health = ScenarioValueSets.Postgres(ScenarioValueSets.HealthStatus);
        const string source = """
            using SchemaTasks;

            class Bot
            {
                [DbEnum("bots.health_status")] public string Health { get; set; } = "normal";

                public void Flag() => Health = {|ST4001:"potentialy_stuck"|};
            }
            """;
        const string fixedSource = """
            using SchemaTasks;

            class Bot
            {
                [DbEnum("bots.health_status")] public string Health { get; set; } = "normal";

                public void Flag() => Health = "potentially_stuck";
            }
            """;

        await CodeFixRun.VerifyAsync(source, fixedSource, health);
    }

    [Fact]
    public async Task ValueInsideAString_IsReplacedAlone()
    {
        // The finding points at the value inside the string; the fix changes those characters only.
        var jobs = ScenarioValueSets.MySql("CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running', 'done') NOT NULL);");
        const string template = """
            using System.ComponentModel.DataAnnotations.Schema;

            [Table("jobs")]
            public class Job
            {
                [Column("status", TypeName = "enum('queued','VALUE','done')")] public string Status { get; set; } = "";
            }

            """;
        var source = template.Replace("VALUE", "{|ST4001:runing|}", StringComparison.Ordinal) + EfCoreApiStub.Source;
        var fixedSource = template.Replace("VALUE", "running", StringComparison.Ordinal) + EfCoreApiStub.Source;

        await CodeFixRun.VerifyAsync(source, fixedSource, jobs);
    }

    [Fact]
    public async Task ValueInSqlText_IsReplacedInsideTheQuery()
    {
        var jobs = ScenarioValueSets.Postgres("CREATE TYPE job_status AS ENUM ('queued', 'running', 'done');\nCREATE TABLE jobs (id serial PRIMARY KEY, status job_status NOT NULL);");
        const string template = """
            namespace Fixture
            {
                using Dapper;

                public static class Calls
                {
                    public static void Run(Connection db) => db.Execute("UPDATE jobs SET status = 'VALUE' WHERE id = 1");
                }
            }

            """;
        var source = template.Replace("'VALUE'", "{|ST4001:'runing'|}", StringComparison.Ordinal) + SqlApiStub.Source;
        var fixedSource = template.Replace("VALUE", "running", StringComparison.Ordinal) + SqlApiStub.Source;

        await CodeFixRun.VerifyAsync(source, fixedSource, jobs);
    }
}
