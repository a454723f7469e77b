using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// An IF whose condition cannot be decided, but whose branches, from that one to an ELSE, hold
/// the same statements written alike token for token (an ALTER TABLE run whether a view exists or
/// not, as marquez's V52 does): whichever runs, the block does the same, so the outcome is known.
/// Branches that differ in anything (a word's case, a RAISE, a loop or a nested block with
/// declarations or handlers are not compared), or an IF without ELSE, leave it undecided.
/// </summary>
internal static class PlpgsqlSameBranches
{
    /// <summary>Whether every branch after <paramref name="from"/> holds what it holds, and the last is an ELSE.</summary>
    public static bool AllAlikeFrom(EmbeddedSql sql, PlpgsqlIf conditional, PlpgsqlBranch from)
    {
        var branches = conditional.Branches;
        if (branches[^1].Condition is not null || ReferenceEquals(branches[^1], from) || from.Body.Count == 0) return false;
        var after = false;
        foreach (var branch in branches)
        {
            if (after && !Alike(sql, from.Body, branch.Body)) return false;
            after |= ReferenceEquals(branch, from);
        }

        return after;
    }

    private static bool Alike(EmbeddedSql sql, IReadOnlyList<PlpgsqlStatement> a, IReadOnlyList<PlpgsqlStatement> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!Alike(sql, a[i], b[i])) return false;
        }

        return true;
    }

    private static bool Alike(EmbeddedSql sql, PlpgsqlStatement a, PlpgsqlStatement b) => (a, b) switch
    {
        (PlpgsqlSql x, PlpgsqlSql y) => SameTokens(sql, x.Range, y.Range),
        (PlpgsqlQuiet x, PlpgsqlQuiet y) => SameTokens(sql, x.Range, y.Range),
        (PlpgsqlExecute x, PlpgsqlExecute y) => SameTokens(sql, x.Expression, y.Expression),
        (PlpgsqlReturn, PlpgsqlReturn) => true,
        (PlpgsqlIf x, PlpgsqlIf y) => x.Branches.Count == y.Branches.Count && x.Branches.Zip(y.Branches, (p, q) => SameCondition(sql, p.Condition, q.Condition) && Alike(sql, p.Body, q.Body)).All(same => same),
        (PlpgsqlBlock x, PlpgsqlBlock y) => x.Declarations.Count == 0 && y.Declarations.Count == 0 && x.Handlers.Count == 0 && y.Handlers.Count == 0 && Alike(sql, x.Body, y.Body),
        _ => false,
    };

    private static bool SameCondition(EmbeddedSql sql, SqlStatementRange? a, SqlStatementRange? b)
        => a is { } x ? b is { } y && SameTokens(sql, x, y) : b is null;

    private static bool SameTokens(EmbeddedSql sql, SqlStatementRange a, SqlStatementRange b)
    {
        if (a.End - a.Start != b.End - b.Start) return false;
        for (var i = 0; i < a.End - a.Start; i++)
        {
            var (x, y) = (sql.Tokens[a.Start + i], sql.Tokens[b.Start + i]);
            if (x.Kind != y.Kind || !sql.Text.AsSpan(x.Start, x.Length).SequenceEqual(sql.Text.AsSpan(y.Start, y.Length))) return false;
        }

        return true;
    }
}
