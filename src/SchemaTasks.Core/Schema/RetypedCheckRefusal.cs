using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL re-checks a column's CHECK constraints when ALTER COLUMN ... TYPE changes the
/// column, with their constants still of the old type. A value set stored as
/// <c>a = ANY (ARRAY['x'::text])</c> on a text (or character) column then compares the new type
/// with text: the server refuses the statement when no operator takes the pair (SQLSTATE 42883, operator does not exist: integer = text; checked on
/// PostgreSQL 15). A varchar column's set is stored with the column cast to text, which every
/// type takes, so it is never refused; other old types (a set of numbers is kept opaque), domains
/// and extension types are not judged.
/// </summary>
internal static class RetypedCheckRefusal
{
    /// <summary>Whether the type change of <paramref name="column"/> to <paramref name="newType"/> is refused for one of its value-set CHECKs; reported.</summary>
    public static bool Refuses(Catalog catalog, CatalogTable table, CatalogColumn column, string newType, QualifiedName? newReference, SqlToken at, ApplyContext context)
    {
        if (!context.IsPostgres || table.Checks.IsEmpty || column.TypeReference is not null || column.IsArray) return false;
        var constants = ConstantType(column.Type);
        if (constants is null) return false;
        foreach (var check in table.Checks)
        {
            if (check.Values.IsDefaultOrEmpty || check.Column is null || !context.Rules.ColumnComparer.Equals(check.Column, column.Name)) continue;
            if (Compares(catalog, constants, newType, newReference, out var shown)) continue;
            context.Error(
                DiagnosticCodes.RetypedCheckRefused,
                $"PostgreSQL refuses ALTER COLUMN {context.Show(column.Name)} TYPE {newType} of {context.Show(table.Name)}: CHECK {context.Show(check.Name)} compares the column with {constants} values, and it re-checks them for the new type (SQLSTATE 42883, operator does not exist: {shown} = {constants}). Drop the CHECK before the type change (DROP CONSTRAINT {context.Show(check.Name)}, in the same ALTER TABLE or an earlier one) and add it again with values of the new type.",
                at);
            return true;
        }

        return false;
    }

    // The type the server gives a value set's constants on a column of this type, when judged.
    private static string? ConstantType(string type)
        => type switch
        {
            "text" => "text",
            _ when type == "character" || type.StartsWith("character(", StringComparison.Ordinal) => "character",
            _ => null,
        };

    // Whether an = operator takes the new type and the constants (implicit casts included); for
    // a type not judged, true.
    private static bool Compares(Catalog catalog, string constants, string newType, QualifiedName? newReference, out string shown)
    {
        shown = newType;
        if (newType.EndsWith("[]", StringComparison.Ordinal)) return true;

        // An enum type has = only with itself; a domain or an extension's type is not judged.
        if (newReference is { } named) return !catalog.EnumTypes.ContainsKey(named);
        var isString = newType is "text" || newType.StartsWith("character", StringComparison.Ordinal);
        var isNumber = newType is "integer" or "smallint" or "bigint" or "real" or "double precision" || newType.StartsWith("numeric", StringComparison.Ordinal);
        var other = newType is "boolean" or "uuid" or "json" or "jsonb" or "date" or "bytea" or "inet" or "interval"
            || newType.StartsWith("timestamp", StringComparison.Ordinal) || newType.StartsWith("time", StringComparison.Ordinal);
        return isString || !(isNumber || other);
    }
}
