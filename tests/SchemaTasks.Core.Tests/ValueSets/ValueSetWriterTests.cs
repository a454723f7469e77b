using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Core.Tests.ValueSets;

public sealed class ValueSetWriterTests
{
    [Fact]
    public void PostgresEnumType_IsWrittenWithLabelsInOrderAndAddValueFix()
    {
        var text = Write(SqlDialect.Postgres, """
            CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING');
            ALTER TYPE "JobStatus" ADD VALUE 'QUEUED' BEFORE 'RUNNING';
            CREATE TABLE "Job" ("id" TEXT NOT NULL, "status" "JobStatus" NOT NULL DEFAULT 'PENDING');
            """);

        Assert.Equal(
            "schematasks-value-sets\t1\tpostgres\n"
            + "object\tenum\tpublic\tJobStatus\t\tenum type \"JobStatus\"\tALTER TYPE \"JobStatus\" ADD VALUE {value};\n"
            + "value\tPENDING\nvalue\tQUEUED\nvalue\tRUNNING\n"
            + "object\tcolumn\tpublic\tJob\tstatus\tcolumn \"Job\".status (enum type \"JobStatus\")\tALTER TYPE \"JobStatus\" ADD VALUE {value};\n"
            + "value\tPENDING\nvalue\tQUEUED\nvalue\tRUNNING\n",
            text);
    }

    [Fact]
    public void MySqlInlineEnum_FixRestatesTheWholeListNullabilityAndDefault()
    {
        var text = Write(SqlDialect.MySql, """
            CREATE TABLE job_tracking (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              job_type ENUM('cleanup','failover') DEFAULT NULL,
              state ENUM('new','done') NOT NULL DEFAULT 'new'
            );
            """);

        Assert.Contains(
            "object\tcolumn\t\tjob_tracking\tjob_type\tcolumn job_tracking.job_type (ENUM)\tALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup', 'failover', {value}) DEFAULT NULL;\nvalue\tcleanup\nvalue\tfailover\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "ALTER TABLE job_tracking MODIFY COLUMN state ENUM('new', 'done', {value}) NOT NULL DEFAULT 'new';",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConstraint_FixDropsAndReAddsTheNamedConstraint()
    {
        var text = Write(SqlDialect.Postgres, """
            CREATE TABLE bots (id serial PRIMARY KEY, health_status text NOT NULL CHECK (health_status IN ('normal','potentially_stuck')));
            """);

        Assert.Contains(
            "object\tcolumn\tpublic\tbots\thealth_status\tcolumn bots.health_status (CHECK bots_health_status_check)\t"
            + "ALTER TABLE bots DROP CONSTRAINT bots_health_status_check, ADD CONSTRAINT bots_health_status_check CHECK (health_status IN ('normal', 'potentially_stuck', {value}));\n"
            + "value\tnormal\nvalue\tpotentially_stuck\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void DomainValueSet_FixAltersTheDomain()
    {
        var text = Write(SqlDialect.Postgres, """
            CREATE DOMAIN priority AS text CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high'));
            CREATE TABLE tasks (p priority);
            """);

        Assert.Contains(
            "column tasks.p (domain priority)\tALTER DOMAIN priority DROP CONSTRAINT priority_values;\\nALTER DOMAIN priority ADD CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high', {value}));\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TabsNewlinesAndBackslashesInValues_AreEscaped()
    {
        var text = Write(SqlDialect.Postgres, "CREATE TYPE odd AS ENUM (E'a\\tb', 'c\\d');");

        Assert.Contains("value\ta\\tb\nvalue\tc\\\\d\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainInASchemaNamedWithADot_FixReplacesItsNamedConstraint()
    {
        var text = Write(SqlDialect.Postgres, """
            CREATE SCHEMA "a.b";
            CREATE DOMAIN "a.b".priority AS text CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high'));
            CREATE TABLE tasks (p "a.b".priority);
            """);

        Assert.Contains(
            "column tasks.p (domain \"a.b\".priority)\tALTER DOMAIN \"a.b\".priority DROP CONSTRAINT priority_values;\\nALTER DOMAIN \"a.b\".priority ADD CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high', {value}));\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void EnumTypeWithADotInItsNameOrSchema_IsDescribedByItsQuotedParts()
    {
        var text = Write(SqlDialect.Postgres, """
            CREATE SCHEMA "a.b";
            CREATE TYPE "my.status" AS ENUM ('on');
            CREATE TYPE "a.b".mode AS ENUM ('fast');
            CREATE TABLE jobs (s "my.status", m "a.b".mode);
            """);

        Assert.Contains("column jobs.s (enum type \"my.status\")\tALTER TYPE \"my.status\" ADD VALUE {value};\n", text, StringComparison.Ordinal);
        Assert.Contains("column jobs.m (enum type \"a.b\".mode)\tALTER TYPE \"a.b\".mode ADD VALUE {value};\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnOfADomainOverAnEnumType_FixAltersTheEnumTypeNotTheDomain()
    {
        var text = Write(SqlDialect.Postgres, """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE DOMAIN feeling AS mood;
            CREATE TABLE people (f feeling);
            """);

        Assert.Contains("column people.f (enum type mood)\tALTER TYPE mood ADD VALUE {value};\n", text, StringComparison.Ordinal);
    }

    private static string Write(SqlDialect dialect, string sql)
    {
        var set = MigrationDiscovery.Discover([new MigrationSourceFile("1_init.sql", sql)]).Set!;
        var result = SchemaEngine.Build(set, dialect);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return ValueSetWriter.Write(result.Final);
    }
}
