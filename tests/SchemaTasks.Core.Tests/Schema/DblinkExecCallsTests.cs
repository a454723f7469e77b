using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// dblink_exec runs its SQL over another connection, which may be to the migration's own
/// database: SchemaTasks does not follow it, and says so (ST3175, a warning) where that SQL may
/// change a tracked object or is known only at run time.
/// </summary>
public class DblinkExecCallsTests
{
    [Theory]
    [InlineData("SELECT dblink_exec('dbname=app', 'CREATE TABLE public.via_dblink (id int)');", 1, 8)]
    [InlineData("SELECT public.dblink_exec('ALTER TABLE t ADD COLUMN c int', true);", 1, 15)]
    [InlineData("SELECT dblink_exec('conn', 'ALTER TYPE status ADD VALUE ''c''', false);", 1, 8)]
    [InlineData("DO $$\nBEGIN\n  PERFORM dblink_exec('dbname=app', 'DROP TABLE t');\nEND $$;", 3, 11)]
    [InlineData("DO $$\nDECLARE ddl text := 'DROP TABLE t';\nBEGIN\n  PERFORM dblink_exec('dbname=app', ddl);\nEND $$;", 4, 11)]
    [InlineData("SELECT dblink_exec('dbname=app', format('CREATE TABLE %I (id int)', current_setting('app.table')));", 1, 8)]
    public void SqlThatMayChangeATrackedObject_IsAWarningAtTheCall(string call, int line, int column)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (id int);\nCREATE TYPE status AS ENUM ('a');\n" + call);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DblinkExecNotFollowed, DiagnosticSeverity.Warning, line + 2, column), (finding.Code, finding.Severity, finding.Line, finding.Column));
        Assert.Contains("dblink_exec runs", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name)); // The engine's own session is unchanged.
    }

    [Theory]
    [InlineData("SELECT dblink_exec('dbname=app', 'INSERT INTO t VALUES (1)');")]
    [InlineData("SELECT dblink_exec('dbname=app', 'GRANT SELECT ON t TO reader');")]
    [InlineData("DO $$ BEGIN PERFORM dblink_exec('dbname=app', 'UPDATE t SET id = 2'); END $$;")]
    [InlineData("SELECT dblink_connect('dbname=app');")]
    public void SqlThatChangesNothingTracked_IsNotReported(string call)
        => Assert.Empty(Run("CREATE TABLE t (id int);\n" + call).Diagnostics);
}
