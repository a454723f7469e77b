using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// nextval defaults follow their sequence: ALTER SEQUENCE (or ALTER TABLE) RENAME TO renames it
/// in the default, DROP SEQUENCE without CASCADE is refused while a default uses it, and CASCADE
/// drops the default.
/// </summary>
public class SequenceDefaultsTests
{
    private static string? Default(Catalog catalog, QualifiedName table, string column)
        => catalog.FindTable(table)!.FindColumn(column, SqlDialect.Postgres)!.Default;

    [Fact]
    public void AlterSequenceRename_RenamesItInTheDefault()
    {
        // Seen in fider's migrations, which rename a table and then its sequence.
        var catalog = Clean("""
            CREATE TABLE a (id serial PRIMARY KEY);
            ALTER TABLE a RENAME TO b;
            ALTER SEQUENCE a_id_seq RENAME TO b_id_seq;
            """);
        Assert.Equal("nextval('b_id_seq'::regclass)", Default(catalog, Pg("b"), "id"));
    }

    [Fact]
    public void ARenamedSequence_StaysInItsSchema()
    {
        var catalog = Clean("""
            CREATE SCHEMA s;
            CREATE TABLE s.a (id serial);
            ALTER SEQUENCE s.a_id_seq RENAME TO "Ids";
            """);
        Assert.Equal("nextval('s.\"Ids\"'::regclass)", Default(catalog, new QualifiedName("s", "a"), "id"));
    }

    [Fact]
    public void AlterTableRename_OfAKnownSequence_RenamesIt_AndAnUnknownNameIsStillMissing()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE a (id serial PRIMARY KEY);
            ALTER TABLE a_id_seq RENAME TO b_seq;
            ALTER TABLE b_seq OWNER TO someone;
            ALTER TABLE nothing_seq RENAME TO c_seq;
            """);
        Assert.Equal(DiagnosticCodes.TableNotFound, Assert.Single(diagnostics).Code);
        Assert.Equal(4, Assert.Single(diagnostics).Line);
        Assert.Equal("nextval('b_seq'::regclass)", Default(catalog, Pg("a"), "id"));
    }

    [Fact]
    public void DropSequence_IsRefusedWhileADefaultUsesIt_AndCascadeDropsTheDefault()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE a (id serial PRIMARY KEY);
            DROP SEQUENCE a_id_seq;
            DROP SEQUENCE IF EXISTS not_known, other_unknown;
            """);
        Assert.Equal(DiagnosticCodes.SequenceInUse, Assert.Single(diagnostics).Code);
        Assert.Equal("nextval('a_id_seq'::regclass)", Default(catalog, Pg("a"), "id"));

        catalog = Clean("""
            CREATE TABLE a (id serial PRIMARY KEY);
            DROP SEQUENCE a_id_seq CASCADE;
            """);
        Assert.Null(Default(catalog, Pg("a"), "id"));
    }

    [Fact]
    public void MovingAKnownSequenceToAnotherSchema_CannotBeFollowed()
    {
        // The server refuses it for an owned sequence and allows it for any other.
        var (catalog, diagnostics) = Run("""
            CREATE SCHEMA other;
            CREATE TABLE a (id serial PRIMARY KEY);
            ALTER SEQUENCE a_id_seq SET SCHEMA other;
            ALTER SEQUENCE unknown_seq SET SCHEMA other;
            """);
        Assert.Equal(DiagnosticCodes.UnsupportedStatement, Assert.Single(diagnostics).Code);
        Assert.Equal("nextval('a_id_seq'::regclass)", Default(catalog, Pg("a"), "id"));
    }

    [Fact]
    public void NextvalOfAName_IsStoredAsARegclass()
    {
        var catalog = Clean("""
            CREATE TABLE a (n bigint DEFAULT nextval('public.Counter'), m bigint DEFAULT nextval('"Mixed"'), o bigint DEFAULT nextval('x'::text));
            """);
        Assert.Equal("nextval('counter'::regclass)", Default(catalog, Pg("a"), "n"));
        Assert.Equal("nextval('\"Mixed\"'::regclass)", Default(catalog, Pg("a"), "m"));
        Assert.Equal("nextval('x'::text)", Default(catalog, Pg("a"), "o"));
    }
}
