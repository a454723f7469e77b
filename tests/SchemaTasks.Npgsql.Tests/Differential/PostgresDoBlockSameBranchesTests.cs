using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks decided from information_schema.views (marquez's V52 retypes a column around a view
/// when it exists), and IFs whose branches are written alike, decided whatever the condition.
/// </summary>
public sealed class PostgresDoBlockSameBranchesTests
{
    private const string RetypeAroundView = """
        DO $$
        DECLARE v_exists boolean;
        BEGIN
          SELECT EXISTS (SELECT * FROM information_schema.views WHERE table_schema = 'public' AND table_name = 'links_view') INTO v_exists;
          IF v_exists THEN
            DROP VIEW links_view;
            ALTER TABLE links ALTER COLUMN name TYPE text;
            CREATE VIEW links_view AS SELECT id, name FROM links;
          ELSE
            ALTER TABLE links ALTER COLUMN name TYPE text;
          END IF;
        END $$;
        """;

    [PostgresTheory]
    [InlineData("the view is not there", "CREATE TABLE links (id int PRIMARY KEY, name varchar(64));\n" + RetypeAroundView)]
    [InlineData("the view is there", "CREATE TABLE links (id int PRIMARY KEY, name varchar(64));\nCREATE VIEW links_view AS SELECT id, name FROM links;\n" + RetypeAroundView)]
    [InlineData("a materialized view of the name, which information_schema.views does not list", "CREATE TABLE links (id int PRIMARY KEY, name varchar(64));\nCREATE MATERIALIZED VIEW links_view AS SELECT id FROM links;\n" + RetypeAroundView)]
    [InlineData("branches written alike", """
        CREATE TABLE links (id int PRIMARY KEY, name varchar(64));
        INSERT INTO links VALUES (1, 'a');
        DO $$
        BEGIN
          IF (SELECT count(*) FROM links) > 10 THEN
            ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x';
          ELSIF (SELECT count(*) FROM links) > 5 THEN
            ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x';
          ELSE
            ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x';
          END IF;
        END $$;
        """)]
    public Task Do_blocks_build_the_servers_schema(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
