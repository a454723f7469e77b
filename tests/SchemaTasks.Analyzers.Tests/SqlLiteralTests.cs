using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// String literals inside SQL text passed to Dapper, ADO.NET commands and EF Core's raw SQL are
/// checked against the value sets, and an undeclared one is reported at the SQL literal itself.
/// </summary>
public sealed class SqlLiteralTests
{
    private const string PostgresSchema = """
        CREATE TYPE job_status AS ENUM ('queued', 'running', 'done');
        CREATE TABLE jobs (id serial PRIMARY KEY, status job_status NOT NULL, kind text CHECK (kind IN ('email', 'report')));
        CREATE TABLE archived_jobs (id serial PRIMARY KEY, status job_status NOT NULL);
        CREATE TABLE workers (id serial PRIMARY KEY, name text);
        CREATE SCHEMA ops;
        CREATE TABLE ops."Tasks" (id serial PRIMARY KEY, "State" text CHECK ("State" IN ('open', 'closed')));
        """;

    private const string MySqlSchema = """
        CREATE TABLE jobs (id INT AUTO_INCREMENT PRIMARY KEY, status ENUM('queued', 'running', 'done') NOT NULL, kind VARCHAR(20));
        CREATE TABLE `job notes` (id INT PRIMARY KEY, `note kind` ENUM('info', 'warning'));
        """;

    [Theory]
    [InlineData("db.Execute(\"UPDATE jobs SET status = 'bad' WHERE id = 1\");", "assigned to status in the text passed to SqlMapper.Execute")]
    [InlineData("await db.ExecuteAsync(\"UPDATE jobs SET status = 'bad'\");", "assigned to status in the text passed to SqlMapper.ExecuteAsync")]
    [InlineData("db.Query<int>(\"SELECT id FROM jobs WHERE status = 'bad'\");", "compared with status in the text passed to SqlMapper.Query")]
    [InlineData("await db.QueryAsync<int>(\"SELECT id FROM jobs WHERE status = 'bad'\");", "compared with status in the text passed to SqlMapper.QueryAsync")]
    [InlineData("db.QueryFirstOrDefault<int>(sql: \"SELECT id FROM jobs WHERE status = 'bad'\");", "compared with status in the text passed to SqlMapper.QueryFirstOrDefault")]
    [InlineData("_ = new Npgsql.NpgsqlCommand(\"SELECT id FROM jobs WHERE status = 'bad'\", db);", "compared with status in the text passed to new NpgsqlCommand")]
    [InlineData("_ = new Npgsql.NpgsqlBatchCommand(\"SELECT id FROM jobs WHERE status = 'bad'\");", "compared with status in the text passed to new NpgsqlBatchCommand")]
    [InlineData("var c = new Npgsql.NpgsqlCommand(); c.CommandText = \"SELECT id FROM jobs WHERE status = 'bad'\";", "compared with status in the text passed to NpgsqlCommand.CommandText")]
    [InlineData("_ = new Npgsql.NpgsqlCommand { CommandText = \"SELECT id FROM jobs WHERE status = 'bad'\" };", "compared with status in the text passed to NpgsqlCommand.CommandText")]
    [InlineData("db.Execute(new CommandDefinition(\"SELECT id FROM jobs WHERE status = 'bad'\"));", "compared with status in the text passed to new CommandDefinition")]
    [InlineData("var c = new MySqlConnector.MySqlCommand(); c.CommandText = \"SELECT id FROM jobs WHERE status = 'bad'\";", "compared with status in the text passed to MySqlCommand.CommandText")]
    [InlineData("_ = set.FromSqlRaw(\"SELECT * FROM jobs WHERE status = 'bad'\");", "compared with status in the text passed to RelationalQueryableExtensions.FromSqlRaw")]
    [InlineData("_ = set.FromSql($\"SELECT * FROM jobs WHERE id = {id} AND status = 'bad'\");", "compared with status in the text passed to RelationalQueryableExtensions.FromSql")]
    [InlineData("ef.ExecuteSqlRaw(\"UPDATE jobs SET status = 'bad'\");", "assigned to status in the text passed to RelationalDatabaseFacadeExtensions.ExecuteSqlRaw")]
    [InlineData("await ef.ExecuteSqlRawAsync(\"UPDATE jobs SET status = 'bad'\");", "assigned to status in the text passed to RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync")]
    [InlineData("ef.ExecuteSql($\"UPDATE jobs SET status = 'bad' WHERE id = {id}\");", "assigned to status in the text passed to RelationalDatabaseFacadeExtensions.ExecuteSql")]
    [InlineData("await ef.ExecuteSqlAsync($\"UPDATE jobs SET status = 'bad' WHERE id = {id}\");", "assigned to status in the text passed to RelationalDatabaseFacadeExtensions.ExecuteSqlAsync")]
    [InlineData("_ = ef.SqlQuery<int>($\"SELECT id FROM jobs WHERE status = 'bad' AND id > {id}\");", "compared with status in the text passed to RelationalDatabaseFacadeExtensions.SqlQuery")]
    [InlineData("_ = ef.SqlQueryRaw<int>(\"SELECT id FROM jobs WHERE status = 'bad'\");", "compared with status in the text passed to RelationalDatabaseFacadeExtensions.SqlQueryRaw")]
    public async Task EachCallForm_ReportsTheLiteralInItsSql(string statement, string context)
        => await AssertReportedAsync(Use(statement), Postgres(PostgresSchema), "'bad'", $"the SQL literal {context} maps to 'bad', which column jobs.status (enum type job_status) does not declare");

