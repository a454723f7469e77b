using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// An INSERT, UPDATE or DELETE keeps its tokens only when the table its head names is one the
/// engine wants (<see cref="IDataStatementTargets"/>), or when a relation it reads besides (FROM,
/// USING, a join) is, read the same way while lexing and from a migration prepared ahead; the
/// tables asked about are those the heads name, then those the statements not kept read.
/// </summary>
public sealed class DataStatementHeadTests
{
    private const string Sql = """
        INSERT INTO kept VALUES (1, 'a');
        INSERT INTO other VALUES (1, 'a');
        UPDATE ONLY s.kept SET c = 'a';
        UPDATE s.other SET c = 'a';
        DELETE FROM ONLY "Kept" WHERE c = 'a';
        DELETE FROM other WHERE c = 'a';
        UPDATE other SET c = 1, d = x FROM (SELECT 1 FROM y) z, kept WHERE kept.c = 'a';
        DELETE FROM other USING x WHERE x.c = 'a';
        INSERT INTO other VALUES (1, kept), (2, x);
        INSERT other VALUES (1);
        GRANT SELECT ON other TO r;
        UPDATE kept
        """;

    [Fact]
    public void Only_statements_on_a_wanted_table_keep_their_tokens_read_or_prepared()
    {
        var lexed = Statements(new SqlStatementReader(Sql, SqlDialect.Postgres, 1, []), out var asked);
        var prepared = new PreparedMigration();
        prepared.Prepare(new Migration("1_step", "1", "step", "1_step.sql", "checksum", Sql), SqlDialect.Postgres, flywayDelimiters: false);
        var replayed = Statements(prepared.Replay([], []), out var askedReplaying);

        Assert.Equal([9, 0, 9, 0, 8, 0, 26, 0, 0, 6, 0, 2], lexed); // A head written otherwise, or cut short, keeps them; so does a wanted table read besides.
        Assert.Equal(lexed, replayed);
        Assert.Equal(["kept", "other", "s.kept", "s.other", "Kept", "other", "other", "y", "kept", "other", "x", "other"], asked); // A comma outside a FROM or USING list names no relation.
        Assert.Equal(asked, askedReplaying);
    }

    // How many tokens each statement keeps.
    private static List<int> Statements(ISqlStatementSource source, out List<string> asked)
    {
        var targets = new Targets();
        source.DataTargets = targets;
        var counts = new List<int>();
        while (source.Read()) counts.Add(source.Tokens.Count);
        asked = targets.Asked;
        return counts;
    }

    private sealed class Targets : IDataStatementTargets
    {
        public List<string> Asked { get; } = [];

        public bool KeepsStatementOn(string sql, SqlToken? schema, SqlToken table)
        {
            var rules = IdentifierRules.For(SqlDialect.Postgres);
            var name = (schema is { } qualifier ? rules.Name(sql, qualifier) + "." : string.Empty) + rules.Name(sql, table);
            Asked.Add(name);
            return name.EndsWith("kept", StringComparison.OrdinalIgnoreCase);
        }
    }
}
