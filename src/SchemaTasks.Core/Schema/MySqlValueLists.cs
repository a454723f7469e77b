using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// ENUM and SET value lists MySQL and MariaDB refuse (checked on MariaDB 10.11): a SET member
/// holding a comma (error 1367, whatever the session's sql_mode), and a value listed twice (error
/// 1291 in a strict sql_mode, the default; otherwise only a note). The server strips trailing
/// spaces from the values first (not under the binary charset, which SchemaTasks leaves unjudged), so <c>'a'</c> and <c>'a '</c> are
/// one value; a leading space or a tab counts. Values that differ only in the case of ASCII
/// letters are duplicates under the case-insensitive default collations but not under a
/// <c>_bin</c> or <c>_cs</c> one: judged only where the column certainly compares without case
/// (<see cref="MySqlCaseFolding"/>). Other letters' case and accents are left unjudged.
/// </summary>
internal static class MySqlValueLists
{
    /// <summary>
    /// Reports the first value of <paramref name="column"/>'s list the server refuses; <see langword="true"/> then.
    /// <paramref name="ignoresCase"/>: whether the column certainly compares ASCII letters without case;
    /// <paramref name="collation"/>: the collation the migrations wrote for it, if any
    /// (<see cref="MySqlCaseFolding.WrittenCollation"/>), whose accent folds may be known.
    /// </summary>
    public static bool Refuses(QualifiedName table, CatalogColumn column, string? charset, bool ignoresCase, SqlToken at, ApplyContext context, string? collation = null)
    {
        if (!context.Rules.Dialect.IsMySqlFamily() || column.InlineValues is not { } list) return false;
        var kind = list.Kind == InlineValueKind.Enum ? "ENUM" : "SET";
        if (list.Kind == InlineValueKind.Set && list.Values.FirstOrDefault(v => v.Contains(',', StringComparison.Ordinal)) is { } withComma)
        {
            context.Error(
                DiagnosticCodes.RefusedValueList,
                $"The server refuses the SET of column {context.Show(column.Name)} of {context.Show(table)}: its value {context.ShowValue(withComma)} holds a comma, which separates a SET's values (error 1367, Illegal set value). Split it into separate values, or use another character.",
                at);
            return true;
        }

        // Under the binary charset the server keeps trailing spaces, which the parsed list no longer has.
        if (context.Session.StrictModeOff || charset == MySqlCharsets.Binary) return false;
        var folds = ignoresCase && collation is not null && context.Rules.Dialect == SqlDialect.MariaDb && MariaDbCollationFolds.IsKnown(collation) ? Folds(list.Values, collation) : null;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Values.Length; i++)
        {
            var stored = list.Values[i].TrimEnd(' ');
            var key = folds?[i] ?? (ignoresCase ? MySqlCaseFolding.FoldAscii(stored) : stored);
            if (seen.TryGetValue(key, out var first) && first != stored && folds is not null)
            {
                context.Error(
                    DiagnosticCodes.RefusedValueList,
                    $"The server refuses the {kind} of column {context.Show(column.Name)} of {context.Show(table)}: its values {context.ShowValue(first)} and {context.ShowValue(stored)} differ only in case or accents, and the column's collation {collation} compares them as one value (MariaDB error 1291, duplicated value in {kind}). Remove one, or give the column a collation that tells them apart (COLLATE utf8mb4_bin).",
                    at);
                return true;
            }

            if (seen.TryGetValue(key, out first) && first != stored)
            {
                context.Error(
                    DiagnosticCodes.RefusedValueList,
                    $"The server refuses the {kind} of column {context.Show(column.Name)} of {context.Show(table)}: its values {context.ShowValue(first)} and {context.ShowValue(stored)} differ only in case, and the column's collation (the default, case-insensitive one; no COLLATE, BINARY or charset of the column, table or database says otherwise) compares them as one value (error 1291, duplicated value in {kind}). Remove one, or give the column a case-sensitive collation (COLLATE utf8mb4_bin).",
                    at);
                return true;
            }

            if (!seen.ContainsKey(key))
            {
                seen[key] = stored;
                continue;
            }

            context.Error(
                DiagnosticCodes.RefusedValueList,
                $"The server refuses the {kind} of column {context.Show(column.Name)} of {context.Show(table)}: it lists {context.ShowValue(stored)} twice (trailing spaces do not count; error 1291, duplicated value in {kind}). Remove the repeated value.",
                at);
            return true;
        }

        return false;
    }

    // Each value's fold under the collation, or null when one of them has a character without a known fold.
    private static string[]? Folds(ImmutableArray<string> values, string collation)
    {
        var folds = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (MariaDbCollationFolds.Fold(values[i].TrimEnd(' '), collation) is not { } fold) return null;
            folds[i] = fold;
        }

        return folds;
    }
}
