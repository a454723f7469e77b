using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Reports a default its column's (or domain's) type cannot hold, which the server refuses with
/// the whole statement: PostgreSQL's enum labels, integers and booleans
/// (<see cref="PostgresDefaultValues"/>), MySQL's and MariaDB's ENUM and SET values
/// (<see cref="MySqlInlineValueDefaults"/>). The callers then leave the catalog as it was, so the
/// snapshot has neither the table nor the column nor the default the database never got.
/// </summary>
internal static class RefusedDefaults
{
    /// <summary>
    /// Reports the default of <paramref name="column"/> (as stored) when the server refuses it and
    /// returns <see langword="null"/>; otherwise the column, with a MySQL ENUM or SET default in the
    /// spelling the server stores.
    /// </summary>
    /// <param name="catalog">The catalog, for enum types and domains.</param>
    /// <param name="table">The column's table, for the message.</param>
    /// <param name="column">The column with its new default.</param>
    /// <param name="at">Where the default is written.</param>
    /// <param name="context">Where to report.</param>
    public static CatalogColumn? Checked(Catalog catalog, QualifiedName table, CatalogColumn column, SqlToken at, ApplyContext context)
    {
        if (column.Default is not { } stored) return column;
        if (context.Rules.Dialect.IsMySqlFamily())
        {
            if (column.InlineValues is not { } values) return column;
            var reading = MySqlInlineValueDefaults.Read(values, stored, context.Rules);
            if (reading.Unlisted is not { } unlisted) return reading.Stored is { } spelled && spelled != stored ? column with { Default = spelled } : column;
            var kind = values.Kind == InlineValueKind.Enum ? "ENUM" : "SET";
            var listed = string.Join(", ", values.Values.Select(context.ShowValue));
            context.Error(
                DiagnosticCodes.DefaultNotOfColumnType,
                $"The server refuses DEFAULT {stored} on column {context.Show(column.Name)} of {context.Show(table)}: its {kind} does not list {context.ShowValue(unlisted)} (it lists {listed}; error 1067, Invalid default value for '{column.Name}'). Use one of the listed values, or add the value to the {kind} first.",
                at);
            return null;
        }

        if (ExtensionObjectUse.RefusesCalls(catalog, stored, $"DEFAULT {stored} on column {context.Show(column.Name)} of {context.Show(table)}", context, at)) return null;
        if (PostgresDefaultValues.Of(catalog, column.Type, column.TypeReference, column.IsArray, stored, context) is not { } refusal) return column;
        context.Error(
            DiagnosticCodes.DefaultNotOfColumnType,
            $"PostgreSQL refuses DEFAULT {stored} on column {context.Show(column.Name)} of {context.Show(table)}: {refusal.Reason}. {refusal.Fix}.",
            at);
        return null;
    }

    /// <summary>Reports the default of <paramref name="domain"/> (as stored) when PostgreSQL refuses it; <see langword="true"/> then.</summary>
    public static bool Refuses(Catalog catalog, CatalogDomain domain, SqlToken at, ApplyContext context)
    {
        if (ExtensionObjectUse.RefusesCalls(catalog, domain.Default, $"DEFAULT {domain.Default} on domain {context.Show(domain.Name)}", context, at)) return true;
        if (domain.Default is not { } stored
            || PostgresDefaultValues.Of(catalog, domain.BaseType, domain.BaseTypeReference, domain.BaseType.EndsWith("[]", StringComparison.Ordinal), stored, context) is not { } refusal)
        {
            return false;
        }

        context.Error(
            DiagnosticCodes.DefaultNotOfColumnType,
            $"PostgreSQL refuses DEFAULT {stored} on domain {context.Show(domain.Name)}: {refusal.Reason}. {refusal.Fix}.",
            at);
        return true;
    }

    /// <summary>As <see cref="Checked(Catalog, QualifiedName, CatalogColumn, SqlToken, ApplyContext)"/>, for a column made from <paramref name="spec"/>: reported where it writes its DEFAULT.</summary>
    public static CatalogColumn? Checked(Catalog catalog, QualifiedName table, CatalogColumn column, ColumnSpec spec, ApplyContext context)
        => column.Default is null ? column : Checked(catalog, table, column, DefaultAt(spec), context);

    /// <summary>Where a column definition writes its DEFAULT, or the column when that is not known.</summary>
    private static SqlToken DefaultAt(ColumnSpec column)
        => column.Attributes.FirstOrDefault(a => a.Kind == ColumnAttributeKind.Default).At is { } at && at != default ? at : column.At;
}
