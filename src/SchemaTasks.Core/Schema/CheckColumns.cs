using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The table columns a CHECK uses: the one place DROP and RENAME COLUMN ask. A value set names
/// its column; an opaque expression has the names the parser found in it, and a check read from a
/// snapshot, which does not carry them, is read again from its stored text.
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

        if (!check.Identifiers.IsDefault)
        {
            foreach (var name in check.Identifiers) Add(name);
        }
        else
        {
            foreach (var (name, _, _) in ColumnTokens(check.Expression, rules)) Add(name);
        }

        return used;

        void Add(string name)
        {
            if (table.FindColumn(name, rules.Dialect) is { } found && !used.Contains(found.Name, StringComparer.Ordinal)) used.Add(found.Name);
        }
    }

    /// <summary>The columns of <paramref name="table"/> an expression's text names: a column DEFAULT's, read as a CHECK's is.</summary>
    public static IEnumerable<string> OfExpression(string text, CatalogTable table, IdentifierRules rules)
    {
        foreach (var (name, _, _) in ColumnTokens(text, rules))
        {
            if (table.FindColumn(name, rules.Dialect) is { } found) yield return found.Name;
        }
    }

    /// <summary>Whether <paramref name="check"/> uses column <paramref name="column"/> of <paramref name="table"/>.</summary>
    public static bool Uses(CatalogCheck check, CatalogTable table, string column, IdentifierRules rules)
        => Of(check, table, rules).Exists(u => string.Equals(u, column, rules.ColumnComparison));

    /// <summary>
    /// An opaque CHECK with column <paramref name="from"/> renamed to <paramref name="to"/> in its
    /// text, as the server shows it after RENAME COLUMN, so that a later DROP COLUMN still finds it.
    /// </summary>
    public static CatalogCheck RenameColumn(CatalogCheck check, string from, string to, IdentifierRules rules)
    {
        if (check.Column is not null) return check;
        var renamed = RenameInExpression(check.Expression, from, to, rules);
        if (ReferenceEquals(renamed, check.Expression)) return check;
        return check with
        {
            Expression = renamed,
            Identifiers = check.Identifiers.IsDefault ? default : check.Identifiers.Select(n => string.Equals(n, from, rules.ColumnComparison) ? to : n).ToImmutableArray(),
        };
    }

    /// <summary>An expression's text with column <paramref name="from"/> renamed to <paramref name="to"/>; the same string when it does not name it.</summary>
    public static string RenameInExpression(string text, string from, string to, IdentifierRules rules)
    {
        var builder = new System.Text.StringBuilder(text.Length + 8);
        var copied = 0;
        foreach (var (name, start, length) in ColumnTokens(text, rules))
        {
            if (!string.Equals(name, from, rules.ColumnComparison)) continue;
            builder.Append(text, copied, start - copied).Append(rules.Quote(to));
            copied = start + length;
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The names in an expression that can be columns: not functions, not a cast's type.
    private static IEnumerable<(string Name, int Start, int Length)> ColumnTokens(string text, IdentifierRules rules)
    {
        var tokens = new List<SqlToken>();
        if (!SqlLexer.LexesCleanly(text, rules.Dialect, tokens)) yield break;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i + 1 < tokens.Count && SqlTokenText.IsSymbol(text, tokens[i + 1], '(')) continue; // A function.
            if (i > 0 && SqlTokenText.IsSymbol(text, tokens[i - 1], "::")) continue; // A cast's type.
            var name = rules.Name(text, token);
            yield return (name, token.Start, token.Length);
        }
    }
}
