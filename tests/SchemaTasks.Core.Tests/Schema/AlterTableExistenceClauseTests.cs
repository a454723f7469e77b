using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB's IF EXISTS / IF NOT EXISTS inside ALTER TABLE actions, as MariaDB 10.11 takes them
/// (the Differential tests run them there), and MySQL 8, whose grammar has none of them (error
/// 1064). The hint of an unknown constraint's drop names a form the dialect accepts.
/// </summary>
public class AlterTableExistenceClauseTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, u int UNIQUE);
        CREATE TABLE c (id int, pid int, q int, z int, CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT ck CHECK (id > 0), CONSTRAINT uk UNIQUE (q));

        """;

    private static CatalogTable C(Catalog catalog) => catalog.FindTable(My("c"))!;

    private static string[] Constraints(CatalogTable table) => [.. table.Checks.Select(c => c.Name), .. table.OtherConstraints];

    [Theory]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY IF EXISTS c_fk;", "ck,uk")]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY IF EXISTS nope;", "ck,c_fk,uk")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT IF EXISTS ck, DROP CONSTRAINT IF EXISTS nope;", "c_fk,uk")]
    [InlineData("ALTER TABLE c DROP INDEX IF EXISTS uk, DROP KEY IF EXISTS nope;", "ck,c_fk")]
    [InlineData("ALTER TABLE c DROP COLUMN IF EXISTS nope, DROP IF EXISTS nope2;", "ck,c_fk,uk")]
    [InlineData("ALTER TABLE c ADD COLUMN IF NOT EXISTS id int, ADD IF NOT EXISTS y int;", "ck,c_fk,uk")]
    [InlineData("ALTER TABLE c ADD INDEX IF NOT EXISTS uk (z), ADD KEY IF NOT EXISTS k2 (z);", "ck,c_fk,uk")]
    [InlineData("ALTER TABLE c ADD UNIQUE KEY IF NOT EXISTS uk (z), ADD UNIQUE IF NOT EXISTS uk2 (z), ADD UNIQUE INDEX IF NOT EXISTS uk3 (z);", "ck,c_fk,uk,uk2,uk3")]
    [InlineData("ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS ck CHECK (id > 1), ADD CONSTRAINT IF NOT EXISTS ck2 CHECK (id > 2);", "ck,ck2,c_fk,uk")]
    [InlineData("ALTER TABLE c ADD FOREIGN KEY IF NOT EXISTS fk3 (pid) REFERENCES p (id), ADD FOREIGN KEY IF NOT EXISTS c_fk (pid) REFERENCES p (id);", "ck,c_fk,fk3,uk")]
    [InlineData("ALTER TABLE c ADD PRIMARY KEY IF NOT EXISTS (id);\nALTER TABLE c ADD PRIMARY KEY IF NOT EXISTS (pid);", "ck,c_fk,PRIMARY,uk")]
    [InlineData("ALTER TABLE c MODIFY COLUMN IF EXISTS nope int, CHANGE COLUMN IF EXISTS nope2 nope3 int;", "ck,c_fk,uk")]
    public void MariaDb_TakesTheExistenceClauses_AndSkipsWhatIsThereOrMissing(string alter, string constraints)
    {
        var table = C(Clean(Tables + alter, SqlDialect.MariaDb));
        Assert.Equal(constraints.Split(',').Order(StringComparer.Ordinal), Constraints(table).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY IF EXISTS c_fk;", "DROP FOREIGN KEY", 32)]
    [InlineData("ALTER TABLE c DROP CONSTRAINT IF EXISTS ck;", "DROP CONSTRAINT", 31)]
    [InlineData("ALTER TABLE c DROP CHECK IF EXISTS ck;", "DROP CHECK", 26)]
    [InlineData("ALTER TABLE c DROP INDEX IF EXISTS uk;", "DROP INDEX", 26)]
    [InlineData("ALTER TABLE c DROP COLUMN IF EXISTS z;", "DROP COLUMN", 27)]
    [InlineData("ALTER TABLE c ADD COLUMN IF NOT EXISTS y int;", "ADD COLUMN", 26)]
    [InlineData("ALTER TABLE c ADD INDEX IF NOT EXISTS k2 (z);", "ADD INDEX", 25)]
    [InlineData("ALTER TABLE c ADD UNIQUE KEY IF NOT EXISTS uk2 (z);", "ADD UNIQUE KEY", 30)]
    [InlineData("ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS ck2 CHECK (id > 2);", "ADD CONSTRAINT", 30)]
    [InlineData("ALTER TABLE c MODIFY IF EXISTS z bigint;", "MODIFY COLUMN", 22)]
    public void MySql8_RefusesTheExistenceClauses_SayingMariaDbTakesThem(string alter, string clause, int column)
    {
        var (catalog, diagnostics) = Run(Tables + alter, SqlDialect.MySql);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 3, column), (refusal.Code, refusal.Line, refusal.Column));
        Assert.Contains($"MySQL 8 does not accept IF", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"after {clause} (error 1064", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("MariaDB does", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["c_fk", "ck", "uk"], Constraints(C(catalog)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS fk2 FOREIGN KEY (pid) REFERENCES p (id);", "only before a CHECK")]
    [InlineData("ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS uk4 UNIQUE (z);", "only before a CHECK")]
    [InlineData("ALTER TABLE c DROP CHECK ck;", "MariaDB does not accept DROP CHECK")]
    [InlineData("ALTER TABLE c DROP PRIMARY KEY IF EXISTS;", "found 'IF'")]
    [InlineData("CREATE TABLE a (z int, UNIQUE KEY IF NOT EXISTS uk (z));", "belongs to ALTER TABLE ... ADD UNIQUE KEY")]
    [InlineData("CREATE TABLE a (z int, KEY iz (z));\nDROP INDEX iz ON a LOCK = NONE;", "MariaDB does not accept LOCK after DROP INDEX ... ON table")]
    [InlineData("CREATE TABLE a (z int, KEY iz (z));\nDROP INDEX iz ON a ALGORITHM=INPLACE LOCK=NONE;", "MariaDB does not accept ALGORITHM after DROP INDEX")]
    [InlineData("CREATE TABLE a (z varchar(9), j text AS (CAST(z AS JSON)) VIRTUAL);", "MariaDB cannot CAST to JSON")]
    [InlineData("ALTER TABLE c ADD COLUMN j json DEFAULT (CONVERT('[]', JSON));", "MariaDB cannot CONVERT to JSON")]
    public void MariaDb_RefusesTheFormsItsGrammarLacks(string sql, string message)
    {
        var refusal = Assert.Single(Run(Tables + sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 3 + sql.Count(c => c == '\n')), (refusal.Code, refusal.Line));
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.MySql, "DROP INDEX iz ON a ALGORITHM = INPLACE LOCK = NONE;")]
    [InlineData(SqlDialect.MariaDb, "DROP INDEX iz ON a NOWAIT;")]
    [InlineData(SqlDialect.MySql, "ALTER TABLE a ADD COLUMN j json AS (CAST(z AS JSON)) VIRTUAL;")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE a ADD COLUMN j text AS (CAST(z AS CHAR)) VIRTUAL;")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE a DROP INDEX iz, LOCK = NONE;")]
    public void DropIndexOptionsTheServerTakes_AreAccepted(SqlDialect dialect, string drop)
    {
        Assert.Empty(Run("CREATE TABLE a (z int, KEY iz (z));\n" + drop + "\nALTER TABLE a ADD COLUMN y int;", dialect).Diagnostics);
    }

    [Fact]
    public void MariaDb_CheckIfNotExists_NamedLikeAKey_StillClashes()
    {
        var refusal = Assert.Single(Run(Tables + "ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS uk CHECK (id > 1);", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal(DiagnosticCodes.ConstraintExists, refusal.Code);
    }

    [Theory]
    [InlineData(SqlDialect.MySql, "ALTER TABLE c DROP FOREIGN KEY nope;", "remove the drop if the migrations before it never create the constraint (MySQL 8 has no IF EXISTS form of it)")]
    [InlineData(SqlDialect.MySql, "ALTER TABLE c DROP CONSTRAINT nope;", "remove the drop if the migrations before it never create the constraint (MySQL 8 has no IF EXISTS form of it)")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE c DROP FOREIGN KEY nope;", "write DROP FOREIGN KEY IF EXISTS.")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE c DROP CONSTRAINT nope;", "write DROP CONSTRAINT IF EXISTS.")]
    public void UnknownConstraintDrop_HintsAFormTheDialectAccepts(SqlDialect dialect, string drop, string hint)
    {
        // MariaDB refuses the drop (error 1091) of a table the migrations created; MySQL 8 was not checked, so there it is a warning.
        var warning = Assert.Single(Run(Tables + drop, dialect).Diagnostics);
        var severity = dialect == SqlDialect.MariaDb ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, severity, 3, 15), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.EndsWith(hint, warning.Message.TrimEnd('.') + (hint.EndsWith('.') ? "." : string.Empty), StringComparison.Ordinal);
        if (dialect == SqlDialect.MySql) Assert.DoesNotContain("write DROP", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownConstraintDrop_PostgresHintIsUnchanged()
    {
        // A table the migrations made has exactly the constraints the engine knows: refused (42704).
        var refusal = Assert.Single(Run("CREATE TABLE t (a int);\nALTER TABLE t DROP CONSTRAINT nope;").Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, refusal.Severity);
        Assert.EndsWith("Fix the name, or write DROP CONSTRAINT IF EXISTS.", refusal.Message, StringComparison.Ordinal);
    }
}
