using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Existence tests on information_schema that real histories guard DDL with: a column's
/// nullability, whether a table has a primary key, and a constraint's row in
/// constraint_column_usage. Each is decided when the migrations tell, and left undecidable
/// (ST2020 when the guarded statements change the schema) when they do not.
/// </summary>
public class InformationSchemaConditionTests
{
    private static string Guarded(string condition, string then)
        => $"DO $$\nBEGIN\n  IF {condition} THEN\n    {then}\n  END IF;\nEND $$;";

    [Theory]
    [InlineData("a int", true)]
    [InlineData("a int NOT NULL", false)]
    public void Set_not_null_guarded_by_is_nullable_follows_the_column(string column, bool runs)
    {
        var catalog = Clean($"CREATE TABLE t ({column}, b int);\n" + Guarded(
            "EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'a' AND is_nullable = 'YES')",
            "ALTER TABLE t ADD COLUMN ran int;"));

        Assert.Equal(runs, catalog.FindTable(Pg("t"))!.Columns.Any(c => c.Name == "ran"));
    }

    [Theory]
    [InlineData("CREATE TABLE q (k int, v text);", true)]
    [InlineData("CREATE TABLE q (k int PRIMARY KEY, v text);", false)]
    [InlineData("CREATE TABLE q (k int, v text UNIQUE);", true)]
    public void A_primary_key_added_unless_the_table_has_one(string create, bool added)
    {
        var (catalog, diagnostics) = Run(create + "\n" + Guarded(
            "NOT EXISTS (SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 'q' AND constraint_type = 'PRIMARY KEY')",
            "ALTER TABLE q ADD COLUMN added int;"));

        Assert.Empty(diagnostics);
        Assert.Equal(added, catalog.FindTable(Pg("q"))!.Columns.Any(c => c.Name == "added"));
    }

    [Fact]
    public void Check_by_type_without_a_name_is_undecidable_as_not_null_columns_have_such_rows()
    {
        var (_, diagnostics) = Run("CREATE TABLE q (k int NOT NULL);\n" + Guarded(
            "NOT EXISTS (SELECT 1 FROM information_schema.table_constraints WHERE table_name = 'q' AND constraint_type = 'CHECK')",
            "ALTER TABLE q ADD COLUMN added int;"));

        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Constraint_column_usage_of_a_missing_constraint_is_false()
    {
        var catalog = Clean("CREATE TABLE refresh_tokens (id int PRIMARY KEY, token text, parent text);\n" + Guarded(
            "NOT EXISTS (SELECT * FROM information_schema.constraint_column_usage WHERE table_schema = 'public' AND table_name = 'refresh_tokens' AND constraint_name = 'refresh_tokens_token_unique')",
            "ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_token_unique UNIQUE (token);"));

        Assert.Contains("refresh_tokens_token_unique", catalog.FindTable(Pg("refresh_tokens"))!.OtherConstraints);
    }

    [Fact]
    public void Constraint_column_usage_of_an_existing_unique_constraint_is_true()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE r (id int PRIMARY KEY, token text CONSTRAINT r_token_unique UNIQUE);\n" + Guarded(
            "NOT EXISTS (SELECT * FROM information_schema.constraint_column_usage WHERE table_name = 'r' AND constraint_name = 'r_token_unique')",
            "ALTER TABLE r ADD COLUMN again int;"));

        Assert.Empty(diagnostics);
        Assert.DoesNotContain(catalog.FindTable(Pg("r"))!.Columns, c => c.Name == "again");
    }

    [Fact]
    public void Constraint_column_usage_of_an_existing_foreign_key_is_undecidable_its_rows_name_the_referenced_table()
    {
        var (_, diagnostics) = Run("CREATE TABLE s (id int PRIMARY KEY);\nCREATE TABLE r (id int, s_id int CONSTRAINT r_s_fkey REFERENCES s (id));\n" + Guarded(
            "NOT EXISTS (SELECT * FROM information_schema.constraint_column_usage WHERE table_name = 's' AND constraint_name = 'r_s_fkey')",
            "ALTER TABLE r ADD COLUMN again int;"));

        var undecidable = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, undecidable.Code);
    }

    [Theory]
    [InlineData("EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'q' AND numeric_precision = 32)", "the filter on numeric_precision")]
    [InlineData("EXISTS (SELECT 1 FROM information_schema.key_column_usage WHERE table_name = 'q')", "a test on information_schema.key_column_usage by table_name")]
    [InlineData("(SELECT count(*) FROM pg_class) > 3", "a test on pg_class by no filter")]
    [InlineData("(SELECT count(*) FROM pg_class WHERE relname = 'q') > 3", "a count of rows other than compared with 0")]
    public void Undecidable_names_the_part_it_cannot_decide(string condition, string named)
    {
        var (_, diagnostics) = Run("CREATE TABLE q (k int);\n" + Guarded(condition, "ALTER TABLE q ADD COLUMN added int;"));

        var undecidable = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, undecidable.Code);
        Assert.Contains($"SchemaTasks does not decide {named} (", undecidable.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE x (id int);", true)]
    [InlineData("", false)]
    public void A_scalar_select_of_a_registration_test_is_decided(string create, bool added)
    {
        var (catalog, diagnostics) = Run(create + "\nCREATE TABLE t (id int);\nDO $$ BEGIN IF (SELECT to_regclass('x') IS NOT NULL) THEN ALTER TABLE t ADD COLUMN y int; END IF; END $$;");
        Assert.Empty(diagnostics);
        Assert.Equal(added, catalog.FindTable(Pg("t"))!.FindColumn("y", SqlDialect.Postgres) is not null);
    }
}
