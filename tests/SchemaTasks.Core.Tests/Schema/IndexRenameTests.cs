using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's <c>ALTER INDEX ... RENAME TO</c> renames the primary key, unique or exclusion
/// constraint the index belongs to. formbricks' Prisma history renames "Connector_pkey" to
/// "FeedbackSource_pkey" this way, and the snapshot kept the old name.
/// </summary>
public class IndexRenameTests
{
    [Theory]
    [InlineData("CREATE TABLE \"Connector\" (id text, CONSTRAINT \"Connector_pkey\" PRIMARY KEY (id));\nALTER TABLE \"Connector\" RENAME TO \"FeedbackSource\";\nALTER INDEX \"Connector_pkey\" RENAME TO \"FeedbackSource_pkey\";", "FeedbackSource_pkey")]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);\nALTER INDEX IF EXISTS public.t_a_key RENAME TO t_a_unique;", "t_a_unique")]
    [InlineData("CREATE TABLE t (r int);\nALTER TABLE t ADD CONSTRAINT t_r_excl EXCLUDE USING gist (r WITH =);\nALTER INDEX t_r_excl RENAME TO t_r_no_overlap;", "t_r_no_overlap")]
    public void RenamingAConstraintsIndex_RenamesTheConstraint(string sql, string expected)
    {
        var (catalog, diagnostics) = Run(sql);

        Assert.Empty(diagnostics);
        Assert.Equal([expected], catalog.Tables.Values.Single().OtherConstraints);
    }

    [Theory]
    [InlineData("ALTER INDEX t_a_idx RENAME TO t_a_index;")]
    [InlineData("ALTER INDEX t_a_fkey RENAME TO t_a_fk;")]
    [InlineData("ALTER INDEX other.t_pkey RENAME TO t_pk;")]
    [InlineData("ALTER INDEX t_pkey SET TABLESPACE fast;")]
    [InlineData("ALTER INDEX t_pkey RENAME TO t_a_fkey;")]
    public void AnyOtherIndexRename_ChangesNothing(string statement)
    {
        const string Table = "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT t_a_fkey REFERENCES p (id));\n";

        var (catalog, diagnostics) = Run(Table + statement);

        Assert.Empty(diagnostics);
        Assert.Equal(["t_a_fkey", "t_pkey"], catalog.Tables.Values.Single(t => t.Name.Name == "t").OtherConstraints);
    }

    [Theory]
    [InlineData("EXECUTE 'ALTER INDEX \"t_a_idx\" RENAME TO \"t_a_index\"';")]
    [InlineData("CREATE UNIQUE INDEX t_a_uq ON t (a);")]
    [InlineData("DROP INDEX t_a_idx;")]
    public void InABlockThatCannotBeDecided_IndexStatementsThatLeaveTheSchemaAlone_AreNoMatter(string statement)
    {
        // formbricks renames a plain index in a block guarded by a pg_indexes test.
        var sql = "CREATE TABLE t (id int PRIMARY KEY, a int);\nDO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 't_a_idx') THEN " + statement + " END IF; END $$;";

        var (catalog, diagnostics) = Run(sql);

        Assert.Empty(diagnostics);
        Assert.Equal(["t_pkey"], catalog.Tables.Values.Single().OtherConstraints);
    }

    [Fact]
    public void InABlockThatCannotBeDecided_RenamingAConstraintsIndex_IsReported()
    {
        var sql = "CREATE TABLE t (id int PRIMARY KEY, a int);\nDO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_stat_user_indexes WHERE indexrelname = 't_pkey') THEN EXECUTE 'ALTER INDEX t_pkey RENAME TO t_pk'; END IF; END $$;";

        var (_, diagnostics) = Run(sql);

        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void AKeptUniqueIndex_IsFoundUnderItsNewName()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE k (a int, b int);\nCREATE UNIQUE INDEX k_old ON k (a);\nALTER INDEX k_old RENAME TO k_new;\nALTER TABLE k ADD PRIMARY KEY USING INDEX k_new;");

        Assert.Empty(diagnostics);
        var table = catalog.Tables.Values.Single();
        Assert.Equal(["k_new"], table.OtherConstraints);
        Assert.Equal([false, true], table.Columns.Select(c => c.IsNullable));
    }
}
