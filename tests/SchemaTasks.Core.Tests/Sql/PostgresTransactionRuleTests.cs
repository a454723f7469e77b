using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

public class PostgresTransactionRuleTests
{
    [Theory]
    [InlineData("CREATE TABLE a (id int);\nCREATE INDEX a_idx ON a (id);")]
    [InlineData("ALTER TYPE s ADD VALUE 'done';\nALTER TABLE a ADD COLUMN note text;")]
    [InlineData("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT 'VACUUM';")]
    [InlineData("-- schematasks:transaction\nCREATE INDEX CONCURRENTLY a_idx ON a (id);")]
    [InlineData("CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\nDO $$ BEGIN PERFORM 1; END $$;")]
    public void RunsInATransaction(string sql) =>
        Assert.True(Decide(sql).InTransaction);

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY a_idx ON a (id);", "CREATE INDEX CONCURRENTLY on line 1")]
    [InlineData("CREATE TABLE a (id int);\ncreate unique index\n  concurrently a_idx on a (id);", "CREATE UNIQUE INDEX CONCURRENTLY on line 2")]
    [InlineData("DROP INDEX CONCURRENTLY a_idx;", "DROP INDEX CONCURRENTLY on line 1")]
    [InlineData("REINDEX INDEX CONCURRENTLY a_idx;", "REINDEX INDEX CONCURRENTLY on line 1")]
    [InlineData("VACUUM ANALYZE a;", "VACUUM on line 1")]
    [InlineData("ALTER SYSTEM SET work_mem = '64MB';", "ALTER SYSTEM on line 1")]
    [InlineData("CREATE DATABASE reports;", "CREATE DATABASE on line 1")]
    [InlineData("ALTER TYPE s ADD VALUE IF NOT EXISTS 'done' AFTER 'queued';\nUPDATE job SET status = 'done';", "'done' added on line 1 is used on line 2")]
    [InlineData("CREATE TABLE a (id int);\n  -- SchemaTasks:no-transaction  \n", "marked '-- schematasks:no-transaction'")]
    [InlineData("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;", "controls its own transaction (BEGIN on line 1)")]
    [InlineData("CREATE TABLE a (id int);\nSTART TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nend;", "(START TRANSACTION ISOLATION LEVEL SERIALIZABLE on line 2)")]
    public void RunsStatementByStatement_SayingWhy(string sql, string reason)
    {
        var decision = Decide(sql);

        Assert.False(decision.InTransaction);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-- schematasks:no-transaction\nALTER TYPE s ADD VALUE 'done';", true)]
    [InlineData("-- a note -- and another\n--\tSchemaTasks:No-Transaction\r\nSELECT 1;", true)]
    [InlineData("SELECT 1; -- x\n   --schematasks:no-transaction", true)]
    [InlineData("-- schematasks:transaction\nSELECT 1;", false)]
    [InlineData("SELECT 'schematasks:no-transaction';", false)]
    [InlineData("-- schematasks:no-transaction please\nSELECT 1;", false)]
    [InlineData("SELECT 1; --", false)]
    [InlineData("SELECT 1; -- schematasks:", false)]
    public void IsMarkedNoTransaction_OnlyByTheMarkerLine(string sql, bool marked) =>
        Assert.Equal(marked, PostgresTransactionRule.IsMarkedNoTransaction(sql));

    private static TransactionDecision Decide(string sql) =>
        PostgresTransactionRule.Decide(sql, SqlScript.Split(sql, SqlDialect.Postgres));
}
