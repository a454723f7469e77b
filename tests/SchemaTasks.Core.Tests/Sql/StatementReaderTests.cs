using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// The streaming reader ends statements exactly where the list-based splitter did, reports
/// the same problems, and stores tokens only for statements the parser reads.
/// </summary>
public sealed class StatementReaderTests
{
    private const string Alphabet = "'\"`$;()[],.:-/*#!\\ \nEeaZ0_";

    private static readonly string[] Words = [" BEGIN ", " END ", " CASE ", " ATOMIC ", " IF ", " LOOP ", "\nDELIMITER $$\n", "\nDELIMITER ;\n", " PROCEDURE ", " TRIGGER ", " CREATE ", " ALTER ", "$$", "/*", "*/", "--", "#"];

    private const string Seed = """
        CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; CASE WHEN 1 THEN 2 END; END;
        DO $$ BEGIN RAISE NOTICE 'a;b'; END $$; INSERT INTO t VALUES (1, 'x;y');
        CREATE TABLE t1 (id int PRIMARY KEY, s text CHECK (s IN ('a', 'b')));
        DELIMITER $$
        CREATE PROCEDURE p() BEGIN DECLARE x INT; CASE x WHEN 1 THEN SET x = 2; END CASE; IF x THEN SET x = 1; END IF; LOOP LEAVE; END LOOP; END$$
        DELIMITER ;
        CREATE TRIGGER tr BEFORE INSERT ON t1 FOR EACH ROW BEGIN SET NEW.s = 'a'; BEGIN END; END;
        /*!40101 SET NAMES utf8mb4 */; UPDATE t SET a = 1; RENAME TABLE a TO b;
        """;

    [Theory]
    [InlineData(SqlDialect.Postgres)]
    [InlineData(SqlDialect.MySql)]
    public void Statements_MatchTheListSplitter_OnMutatedText(SqlDialect dialect)
    {
        var random = new Random(777);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(Seed);
            for (var m = 0; m < random.Next(8); m++)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0) text.Insert(at, Words[random.Next(Words.Length)]);
                else text[at] = Alphabet[random.Next(Alphabet.Length)];
            }

            AssertSameStatements(text.ToString(0, random.Next(text.Length + 1)), dialect);
        }
    }

    [Fact]
    public void OnlyStatementsTheParserReads_KeepTheirTokens()
    {
        const string Sql = "INSERT INTO t VALUES (1, 2, 3); create table t (a int); DO $$ x $$; Alter TYPE x ADD VALUE 'y'; drop table t; GRANT ALL ON t TO u";
        var reader = new SqlStatementReader(Sql, SqlDialect.Postgres, 1, []);
        var seen = new List<(bool Tracked, int Stored, int Count)>();
        while (reader.Read()) seen.Add((reader.IsTracked, reader.Tokens.Count, reader.Count));

        Assert.Equal([(false, 0, 11), (true, 7, 7), (true, 2, 2), (true, 6, 6), (true, 3, 3), (false, 0, 6)], seen);
    }

    private static void AssertSameStatements(string text, SqlDialect dialect)
    {
        var (tokens, expectedDiagnostics) = SqlLexer.Lex(text, dialect, 5, dialect == SqlDialect.Postgres ? new PsqlScript() : null); // The reader reads a migration as psql runs it.
        var expected = ReferenceSplitter.Split(text, tokens, dialect, expectedDiagnostics)
            .Select(r => (First: tokens[r.Start], Last: tokens[r.End - 1], Count: r.End - r.Start))
            .ToList();

        var diagnostics = new List<SqlLexDiagnostic>();
        var reader = new SqlStatementReader(text, dialect, 5, diagnostics);
        var actual = new List<(SqlToken First, SqlToken Last, int Count)>();
        while (reader.Read())
        {
            if (reader.IsTracked)
            {
                Assert.Equal(reader.Count, reader.Tokens.Count);
                Assert.Equal(reader.Last, reader.Tokens[^1]);
            }

            actual.Add((reader.IsTracked ? reader.Tokens[0] : expected.ElementAtOrDefault(actual.Count).First, reader.Last, reader.Count));
        }

        Assert.Equal(expected, actual);

        // Only the reader, which lexes a migration's own text, reports PostgreSQL backticks and a '#' starting a statement.
        Assert.Equal(expectedDiagnostics, diagnostics.Where(d => d.Kind != SqlLexDiagnosticKind.PostgresBacktick && d.Code != DiagnosticCodes.SyntaxError));
    }
}
