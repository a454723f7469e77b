using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The table columns a CHECK uses. A value set names its column; an opaque expression is read
/// again from its stored text, so a check from a snapshot or a live read answers the same way.
/// </summary>
internal static class CheckColumns
{
    public static List<string> Of(CatalogCheck check, CatalogTable table, IdentifierRules rules)
    {
        var used = new List<string>();
        if (check.Column is { } column)
        {
            if (table.FindColumn(column, rules.Dialect) is { } declared) used.Add(declared.Name);
            return used;
        }

        var tokens = new List<SqlToken>();
        if (SqlLexer.LexInto(check.Expression, rules.Dialect, tokens).Count > 0) return used;
        var text = check.Expression;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i + 1 < tokens.Count && SqlTokenText.IsSymbol(text, tokens[i + 1], '(')) continue; // A function.
            if (i > 0 && tokens[i - 1].Kind == SqlTokenKind.Symbol && text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length).SequenceEqual("::")) continue; // A cast's type.
            var name = token.Kind == SqlTokenKind.Word ? rules.FoldUnquoted(SqlTokenText.Raw(text, token)) : SqlTokenText.Unquote(text, token);
            if (table.FindColumn(name, rules.Dialect) is { } found && !used.Contains(found.Name, StringComparer.Ordinal)) used.Add(found.Name);
        }

        return used;
    }
}
