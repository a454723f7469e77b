using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What PostgreSQL's ALTER COLUMN ... TYPE does to the column's default: it keeps the stored
/// expression, built for the old type, and coerces it to the new one without showing that. A
/// literal therefore keeps its cast to the old type (<c>'USD'::cur</c> on a column now
/// <c>text</c>), which shows once that type is no longer the column's own, and the default still
/// depends on the old type (DROP TYPE ... CASCADE drops it).
/// </summary>
internal static class RetypedDefaults
{
    /// <summary>The default of <paramref name="column"/> once its type is <paramref name="newType"/>.</summary>
    /// <param name="column">The column with its old type and its stored default.</param>
    /// <param name="newType">The new normalised type text.</param>
    /// <param name="newIsArray">Whether the new type is an array.</param>
    /// <param name="rules">The dialect's rules.</param>
    public static string? After(CatalogColumn column, string newType, bool newIsArray, IdentifierRules rules)
    {
        if (rules.Dialect != SqlDialect.Postgres || column.Default is not { } text || StoredLiterals.PlainString(text, rules) is null) return column.Default;

        // The catalog keeps a literal without the cast to the column's own type (the live reader
        // drops it too); put it back as the server shows it, then store it as for the new type,
        // which drops it again only when the type is the same.
        var cast = $"{text}::{TypeNames.PostgresCastSpelling(column.Type)}";
        return StoredDefaults.ForColumn(cast, newType, newIsArray, rules);
    }
}
