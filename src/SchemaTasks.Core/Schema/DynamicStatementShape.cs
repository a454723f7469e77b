using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The statement a PL/pgSQL <c>EXECUTE</c> runs when its text is constant but for plain variables
/// whose values are known only when the migration runs (a role read from a setting, say): each
/// such value stands as one marker word, so the engine can tell where the values go. Only two
/// places are read: the new owner of <c>ALTER ... OWNER TO</c>, which the catalog does not track,
/// so the statement runs the same whoever the owner is (<see cref="OwnerOnly"/>); and the role or
/// database of <c>ALTER ROLE | USER | DATABASE ... SET | RESET search_path</c>, which gives the path
/// to sessions that start later and leaves the running one alone (<see cref="LaterSessionsPath"/>).
/// </summary>
/// <remarks>
/// A value joined in with <c>||</c> or <c>%s</c> is read as one name: a variable that holds a role
/// holds a role name. A value quoted with <c>%I</c> or <c>quote_ident</c> is one name whatever it holds.
/// </remarks>
internal sealed class DynamicStatementShape
{
    /// <summary>The word that stands for a value known only at run time; no migration writes it.</summary>
    public const string Marker = "schematasks_run_time_value";

    private DynamicStatementShape(EmbeddedSql sql, List<int> holes)
    {
        Sql = sql;
        Holes = holes;
    }

    /// <summary>The statement text with <see cref="Marker"/> for each value, located in the file.</summary>
    public EmbeddedSql Sql { get; }

    /// <summary>The indexes of the tokens of <see cref="Sql"/> that are values known only at run time.</summary>
    public List<int> Holes { get; }

    /// <summary>
    /// Reads the expression of an <c>EXECUTE</c>; <see langword="null"/> when a part of it is not
    /// constant and not a plain variable, or when a value lands inside a word, a string or a
    /// comment (then it is part of something else than a name).
    /// </summary>
    /// <param name="source">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="expression">The EXECUTE's expression.</param>
    /// <param name="bound">Variables whose value is known.</param>
    public static DynamicStatementShape? Read(string source, List<SqlToken> tokens, SqlStatementRange expression, IReadOnlyDictionary<string, string>? bound)
    {
        var text = PlpgsqlConstantText.EvaluateShape(source, tokens, expression, bound, Marker);
        if (text.Value is not { } value) return null;
        var lexed = value.Lex([]);
        var holes = new List<int>();
        for (var i = 0; i < lexed.Tokens.Count; i++)
        {
            var token = lexed.Tokens[i];
            if ((token.Kind == SqlTokenKind.Word && SqlTokenText.Raw(lexed.Text, token) == Marker)
                || (token.Kind == SqlTokenKind.QuotedIdentifier && SqlTokenText.Unquote(lexed.Text, token) == Marker))
            {
                holes.Add(i);
            }
        }

        if (holes.Count == 0 || Occurrences(lexed.Text) != holes.Count) return null;
        return new DynamicStatementShape(lexed, holes);
    }

    /// <summary>
    /// Whether the one value is the new owner that ends <c>ALTER ... OWNER TO</c>, the statement's
    /// only one: then what it does to the catalog does not depend on the value.
    /// </summary>
    public bool OwnerOnly
    {
        get
        {
            var tokens = Sql.Tokens;
            var last = tokens.Count - 1;
            if (last >= 0 && tokens[last].Kind == SqlTokenKind.Semicolon) last--;
            return Holes.Count == 1 && Holes[0] == last && last >= 3
                   && SqlTokenText.IsWord(Sql.Text, tokens[0], "ALTER")
                   && SqlTokenText.IsWord(Sql.Text, tokens[last - 1], "TO")
                   && SqlTokenText.IsWord(Sql.Text, tokens[last - 2], "OWNER")
                   && !tokens.Take(last).Any(t => t.Kind == SqlTokenKind.Semicolon);
        }
    }

    /// <summary>
    /// Whether the statement is <c>ALTER ROLE | USER | DATABASE ... SET | RESET search_path</c> with
    /// every value before the SET or RESET (the role or database, not the path), the only statement.
    /// </summary>
    public bool LaterSessionsPath => SetsPathForLaterSessions(Sql.Text, Sql.Tokens, 0, Sql.Tokens.Count, out var setAt) && Holes.All(h => h < setAt);

    /// <summary>
    /// Whether tokens <c>[start, end)</c> are one <c>ALTER ROLE | USER | DATABASE ... SET | RESET
    /// search_path</c> statement (a trailing semicolon aside); <paramref name="setAt"/> is the SET or RESET.
    /// </summary>
    public static bool SetsPathForLaterSessions(string sql, List<SqlToken> tokens, int start, int end, out int setAt)
    {
        setAt = -1;
        if (end > start && tokens[end - 1].Kind == SqlTokenKind.Semicolon) end--;
        if (end - start < 4 || !SqlTokenText.IsWord(sql, tokens[start], "ALTER")) return false;
        var kind = tokens[start + 1];
        if (!(SqlTokenText.IsWord(sql, kind, "ROLE") || SqlTokenText.IsWord(sql, kind, "USER") || SqlTokenText.IsWord(sql, kind, "DATABASE"))) return false;
        for (var i = start + 2; i < end; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Semicolon) return false;
            if (setAt < 0 && (SqlTokenText.IsWord(sql, tokens[i], "SET") || SqlTokenText.IsWord(sql, tokens[i], "RESET"))) setAt = i;
        }

        return setAt > 0 && setAt + 1 < end && SqlTokenText.IsWord(sql, tokens[setAt + 1], "search_path");
    }

    private static int Occurrences(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + Marker.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