    [Theory]
    [InlineData("SELECT id FROM jobs WHERE status <> 'bad'", "compared with status")]
    [InlineData("SELECT id FROM jobs WHERE status != 'bad'", "compared with status")]
    [InlineData("SELECT id FROM jobs WHERE status IN ('queued', 'bad')", "compared with status")]
    [InlineData("SELECT id FROM jobs WHERE status NOT IN ('queued', 'bad', 'done')", "compared with status")]
    [InlineData("INSERT INTO jobs (kind, status) VALUES ('email', 'queued'), ('report', 'bad')", "inserted into status")]
    [InlineData("INSERT INTO jobs (id, status) VALUES (1, 'queued') ON CONFLICT (id) DO UPDATE SET status = 'bad'", "assigned to status")]
    [InlineData("UPDATE jobs SET kind = 'email', status = 'bad' WHERE id = 1", "assigned to status")]
    [InlineData("UPDATE jobs j SET status = 'queued' WHERE j.status = 'bad'", "compared with j.status")]
    [InlineData("SELECT j.id FROM jobs j WHERE j.status = 'bad'", "compared with j.status")]
    [InlineData("SELECT j.id FROM public.jobs AS j WHERE j.status = 'bad'", "compared with j.status")]
    [InlineData("SELECT w.id FROM workers w JOIN jobs j ON j.id = w.id WHERE j.status = 'bad'", "compared with j.status")]
    [InlineData("SELECT w.id FROM workers w LEFT JOIN jobs ON jobs.id = w.id WHERE status = 'bad'", "compared with status")]
    [InlineData("SELECT id FROM \"jobs\" WHERE \"status\" = 'bad'", "compared with status")]
    [InlineData("SELECT 1; DELETE FROM jobs WHERE status = 'bad'", "compared with status")]
    public async Task EachStatementShape_ReportsTheLiteral(string sql, string context)
        => await AssertReportedAsync(Use(Dapper(sql)), Postgres(PostgresSchema), "'bad'", $"the SQL literal {context} in the text passed to SqlMapper.Execute maps to 'bad', which column jobs.status");

    [Theory]
    [InlineData("SELECT 'bad'::job_status", "cast to job_status")]
    [InlineData("SELECT 'bad'::public.job_status", "cast to public.job_status")]
    [InlineData("SELECT CAST('bad' AS job_status)", "cast to job_status")]
    public async Task Cast_ToAnEnumType_IsChecked(string sql, string context)
        => await AssertReportedAsync(Use(Dapper(sql)), Postgres(PostgresSchema), "'bad'", $"the SQL literal {context} in the text passed to SqlMapper.Execute maps to 'bad', which enum type job_status does not declare");

    [Fact]
    public async Task CheckColumn_InAQuotedSchemaQualifiedTable_IsChecked()
        => await AssertReportedAsync(
            Use(Dapper("SELECT 1 FROM ops.\"Tasks\" t WHERE t.\"State\" = 'bad'")),
            Postgres(PostgresSchema),
            "'bad'",
            "the SQL literal compared with t.State in the text passed to SqlMapper.Execute maps to 'bad', which column ops.\"Tasks\".\"State\" (CHECK");

