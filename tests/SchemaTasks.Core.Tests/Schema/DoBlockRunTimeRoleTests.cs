using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// DO blocks that set up roles and ownership with names read at run time (supabase storage's
/// tenant migrations): an EXECUTE whose only value known at run time is the new owner changes
/// ownership only, which the catalog does not track; statements about roles rename no relation;
/// and an IF decided by a run-time setting whose branch RETURNs leaves the rest of the block undecided.
/// </summary>
public class DoBlockRunTimeRoleTests
{
    private const string Objects = "CREATE SCHEMA storage;\nCREATE TABLE storage.objects (id int);\nCREATE SEQUENCE storage.seq;\nCREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE sql AS $f$ SELECT name $f$;\n";

    private static string Block(string statements)
        => "DO $$\nDECLARE\n    super_user text = COALESCE(current_setting('storage.super_user', true), 'supabase_storage_admin');\nBEGIN\n" + statements + "\nEND $$;\n";

    [Theory]
    [InlineData("EXECUTE 'ALTER table \"storage\".objects owner to ' || super_user;")]
    [InlineData("EXECUTE 'ALTER TABLE storage.objects OWNER TO ' || super_user || ';';")]
    [InlineData("EXECUTE format('ALTER TABLE storage.objects OWNER TO %I', super_user);")]
    [InlineData("EXECUTE format('ALTER TABLE %s OWNER TO %s', 'storage.objects', super_user);")]
    [InlineData("EXECUTE 'ALTER TABLE storage.objects OWNER TO ' || quote_ident(super_user::text);")]
    [InlineData("EXECUTE 'ALTER function \"storage\".filename(text) owner to ' || super_user;")]
    [InlineData("EXECUTE 'ALTER SEQUENCE storage.seq OWNER TO ' || super_user;")]
    [InlineData("EXECUTE 'ALTER SCHEMA storage OWNER TO ' || super_user;")]
    public void AnOwnerKnownOnlyAtRunTime_ChangesNothingTracked(string execute)
    {
        var (catalog, diagnostics) = Run(Objects + Block(execute) + "ALTER TABLE storage.objects ADD COLUMN name text;");
        Assert.Empty(diagnostics);
        Assert.Equal(["id", "name"], catalog.FindTable(new QualifiedName("storage", "objects"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void AnotherActionBesideTheOwner_IsApplied()
    {
        var (catalog, diagnostics) = Run(Objects + Block("EXECUTE 'ALTER TABLE storage.objects ADD COLUMN version text, OWNER TO ' || super_user;"));
        Assert.Empty(diagnostics);
        Assert.Equal(["id", "version"], catalog.FindTable(new QualifiedName("storage", "objects"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void AnActionOnAnObjectTheMigrationsLack_IsStillRefusedAsTheServerRefusesIt()
    {
        var (_, diagnostics) = Run(Objects + Block("EXECUTE 'ALTER TABLE storage.missing OWNER TO ' || super_user;"));
        Assert.Equal(DiagnosticCodes.TableNotFound, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("EXECUTE 'ALTER TABLE storage.objects ADD COLUMN ' || super_user || ' text';")] // The value names a column.
    [InlineData("EXECUTE 'ALTER TABLE ' || super_user || ' OWNER TO postgres';")] // The value names the table.
    [InlineData("EXECUTE 'ALTER TABLE storage.objects_' || super_user || ' OWNER TO postgres';")] // Part of the table's name.
    [InlineData("EXECUTE 'ALTER TABLE storage.objects OWNER TO ' || super_user || '; DROP TABLE storage.objects';")] // Another statement follows.
    [InlineData("EXECUTE 'ALTER TABLE storage.objects OWNER TO ' || upper(super_user);")] // Not a plain variable.
    [InlineData("EXECUTE 'ALTER TABLE storage.objects RENAME TO ' || super_user;")]
    public void AnyOtherValueKnownOnlyAtRunTime_IsStillUndecided(string execute)
    {
        var (catalog, diagnostics) = Run(Objects + Block(execute));
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
        Assert.Equal(["id"], catalog.FindTable(new QualifiedName("storage", "objects"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void RoleStatementsBuiltAtRunTime_LeaveLaterExistenceTestsDecidable()
    {
        var roles = Block("""
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = super_user) THEN
                    EXECUTE 'CREATE USER ' || super_user || ' NOINHERIT CREATEROLE LOGIN NOREPLICATION';
                END IF;
                EXECUTE 'GRANT ALL PRIVILEGES ON SCHEMA storage TO ' || super_user;
                EXECUTE 'alter default privileges in schema storage grant all on tables to postgres,' || super_user;
                EXECUTE 'ALTER ROLE ' || super_user || ' NOLOGIN';
            """);
        var typeGuard = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'buckettype') THEN CREATE TYPE storage.buckettype AS ENUM ('STANDARD'); END IF; END $$;";
        var (catalog, diagnostics) = Run(Objects + roles + typeGuard);
        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindEnumType(new QualifiedName("storage", "buckettype")));
    }

    [Fact]
    public void AReturnOnARunTimeSetting_LeavesTheTrackedStatementsAfterItUndecided()
    {
        var (catalog, diagnostics) = Run(Objects + """
            DO $$
            DECLARE
                is_multitenant bool = COALESCE(current_setting('storage.multitenant', true), 'false')::boolean;
            BEGIN
                IF is_multitenant THEN
                    RETURN;
                END IF;
                CREATE TABLE storage.iceberg_namespaces (id int);
            END $$;
            """);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UndecidableDoBlock, 9, 8), (finding.Code, finding.Line, finding.Column));
        Assert.Contains("run-time setting 'storage.multitenant'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ends the block with RETURN", finding.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(new QualifiedName("storage", "iceberg_namespaces")));
    }

    [Fact]
    public void AReturnOnARunTimeSetting_BeforeOnlyOwnershipAndGrants_IsDecided()
    {
        var (_, diagnostics) = Run(Objects + """
            DO $$
            DECLARE
                install_roles text = COALESCE(current_setting('storage.install_roles', true), 'true');
                super_user text = COALESCE(current_setting('storage.super_user', true), 'supabase_storage_admin');
            BEGIN
                IF install_roles != 'true' THEN
                    RETURN;
                END IF;
                EXECUTE 'GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA storage TO ' || super_user;
                EXECUTE 'ALTER table "storage".objects owner to ' || super_user;
                ALTER TABLE storage.objects OWNER TO CURRENT_USER;
            END $$;
            """);
        Assert.Empty(diagnostics);
    }
}
