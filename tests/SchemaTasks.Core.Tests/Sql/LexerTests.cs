using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

public class LexerTests
{
    private static List<string> Texts(string sql, SqlDialect dialect = SqlDialect.Postgres)
    {
        var (tokens, _) = SqlLexer.Lex(sql, dialect);
        return tokens.Select(t => t.Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier ? "<" + SqlTokenText.Unquote(sql, t) + ">" : SqlTokenText.Raw(sql, t)).ToList();
    }

    [Fact]
    public void PostgresQuoting_IsDecoded()
    {
        Assert.Equal(
            ["<it's>", "<a\nb>", "<He said \"hi\">", "<body; 'x'>", "x", "::", "text", "$1"],
            Texts("'it''s' E'a\\nb' \"He said \"\"hi\"\"\" $f$body; 'x'$f$ x::text $1"));
    }

    [Fact]
    public void PostgresBackslash_IsLiteralInStandardStrings()
    {
        Assert.Equal(["<a\\>", "b"], Texts("'a\\' b"));
    }

    [Fact]
    public void MySqlQuoting_IsDecoded()
    {
        Assert.Equal(["<it's>", "<a\"b>", "<we`ird>", "-", "-", "1"], Texts("'it\\'s' \"a\\\"b\" `we``ird` --1", SqlDialect.MySql));
    }

    [Fact]
    public void TokenLines_AreFileLines()
    {
        var (tokens, _) = SqlLexer.Lex("a\r\n/* x\r\n y */ b\rc\n  d", SqlDialect.Postgres, firstLine: 10);
        Assert.Equal([(10, 1), (12, 7), (13, 1), (14, 3)], tokens.Select(t => (t.Line, t.Column)));
    }

    [Theory]
    [InlineData("SELECT 1;\n  'open", DiagnosticCodes.UnterminatedString, 2, 3)]
    [InlineData("x /* a /* b */", DiagnosticCodes.UnterminatedComment, 1, 3)]
    [InlineData("\n\n $tag$ body $tog$", DiagnosticCodes.UnterminatedDollarQuote, 3, 2)]
    [InlineData("select \"abc", DiagnosticCodes.UnterminatedQuotedIdentifier, 1, 8)]
    public void UnterminatedConstructs_AreReportedWhereTheyStart(string sql, string code, int line, int column)
    {
        var (_, diagnostics) = SqlLexer.Lex(sql, SqlDialect.Postgres);
        Assert.Equal((code, line, column), (diagnostics.Single().Code, diagnostics.Single().Line, diagnostics.Single().Column));
    }

    [Fact]
    public void RandomMutations_FinishInTime_ReportInsideTheText_AndRoundTripTheSnapshot()
    {
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scenarios", "3-plain-content-request-status", "001_content_requests.sql"))
                   + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scenarios", "2-golang-migrate-job-tracking", "000001_create_job_tracking.up.sql"));
        const string Alphabet = "'\"`$;()[],.:-/*#!\\ \nEeaZ0_";
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var chars = seed.ToCharArray();
            for (var m = 0; m < 1 + random.Next(6); m++)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars, 0, random.Next(chars.Length));
            foreach (var dialect in new[] { SqlDialect.Postgres, SqlDialect.MySql })
            {
                AssertWellBehaved(text, dialect, $"mutation {i} ({dialect})");
            }
        }
    }

    // A hang is a bug of its own: each input gets a generous limit, far above the few
    // milliseconds it takes, so only a loop that never ends trips it.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    private static void AssertWellBehaved(string text, SqlDialect dialect, string what)
    {
        var work = Task.Run(() => SchemaTasks.Schema.SchemaEngine.Apply(SchemaTasks.Schema.Catalog.Empty(dialect), text, "f.sql", firstLine: 3));
        Assert.True(work.Wait(HangLimit), $"{what} did not finish within {HangLimit.TotalSeconds} s:\n{text}");
        var (catalog, diagnostics) = work.Result;

        // Every finding points into the text it was given (which starts on line 3).
        var lastLine = 3 + text.Count(c => c == '\n');
        foreach (var diagnostic in diagnostics)
        {
            Assert.True(diagnostic.File == "f.sql" && diagnostic.Line >= 3 && diagnostic.Line <= lastLine && diagnostic.Column >= 1, $"{what}: {diagnostic} points outside the text");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"{what}: {diagnostic.Code} has no message");
        }

        // Whatever schema came out can be written and read back unchanged.
        var snapshot = new SchemaTasks.Snapshot.SchemaSnapshot(dialect, [], catalog);
        var json = SchemaTasks.Snapshot.SnapshotJson.Write(snapshot);
        Assert.Equal(json, SchemaTasks.Snapshot.SnapshotJson.Write(SchemaTasks.Snapshot.SnapshotJson.Read(json)));
    }
}