    [Fact]
    public async Task Message_CarriesTheNearMissAndTheFix()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Use(Dapper("UPDATE jobs SET status = 'dome'")), Postgres(PostgresSchema));

        var error = Assert.Single(diagnostics);
        Assert.Contains("Did you mean 'done'?", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("Fix: add a migration with: ALTER TYPE job_status ADD VALUE 'dome';", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT id FROM `jobs` WHERE `status` = 'bad'", "compared with status")]
    [InlineData("SELECT j.id FROM jobs AS j WHERE j.status IN ('done', 'bad')", "compared with j.status")]
    [InlineData("INSERT INTO jobs (kind, status) VALUES ('a', 'done'), ('b', 'bad') ON DUPLICATE KEY UPDATE kind = 'c'", "inserted into status")]
    [InlineData("INSERT INTO jobs (id, status) VALUES (1, 'done') ON DUPLICATE KEY UPDATE status = 'bad'", "assigned to status")]
    [InlineData("UPDATE jobs SET status = 'bad' WHERE id = 1", "assigned to status")]
    public async Task MySql_StatementShapes_AreChecked(string sql, string context)
        => await AssertReportedAsync(Use(Dapper(sql)), MySql(MySqlSchema), "'bad'", $"the SQL literal {context} in the text passed to SqlMapper.Execute maps to 'bad', which column jobs.status (ENUM)");

    [Fact]
    public async Task MySql_BacktickQuotedNames_ResolveAndTheFixKeepsThem()
    {
        var source = Use("_ = new MySqlConnector.MySqlCommand(\"SELECT 1 FROM `job notes` n WHERE n.`note kind` = 'bad'\", db);");

        var error = await AssertReportedAsync(source, MySql(MySqlSchema), "'bad'", "the SQL literal compared with n.note kind in the text passed to new MySqlCommand maps to 'bad', which column `job notes`.`note kind` (ENUM)");
        Assert.Contains("ALTER TABLE `job notes` MODIFY COLUMN `note kind` ENUM('info', 'warning', 'bad')", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db.Execute(\"SELECT id\\tFROM jobs\\nWHERE status = \\\"x\\\" OR status = 'bad'\");")]
    [InlineData("db.Execute(@\"SELECT id FROM \"\"jobs\"\"\nWHERE status = 'bad'\");")]
    [InlineData("db.Execute(\"\"\"SELECT id FROM \"jobs\" WHERE status = 'bad'\"\"\");")]
    [InlineData("db.Execute(\"\"\"\n            SELECT id\n              FROM jobs\n\n             WHERE status = 'bad'\n            \"\"\");")]
    [InlineData("db.Execute(\"SELECT id FROM jobs \" + \"WHERE kind = 'email' \" + \"AND status = 'bad'\");")]
    [InlineData("db.Execute($\"SELECT id FROM jobs WHERE id = {id} AND status = 'bad'\");")]
    [InlineData("db.Execute($@\"SELECT {{id}} FROM \"\"jobs\"\" WHERE id = {id} AND status = 'bad'\");")]
    [InlineData("db.Execute($\"\"\"SELECT id FROM jobs WHERE id = {id} AND status = 'bad'\"\"\");")]
    [InlineData("db.Execute(Select + \" WHERE status = 'bad'\");")]
    [InlineData("db.Execute(\"SELECT id FROM jobs WHERE status = 'bad' AND \" + filter);")]
    public async Task EachStringForm_PointsAtTheSqlLiteral(string statement)
        => await AssertReportedAsync(Use(statement), Postgres(PostgresSchema), "'bad'", "the SQL literal compared with status");

    [Fact]
    public async Task ConstantField_IsReportedOnceAtItsDeclaration()
    {
        var source = Use("db.Execute(Failed); db.Execute(Failed + \" AND id = 1\");");

        await AssertReportedAsync(source, Postgres(PostgresSchema), "'failed'", "the SQL literal compared with status");
    }

    [Fact]
    public async Task MultiLineInterpolatedRawString_TextPartOverSeveralLines_FallsBackToTheWholeString()
    {
        const string Raw = "$\"\"\"\n            SELECT id FROM jobs\n            WHERE status = 'bad' AND id = {id}\n            \"\"\"";
        var source = Use($"db.Execute({Raw});");

        await AssertReportedAsync(source, Postgres(PostgresSchema), Raw, "the SQL literal compared with status");
    }

    [Fact]
    public async Task MultiLineInterpolatedRawString_TextPartAfterAHoleOnOneLine_IsExact()
    {
        var source = Use("db.Execute($\"\"\"\n            SELECT id FROM jobs\n            WHERE id = {id} AND status = 'bad'\n            \"\"\");");

        await AssertReportedAsync(source, Postgres(PostgresSchema), "'bad'", "the SQL literal compared with status");
    }

    [Fact]
    public async Task MySql_DoubleQuotedString_IsAValue_PointedAtThroughItsEscapes()
    {
        var source = Use(Dapper("SELECT id FROM jobs WHERE status = \"bad\""));

        await AssertReportedAsync(source, MySql(MySqlSchema), "\\\"bad\\\"", "the SQL literal compared with status");
    }

    [Fact]
    public async Task MariaDb_ReadsAsMySql()
        => await AssertReportedAsync(Use(Dapper("UPDATE `jobs` SET `status` = 'bad'")), MariaDb(MySqlSchema), "'bad'", "the SQL literal assigned to status");

    [Fact]
    public async Task LiteralSplitAcrossPieces_FallsBackToTheLiteralExpression()
    {
        var source = Use("db.Execute(\"SELECT id FROM jobs WHERE status = 'ba\" + \"d'\");");

        await AssertReportedAsync(source, Postgres(PostgresSchema), "\"SELECT id FROM jobs WHERE status = 'ba\"", "the SQL literal compared with status");
    }

    [Theory]
    [InlineData("db.Execute(\"SELECT id FROM jobs WHERE status = 'done' AND kind IN ('email', 'report')\");")]
    [InlineData("db.Execute(\"INSERT INTO jobs (kind, status) VALUES ('email', 'queued'), ('report', 'running')\");")]
    [InlineData("db.Execute(\"SELECT 'done'::job_status, CAST('queued' AS job_status), 'anything'::text\");")]
    [InlineData("db.Execute(\"SELECT 1 FROM nowhere WHERE status = 'bad'\");")] // unknown table
    [InlineData("db.Execute(\"SELECT 1 FROM jobs j WHERE x.status = 'bad'\");")] // unknown alias
    [InlineData("db.Execute(\"SELECT 1 FROM jobs JOIN archived_jobs USING (id) WHERE status = 'bad'\");")] // ambiguous column
    [InlineData("db.Execute(\"SELECT 1 FROM workers WHERE name = 'bad'\");")] // unrestricted column
    [InlineData("db.Execute(\"SELECT 1 FROM jobs WHERE status = 'ba' || 'd'\");")] // an expression, not the literal
    [InlineData("db.Execute(\"INSERT INTO jobs VALUES (1, 'bad', 'email')\");")] // no column list
    [InlineData("db.Execute(\"SELECT 1 FROM jobs WHERE status LIKE 'bad%'\");")] // not a shape the check reads
    [InlineData("db.Execute($\"SELECT 1 FROM jobs WHERE status = '{filter}'\");")] // known only at run time
    [InlineData("db.Execute(\"SELECT 1 FROM jobs WHERE status = 'bad\");")] // unreadable: unclosed quote
    [InlineData("db.Execute(\"VACUUM jobs; status = 'bad'\");")] // not a statement the check reads
    [InlineData("db.Execute(filter);")] // built at run time
    [InlineData("System.Console.WriteLine(\"UPDATE jobs SET status = 'bad'\");")] // not a database call
    public async Task DeclaredUnknownOrUnreadable_IsNotReported(string statement)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Use(statement), Postgres(PostgresSchema));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task SkippedSqlStrings_AreCountedForDetailedVerbosity()
    {
        var source = Use("db.Execute(filter); db.Execute(\"VACUUM jobs\"); db.Execute(\"SELECT id FROM jobs WHERE status = 'done'\");");

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(PostgresSchema), includeSummary: true);

        var skipped = Assert.Single(diagnostics, d => d.Id == "ST4007");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, skipped.Severity);
        Assert.StartsWith("SchemaTasks could not read 2 of the 3 SQL string(s)", skipped.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("checked 1 value(s)", Assert.Single(diagnostics, d => d.Id == "ST4000").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutValueSets_SqlIsNotRead()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Use(Dapper("UPDATE jobs SET status = 'bad'")), valueSets: null, includeSummary: true);

        Assert.Empty(diagnostics);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic> AssertReportedAsync(string source, string valueSets, string at, string messageStart)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, valueSets);

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.StartsWith(messageStart, error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, at), error.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(at.Length, error.Location.SourceSpan.Length);
        return error;
    }

    private static string Dapper(string sql) => $"db.Execute(\"{sql.Replace("\"", "\\\"", StringComparison.Ordinal)}\");";

    private static string Use(string statement) => SqlApiStub.Source + $$"""

        namespace Fixture
        {
            using Dapper;
            using Microsoft.EntityFrameworkCore;

            public static class Calls
            {
                private const string Select = "SELECT id FROM jobs";
                private const string Failed = "SELECT id FROM jobs WHERE status = 'failed'";

                public static async System.Threading.Tasks.Task Run(Connection db, DbSet<Job> set, DatabaseFacade ef, int id, string filter)
                {
                    {{statement}}
                    await System.Threading.Tasks.Task.CompletedTask;
                }
            }
        }
        """;
}
