using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Scratch tables made from a query (SELECT ... INTO, CREATE TABLE ... AS of a query whose
/// columns the engine cannot know), filled, read and dropped: no finding, and the engine's catalog
/// agrees with the server's.
/// </summary>
public sealed class PostgresScratchTableTests
{
    public static TheoryData<string, string> Histories() => new()
    {
        {
            "SELECT DISTINCT ... INTO a scratch table, rows put back, the table dropped",
            """
            CREATE TABLE a (x int, y int);
            INSERT INTO a VALUES (1, 1), (1, 1), (2, 3);
            SELECT DISTINCT x, y INTO a_tmp FROM a;
            DELETE FROM a;
            INSERT INTO a (x, y) SELECT x, y FROM a_tmp;
            DROP TABLE a_tmp;
            ALTER TABLE a ADD PRIMARY KEY (x, y);
            """
        },
        {
            "CREATE TABLE ... AS a join, renamed, dropped, and its name taken again",
            """
            CREATE TABLE a (x int, y text);
            CREATE TABLE copy AS SELECT a.x, b.y FROM a JOIN a AS b ON b.x = a.x;
            UPDATE copy SET y = 'z';
            ALTER TABLE copy RENAME TO copy2;
            DROP TABLE copy2;
            CREATE TABLE copy2 (k int);
            """
        },
    };

    [PostgresTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_builds_what_the_server_builds(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
