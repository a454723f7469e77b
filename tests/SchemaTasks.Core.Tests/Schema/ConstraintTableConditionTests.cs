using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Idioms that guard DDL by a constraint's table (<c>conrelid = 't'::regclass</c>) and by an
/// extension (<c>pg_extension</c>), decided as PostgreSQL 15 decides them.
/// </summary>
public class ConstraintTableConditionTests
{
    private const string Tables = "CREATE TABLE u (id int PRIMARY KEY);\nCREATE TABLE t (x int);\nCREATE TABLE other (x int);";

    private static string AddForeignKeyUnless(string relation)
        => $"DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_x_fkey' AND conrelid = {relation}) THEN\n    ALTER TABLE t ADD CONSTRAINT t_x_fkey FOREIGN KEY (x) REFERENCES u(id);\n  END IF;\nEND $$;";

    [Theory]
    [InlineData("'t'::regclass")]
    [InlineData("'public.t'::regclass")]
    [InlineData("to_regclass('t')")]
    [InlineData("'t'::regclass::oid")]
    public void A_foreign_key_guarded_by_its_table_is_added_once(string relation)
    {
        var (catalog, diagnostics) = Run(Tables + "\n" + AddForeignKeyUnless(relation) + "\n" + AddForeignKeyUnless(relation));

        Assert.Empty(diagnostics);
        Assert.Contains("t_x_fkey", catalog.FindTable(Pg("t"))!.OtherConstraints);
    }

    [Fact]
    public void The_same_name_on_another_table_does_not_count()
    {
        var sql = Tables + "\nALTER TABLE other ADD CONSTRAINT t_x_fkey FOREIGN KEY (x) REFERENCES u(id);\n" + AddForeignKeyUnless("'t'::regclass");

        var (catalog, diagnostics) = Run(sql);

        Assert.Empty(diagnostics);
        Assert.Contains("t_x_fkey", catalog.FindTable(Pg("t"))!.OtherConstraints);
    }

    [Fact]
    public void A_regclass_of_a_missing_relation_fails_on_the_server_and_is_not_decided()
    {
        var (_, diagnostics) = Run(Tables + "\n" + AddForeignKeyUnless("'missing'::regclass"));

        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("CREATE EXTENSION btree_gin;", false)]
    public void An_extension_is_created_unless_the_migrations_created_it(string before, bool runs)
    {
        var sql = Tables + "\n" + before + "\nDO $$ BEGIN\n  IF (NOT EXISTS (select extname from pg_extension where extname='btree_gin')) THEN\n    CREATE EXTENSION btree_gin;\n    ALTER TABLE t ADD COLUMN ran int;\n  END IF;\nEND $$;";

        var (catalog, diagnostics) = Run(sql);

        Assert.Empty(diagnostics);
        Assert.Equal(runs, catalog.FindTable(Pg("t"))!.Columns.Any(c => c.Name == "ran"));
    }

    [Fact]
    public void Plpgsql_is_always_there()
    {
        var catalog = Clean(Tables + "\nDO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'plpgsql') THEN ALTER TABLE t ADD COLUMN ran int; END IF; END $$;");

        Assert.Contains(catalog.FindTable(Pg("t"))!.Columns, c => c.Name == "ran");
    }
}
