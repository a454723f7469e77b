using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>DROP COLUMN takes the constraints that use the column with it, by each server's rules.</summary>
public class DropColumnDependentsTests
{
    [Fact]
    public void Postgres_DropColumn_DropsKeysForeignKeysAndChecksThatUseIt()
    {
        var catalog = Clean("""
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (
              id int PRIMARY KEY,
              a int, b int, parent_id int REFERENCES parent (id),
              CONSTRAINT child_a_b_key UNIQUE (a, b),
              CONSTRAINT child_a_or_b CHECK (a IS NOT NULL OR b IS NOT NULL),
              CONSTRAINT child_a_positive CHECK (a > 0)
            );
            ALTER TABLE child DROP COLUMN b, DROP COLUMN parent_id;
            """);
        var table = catalog.FindTable(Pg("child"))!;
        Assert.Equal(["child_pkey"], table.OtherConstraints.ToArray());
        Assert.Equal(["child_a_positive"], table.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Postgres_DropColumn_DropsMultiColumnValueSetCheck()
    {
        var catalog = Clean("""
            CREATE TABLE t (id int, status text CONSTRAINT t_status_check CHECK (status IN ('a', 'b')), kind text,
              CONSTRAINT t_kind_status CHECK (kind IN ('x', 'y') OR status = 'a'),
              CONSTRAINT t_kind_only CHECK (kind IN ('x', 'y')));
            ALTER TABLE t DROP COLUMN status;
            """);
        Assert.Equal(["t_kind_only"], catalog.FindTable(Pg("t"))!.Checks.Select(c => c.Name));
        Assert.Equal(["x", "y"], catalog.GetAllowedValues(Pg("t"), "kind")!.Values.ToArray());
    }

    [Fact]
    public void Postgres_DropColumn_FreesTheConstraintNameForReuse()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, CONSTRAINT t_uq UNIQUE (a, b));
            ALTER TABLE t DROP COLUMN b;
            ALTER TABLE t ADD CONSTRAINT t_uq UNIQUE (a);
            """);
        Assert.Equal(["t_uq"], catalog.FindTable(Pg("t"))!.OtherConstraints.ToArray());
    }

    [Fact]
    public void Postgres_DropColumn_FollowsRenamedColumnsAndConstraints()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, "Quoted" int, UNIQUE (a, b), CONSTRAINT ex EXCLUDE USING gist ("Quoted" WITH =));
            ALTER TABLE t RENAME COLUMN b TO c;
            ALTER TABLE t RENAME CONSTRAINT t_a_b_key TO t_pair;
            ALTER TABLE t DROP COLUMN c, DROP COLUMN "Quoted";
            """);
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Empty(table.OtherConstraints);
    }

    [Fact]
    public void RenamedColumn_IsRenamedInOpaqueChecks_SoDropColumnStillFindsThem()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, CONSTRAINT t_ab CHECK (a > b AND length(a::text) > 0));
            ALTER TABLE t RENAME COLUMN a TO "New A";
            """);
        Assert.Equal("\"New A\" > b and length(\"New A\"::text) > 0", Assert.Single(catalog.FindTable(Pg("t"))!.Checks).Expression);
        var (dropped, diagnostics) = SchemaEngine.Apply(catalog, "ALTER TABLE t DROP COLUMN \"New A\";");
        Assert.Empty(diagnostics);
        Assert.Empty(dropped.FindTable(Pg("t"))!.Checks);
    }

    [Fact]
    public void MariaDb_ChangeColumn_IsFollowedByKeysAndChecks()
    {
        // MariaDB renames the column inside its keys and CHECKs; MySQL 8 refuses the rename
        // of a column a CHECK uses (error 3959, ST3020).
        var catalog = Clean("""
            CREATE TABLE t (id int, a int, b int, CONSTRAINT ck CHECK (a > 0), CONSTRAINT uq UNIQUE (a));
            ALTER TABLE t CHANGE a renamed int;
            ALTER TABLE t DROP COLUMN renamed;
            """, SqlDialect.MariaDb);
        var table = catalog.FindTable(My("t"))!;
        Assert.Empty(table.Checks);
        Assert.Empty(table.OtherConstraints);
    }

    [Fact]
    public void Postgres_DropColumn_KeepsConstraintsOnOtherColumns()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int PRIMARY KEY, b int, bb int UNIQUE, CHECK (bb > a));
            ALTER TABLE t DROP COLUMN b;
            """);
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal(["t_bb_key", "t_pkey"], table.OtherConstraints.ToArray());
        Assert.Single(table.Checks);
    }

    [Fact]
    public void MySql_DropColumn_DropsChecksWhoseColumnsAllGoAndKeysLeftEmpty()
    {
        var catalog = Clean("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE c (id int PRIMARY KEY, a int, status varchar(10), pid int, CONSTRAINT c_status CHECK (status IN ('a', 'b')), CONSTRAINT c_a_status CHECK (a > 0 OR status = 'a'), CONSTRAINT c_pid_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT c_a_uq UNIQUE (a));
            ALTER TABLE c DROP FOREIGN KEY c_pid_fk;
            ALTER TABLE c DROP COLUMN status, DROP COLUMN a;
            """, SqlDialect.MySql);
        var table = catalog.FindTable(My("c"))!;
        Assert.Empty(table.Checks);
        Assert.Equal(["PRIMARY"], table.OtherConstraints.ToArray());
    }

    [Fact]
    public void MySql_DropColumn_UsedByCheckOnAnotherColumn_IsAnError()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE e (id int, a int, b int, CONSTRAINT ck CHECK (a > 0 OR b > 0));
            ALTER TABLE e DROP COLUMN a;
            """, SqlDialect.MySql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MySqlCheckUsesColumn, 2), (error.Code, error.Line));
        Assert.Contains("Check constraint 'ck' uses column 'a'", error.Message, StringComparison.Ordinal);
        Assert.Single(catalog.FindTable(My("e"))!.Checks);
    }

    [Fact]
    public void MySql_DropColumn_UsedByForeignKey_IsAnError()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE c (id int PRIMARY KEY, pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id));
            ALTER TABLE c DROP COLUMN pid;
            """, SqlDialect.MySql);
        Assert.Equal(DiagnosticCodes.DropColumnNeededByForeignKey, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void MySql_DropColumn_ShrinksMultiColumnKeyWithWarning()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE h (id int, a int, b int, CONSTRAINT u_ab UNIQUE (a, b));
            ALTER TABLE h DROP COLUMN b;
            ALTER TABLE h DROP COLUMN a;
            """, SqlDialect.MySql);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DropColumnShrinksKey, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Empty(catalog.FindTable(My("h"))!.OtherConstraints);
    }

    [Fact]
    public void MySql_DropAllColumnsOfAKeyTogether_DropsItWithoutWarning()
    {
        var catalog = Clean("""
            CREATE TABLE h (id int, a int, b int, CONSTRAINT u_ab UNIQUE KEY (a, b), c int UNIQUE);
            ALTER TABLE h DROP COLUMN a, DROP COLUMN b, DROP COLUMN c;
            """, SqlDialect.MySql);
        Assert.Empty(catalog.FindTable(My("h"))!.OtherConstraints);
    }
}
