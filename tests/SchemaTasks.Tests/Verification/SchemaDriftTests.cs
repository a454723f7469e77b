using SchemaTasks.Diagnostics;
using SchemaTasks.Verification;
using static SchemaTasks.Tests.Verification.VerificationFixtures;

namespace SchemaTasks.Tests.Verification;

public sealed class SchemaDriftTests
{
    [Fact]
    public void Scenario1_LiveEnumWithoutCancelled_IsAnErrorNamingEnumAndLabel()
    {
        var (_, build) = Scenario("1-prisma-job-status", SqlDialect.Postgres);

        var findings = SchemaDrift.Compare(build.Final, build.After(0));

        var finding = Assert.Single(findings);
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal(DiagnosticCodes.MissingAllowedValue, finding.Code);
        Assert.Equal("public.JobStatus", finding.Subject);
        Assert.Equal("CANCELLED", finding.Value);
        Assert.Equal("Enum public.JobStatus lacks label 'CANCELLED', which the migrations add; writing it fails (PostgreSQL 22P02 invalid input value for enum).", finding.Message);
    }

    [Fact]
    public void SameSchema_HasNoFindings()
    {
        var (_, build) = Scenario("5-prisma-momentum", SqlDialect.Postgres);

        Assert.Empty(SchemaDrift.Compare(build.Final, build.Final));
    }

    [Fact]
    public void MySqlEnumNarrowerThanMigrations_IsAnErrorPerMissingValue_AndWiderIsAWarning()
    {
        var expected = FromSql(SqlDialect.MySql, "CREATE TABLE job_tracking (id INT PRIMARY KEY, job_type ENUM('cleanup','failover','protection_flow','backup_execution') DEFAULT NULL)");
        var live = FromSql(SqlDialect.MySql, "CREATE TABLE job_tracking (id INT PRIMARY KEY, job_type ENUM('cleanup','failover','legacy') DEFAULT NULL)");

        var findings = SchemaDrift.Compare(expected, live);

        Assert.Equal(
            [
                (DiagnosticSeverity.Error, "ST6012", "job_tracking.job_type", "protection_flow"),
                (DiagnosticSeverity.Error, "ST6012", "job_tracking.job_type", "backup_execution"),
                (DiagnosticSeverity.Warning, "ST6013", "job_tracking.job_type", "legacy"),
            ],
            findings.Select(f => (f.Severity, f.Code, f.Subject, f.Value!)));
        Assert.Equal("Column job_tracking.job_type (ENUM) does not allow 'protection_flow', which the migrations allow; writing it fails (MySQL error 1265, data truncated).", findings[0].Message);
    }

    [Fact]
    public void CheckValueSets_AreMatchedByColumn_NotByConstraintName()
    {
        var expected = FromSql(SqlDialect.Postgres, "CREATE TABLE bots (id int, health_status text, CONSTRAINT bots_health_check CHECK (health_status IN ('normal','potentially_stuck','unhealthy')))");
        var sameSetOtherName = FromSql(SqlDialect.Postgres, "CREATE TABLE bots (id int, health_status text, CONSTRAINT bots_chk_1 CHECK (health_status = ANY (ARRAY['unhealthy'::text, 'normal'::text, 'potentially_stuck'::text])))");
        var narrower = FromSql(SqlDialect.Postgres, "CREATE TABLE bots (id int, health_status text, CONSTRAINT bots_chk_1 CHECK (health_status IN ('normal','potentially_stuck','zombie')))");
        var unrestricted = FromSql(SqlDialect.Postgres, "CREATE TABLE bots (id int, health_status text)");

        Assert.Empty(SchemaDrift.Compare(expected, sameSetOtherName));
        Assert.Equal(
            [("ST6012", "unhealthy"), ("ST6013", "zombie")],
            SchemaDrift.Compare(expected, narrower).Select(f => (f.Code, f.Value!)));
        var missing = Assert.Single(SchemaDrift.Compare(expected, unrestricted));
        Assert.Equal((DiagnosticSeverity.Warning, "ST6015"), (missing.Severity, missing.Code));
        var unexpected = Assert.Single(SchemaDrift.Compare(unrestricted, narrower));
        Assert.Equal((DiagnosticSeverity.Error, "ST6016"), (unexpected.Severity, unexpected.Code));
    }

    [Fact]
    public void MissingTableColumnAndEnum_AreErrors_ExtraLabelAndOrder_AreWarnings()
    {
        var expected = FromSql(SqlDialect.Postgres,
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TYPE kind AS ENUM ('a');",
            "CREATE TABLE people (id int, mood mood, nickname text); CREATE TABLE pets (id int);");
        var live = FromSql(SqlDialect.Postgres,
            "CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad', 'ecstatic');",
            "CREATE TABLE people (id int, mood mood);");

        var findings = SchemaDrift.Compare(expected, live);

        Assert.Equal(
            [
                ("ST6010", "public.kind", DiagnosticSeverity.Error),
                ("ST6013", "public.mood", DiagnosticSeverity.Warning),
                ("ST6014", "public.mood", DiagnosticSeverity.Warning),
                ("ST6011", "public.people.nickname", DiagnosticSeverity.Error),
                ("ST6010", "public.pets", DiagnosticSeverity.Error),
            ],
            findings.Select(f => (f.Code, f.Subject, f.Severity)));
        Assert.Equal("Enum public.mood orders its labels 'happy', 'ok', 'sad', 'ecstatic'; the migrations order them 'sad', 'ok', 'happy'. Sorting and comparisons on it follow the database's order.", findings[2].Message);
    }
}
