using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A ',' missing after a key or foreign key inside ALTER TABLE or CREATE TABLE, or after an
/// action whose content is skipped: the servers refuse it as a syntax error (PostgreSQL 42601,
/// MariaDB 1064; the differential tests check them), and the engine must too rather than drop the
/// actions after it (UPchieve's "ADD CONSTRAINT ... UNIQUE (...) DROP CONSTRAINT ...").
/// </summary>
public class MissingSeparatorTests
{
    private const string PostgresTable = "CREATE TABLE a (id int PRIMARY KEY, name text);\n";
    private const string MySqlTable = "CREATE TABLE a (id int PRIMARY KEY, name varchar(10), z int);\n";

    [Theory]
    [InlineData("ALTER TABLE a ADD CONSTRAINT u UNIQUE (name) DROP CONSTRAINT IF EXISTS u;", 46)]
    [InlineData("ALTER TABLE a ADD UNIQUE (name) ADD COLUMN z int;", 33)]
    [InlineData("ALTER TABLE a ADD PRIMARY KEY (name) ADD COLUMN z int;", 38)]
    [InlineData("ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES a (id) ADD COLUMN w int;", 67)]
    [InlineData("ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES a (id) ON DELETE CASCADE DEFERRABLE ADD COLUMN w int;", 96)]
    [InlineData("ALTER TABLE a ADD UNIQUE (name) DEFERRABLE INITIALLY DEFERRED DROP COLUMN name;", 63)]
    [InlineData("ALTER TABLE a OWNER TO app DROP COLUMN name;", 28)]
    [InlineData("ALTER TABLE a ALTER COLUMN id TYPE bigint USING id::bigint DROP COLUMN name;", 60)]
    [InlineData("ALTER TABLE a ALTER COLUMN name SET STATISTICS 100 ADD COLUMN q int;", 52)]
    [InlineData("CREATE TABLE b (id int, CONSTRAINT pk PRIMARY KEY (id) x int);", 56)]
    public void Postgres_AMissingComma_IsASyntaxErrorWhereTheServerSaysSo(string statement, int column)
    {
        var (_, diagnostics) = Run(PostgresTable + statement);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 2, column), (error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData("ALTER TABLE a ADD CONSTRAINT u UNIQUE (name) DROP COLUMN z;")]
    [InlineData("ALTER TABLE a ADD PRIMARY KEY (id) ADD COLUMN w int;")]
    [InlineData("ALTER TABLE a ADD UNIQUE KEY u2 (name) ADD COLUMN w int;")]
    [InlineData("ALTER TABLE a ADD INDEX i (name) ADD COLUMN w int;")]
    [InlineData("ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES a (id) ADD COLUMN w int;")]
    [InlineData("ALTER TABLE a ORDER BY id DROP COLUMN z;")]
    public void MariaDb_AMissingComma_IsASyntaxError(string statement)
    {
        var (_, diagnostics) = Run(MySqlTable + statement, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 2), (error.Code, error.Line));
    }

    [Fact]
    public void Postgres_TheOptionsOfAKey_AndOfAForeignKey_AreStillRead()
    {
        var table = Clean(PostgresTable + """
            ALTER TABLE a ADD CONSTRAINT u UNIQUE (name) INCLUDE (id) WITH (fillfactor = 70) USING INDEX TABLESPACE pg_default DEFERRABLE INITIALLY DEFERRED, ADD COLUMN z int;
            ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (z) REFERENCES a (id) MATCH FULL ON DELETE SET NULL (z) ON UPDATE CASCADE NOT DEFERRABLE NOT VALID, ADD COLUMN w int;
            CREATE TABLE b (id int, CONSTRAINT pk PRIMARY KEY (id) WITH (fillfactor = 90), x int);
            """).FindTable(Pg("a"))!;

        Assert.Equal(["id", "name", "z", "w"], table.Columns.Select(c => c.Name));
        Assert.True(table.Keys.ContainsKey("u") && table.Keys.ContainsKey("f"));
    }

    [Fact]
    public void MariaDb_TheOptionsOfAnIndex_AndOfAForeignKey_AreStillRead()
    {
        var table = Clean(MySqlTable + """
            ALTER TABLE a ADD UNIQUE KEY u (name) USING BTREE COMMENT 'x', ADD COLUMN w int;
            ALTER TABLE a ADD INDEX i (w) KEY_BLOCK_SIZE = 8 IGNORED, ADD CONSTRAINT f FOREIGN KEY (z) REFERENCES a (id) ON DELETE SET NULL ON UPDATE CASCADE, ADD COLUMN v int;
            """, SqlDialect.MariaDb).FindTable(My("a"))!;

        Assert.Equal(["id", "name", "z", "w", "v"], table.Columns.Select(c => c.Name));
        Assert.True(table.Keys.ContainsKey("u") && table.Keys.ContainsKey("f"));
    }
}
