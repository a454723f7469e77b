using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Changing the type of a column a foreign key uses (MySQL, MariaDB: ST3018) and foreign keys
/// PostgreSQL refuses at creation or after ALTER COLUMN ... TYPE (ST3007, ST3009, ST3070, ST3071).
/// Checked on MariaDB 10.11 and PostgreSQL 15 (the Differential tests run them there).
/// </summary>
public class ForeignKeyColumnTypeTests
{
    private const string MySqlTables = """
        CREATE TABLE p (id int PRIMARY KEY, code varchar(10) NOT NULL, UNIQUE KEY (code));
        CREATE TABLE d (id int PRIMARY KEY, pid int, pcode varchar(10), CONSTRAINT d_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT d_fk2 FOREIGN KEY (pcode) REFERENCES p (code));

        """;

    private const string PostgresTables = """
        CREATE TABLE p (id int PRIMARY KEY, code varchar(10) UNIQUE, u uuid UNIQUE, nu int);
        CREATE TABLE d (id int PRIMARY KEY, pid int REFERENCES p (id), pu uuid REFERENCES p (u));

        """;

    [Theory]
    [InlineData("ALTER TABLE d MODIFY pid bigint;", "column pid of d from int(11) to bigint(20): foreign key d_fk uses it (MariaDB error 1832")]
    [InlineData("ALTER TABLE p MODIFY id bigint;", "column id of p from int(11) to bigint(20): foreign key d_fk of d references it (MariaDB error 1833")]
    [InlineData("ALTER TABLE d MODIFY pid int unsigned;", "foreign key d_fk uses it")]
    [InlineData("ALTER TABLE d MODIFY pcode varchar(20);", "from varchar(10) to varchar(20): foreign key d_fk2 uses it")]
    [InlineData("SET foreign_key_checks = 0;\nALTER TABLE d MODIFY pid bigint;", "foreign key d_fk uses it")]
    public void MariaDb_refuses_changing_the_type_of_a_foreign_key_column(string sql, string message)
    {
        var (catalog, diagnostics) = Run(MySqlTables + sql, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.KeyNeededByForeignKey, 2 + sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);

        // The statement fails: both columns keep their type.
        Assert.Equal("int(11)", catalog.FindTable(My("d"))!.FindColumn("pid", SqlDialect.MariaDb)!.Type);
        Assert.Equal("int(11)", catalog.FindTable(My("p"))!.FindColumn("id", SqlDialect.MariaDb)!.Type);
        Assert.Equal("varchar(10)", catalog.FindTable(My("d"))!.FindColumn("pcode", SqlDialect.MariaDb)!.Type);
    }

    [Theory]
    [InlineData("ALTER TABLE d MODIFY pid int NOT NULL DEFAULT 3 COMMENT 'x';")]
    [InlineData("ALTER TABLE d MODIFY pid int(5);")]
    [InlineData("ALTER TABLE d CHANGE pid pid2 int;")]
    [InlineData("ALTER TABLE p MODIFY id int AUTO_INCREMENT;")]
    [InlineData("ALTER TABLE d MODIFY pid bigint, DROP FOREIGN KEY d_fk;")]
    [InlineData("ALTER TABLE d DROP FOREIGN KEY d_fk;\nALTER TABLE p MODIFY id bigint;\nALTER TABLE d MODIFY pid bigint;")]
    public void MariaDb_accepts_changes_that_keep_the_type(string sql)
    {
        Assert.Empty(Run(MySqlTables + sql, SqlDialect.MariaDb).Diagnostics);
    }

    [Theory]
    [InlineData("ALTER TABLE d MODIFY pid bigint;", true)]
    [InlineData("ALTER TABLE d MODIFY pid varchar(10);", true)]
    [InlineData("ALTER TABLE d MODIFY pcode varchar(20);", false)]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE d MODIFY pid bigint;", false)]
    public void MySql_refuses_what_its_manual_states(string sql, bool refused)
    {
        var diagnostics = Run(MySqlTables + sql, SqlDialect.MySql).Diagnostics;
        Assert.Equal(refused, diagnostics.Any(d => d.Code == DiagnosticCodes.KeyNeededByForeignKey));
        Assert.Equal(refused ? 1 : 0, diagnostics.Count);
    }

    [Theory]
    [InlineData("ALTER TABLE d ALTER pid TYPE text;", DiagnosticCodes.ForeignKeyTypesIncompatible, "column pid (text) and referenced column id of p (integer)")]
    [InlineData("ALTER TABLE p ALTER id TYPE text;", DiagnosticCodes.ForeignKeyTypesIncompatible, "Foreign key d_pid_fkey of d cannot be implemented")]
    [InlineData("ALTER TABLE d ALTER pid TYPE numeric;", DiagnosticCodes.ForeignKeyTypesIncompatible, "(numeric)")]
    [InlineData("ALTER TABLE d ALTER pu TYPE text;", DiagnosticCodes.ForeignKeyTypesIncompatible, "(uuid)")]
    [InlineData("CREATE TABLE e (x int REFERENCES nope (id));", DiagnosticCodes.TableNotFound, "references nope")]
    [InlineData("CREATE TABLE e (x int REFERENCES p (nocol));", DiagnosticCodes.ColumnNotFound, "column nocol of p")]
    [InlineData("CREATE TABLE e (x int REFERENCES p (nu));", DiagnosticCodes.ReferencedKeyMissing, "references (nu) of p")]
    [InlineData("CREATE UNIQUE INDEX p_nu ON p (nu) WHERE nu > 0;\nCREATE TABLE e (x int REFERENCES p (nu));", DiagnosticCodes.ReferencedKeyMissing, "SQLSTATE 42830")]
    public void Postgres_refuses_foreign_keys_it_cannot_implement(string sql, string code, string message)
    {
        var (catalog, diagnostics) = Run(PostgresTables + sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, 2 + sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(new QualifiedName("public", "e")));
        Assert.Equal("integer", catalog.FindTable(new QualifiedName("public", "d"))!.FindColumn("pid", SqlDialect.Postgres)!.Type);
    }

    [Theory]
    [InlineData("ALTER TABLE d ALTER pid TYPE bigint;")]
    [InlineData("ALTER TABLE p ALTER id TYPE bigint;")]
    [InlineData("ALTER TABLE p ALTER code TYPE text;")]
    [InlineData("CREATE TABLE e (x int REFERENCES p);")]
    [InlineData("CREATE TABLE e (id int PRIMARY KEY, x int REFERENCES e (id));")]
    [InlineData("CREATE UNIQUE INDEX p_nu ON p (nu);\nCREATE TABLE e (x int REFERENCES p (nu));")]
    [InlineData("CREATE TABLE e (x int REFERENCES auth.users (id));")]
    public void Postgres_accepts_foreign_keys_it_can_implement(string sql)
    {
        Assert.Empty(Run(PostgresTables + sql).Diagnostics);
    }
}
