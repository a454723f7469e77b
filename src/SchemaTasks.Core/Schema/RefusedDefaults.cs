using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Reports a default its column's (or domain's) type cannot hold, which the server refuses with
/// the whole statement: PostgreSQL's defaults of a type with no assignment cast to the column's
/// (<see cref="PostgresDefaultTypes"/>, <see cref="PostgresAssignmentCasts"/>), enum labels,
/// integers and booleans (<see cref="PostgresDefaultValues"/>), MySQL's and MariaDB's ENUM and SET values
/// (<see cref="MySqlInlineValueDefaults"/>), MariaDB's BIT values wider than the column. The callers then leave the catalog as it was, so the
/// snapshot has neither the table nor the column nor the default the database never got.
/// </summary>
internal static class RefusedDefaults
{
    /// <summary>
    /// Reports the default of <paramref name="column"/> (as stored) when the server refuses it and
    /// returns <see langword="null"/>; otherwise the column, with a MySQL ENUM or SET default, or
    /// the default of a PostgreSQL column of a domain (<see cref="DomainColumnDefaults"/>), in the
    /// spelling the server stores.
    /// </summary>
    /// <param name="catalog">The catalog, for enum types and domains.</param>
    /// <param name="table">The column's table, for the message.</param>
    /// <param name="column">The column with its new default.</param>
    /// <param name="written">The default as written, before it was stored.</param>
    /// <param name="at">Where the default is written.</param>
    /// <param name="context">Where to report.</param>
    public static CatalogColumn? Checked(Catalog catalog, QualifiedName table, CatalogColumn column, string? written, SqlToken at, ApplyContext context)
    {
        if (context.IsPostgres && RefusedType(catalog, (column.Type, column.TypeReference, column.IsArray), written, new DefaultOwner(table, column.Name), at, context)) return null;
        if (column.Default is not { } stored) return column;
        if (context.Rules.Dialect.IsMySqlFamily())
        {
            if (StoredDefaults.MariaDbBitOverflows(stored, column.Type, context.Rules, out var width))
            {
                context.Error(
                    DiagnosticCodes.DefaultNotOfColumnType,
                    $"MariaDB refuses DEFAULT {stored} on column {context.Show(column.Name)} of {context.Show(table)}: the value needs more bits than the column's {width} (error 1067, Invalid default value for '{column.Name}'). Give a value below 2^{width}, or widen the column.",
                    at);
                return null;
            }

            if (context.Rules.Dialect == SqlDialect.MariaDb && column.InlineValues is null
                && MariaDbDefaultValues.Refusal(column.Type, stored, context.Rules, context.Session.ClientCharset is null, context.Session.AllowsInvalidDates) is { } reason)
            {
                context.Error(
                    DiagnosticCodes.DefaultNotOfColumnType,
                    $"MariaDB refuses DEFAULT {stored} on column {context.Show(column.Name)} of {context.Show(table)}: {reason} (error 1067, Invalid default value for '{column.Name}'), in any sql_mode. Give a value the column holds, or change the column's type.",
                    at);
                return null;
            }

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

        if (ExtensionObjectUse.RefusesCalls(catalog, stored, new DefaultOwner(table, column.Name), context, at)) return null;
        if (PostgresDefaultValues.Of(catalog, column.Type, column.TypeReference, column.IsArray, stored, context) is not { } refusal)
        {
            if (!column.IsArray) PostgresMomentDefaults.Report(column.Type, stored, new DefaultOwner(table, column.Name), at, context);
            return DomainColumnDefaults.Spelled(catalog, column, written, context.Rules);
        }

        context.Error(
            DiagnosticCodes.DefaultNotOfColumnType,
            $"PostgreSQL refuses DEFAULT {stored} on column {context.Show(column.Name)} of {context.Show(table)}: {refusal.Reason}. {refusal.Fix}.",
            at);
        return null;
    }

    /// <summary>Reports the default of <paramref name="domain"/> (as <paramref name="written"/>, and as stored) when PostgreSQL refuses it; <see langword="true"/> then.</summary>
    public static bool Refuses(Catalog catalog, CatalogDomain domain, string? written, SqlToken at, ApplyContext context)
    {
        if (ExtensionObjectUse.RefusesCalls(catalog, domain.Default, new DefaultOwner(domain.Name, null), context, at)) return true;
        var baseIsArray = domain.BaseType.EndsWith("[]", StringComparison.Ordinal);
        if (RefusedType(catalog, (domain.BaseType, domain.BaseTypeReference, baseIsArray), written, new DefaultOwner(domain.Name, null), at, context)) return true;
        if (domain.Default is not { } stored) return false;
        if (PostgresDefaultValues.Of(catalog, domain.BaseType, domain.BaseTypeReference, baseIsArray, stored, context) is not { } refusal)
        {
            if (!baseIsArray) PostgresMomentDefaults.Report(domain.BaseType, stored, new DefaultOwner(domain.Name, null), at, context);
            return false;
        }

        context.Error(
            DiagnosticCodes.DefaultNotOfColumnType,
            $"PostgreSQL refuses DEFAULT {stored} on domain {context.Show(domain.Name)}: {refusal.Reason}. {refusal.Fix}.",
            at);
        return true;
    }

    /// <summary>As <see cref="Checked(Catalog, QualifiedName, CatalogColumn, string?, SqlToken, ApplyContext)"/>, for a column made from <paramref name="spec"/>: reported where it writes its DEFAULT.</summary>
    public static CatalogColumn? Checked(Catalog catalog, QualifiedName table, CatalogColumn column, ColumnSpec spec, ApplyContext context)
        => column.Default is null && spec.Default is null ? column : Checked(catalog, table, column, spec.Default, DefaultAt(spec), context);

    // PostgreSQL 42804: a default of a type with no assignment cast to the column's type (also
    // DEFAULT NULL::text on an integer column, which the engine stores as no default).
    private static bool RefusedType(Catalog catalog, (string Type, QualifiedName? Reference, bool IsArray) target, string? written, DefaultOwner owner, SqlToken at, ApplyContext context)
    {
        // The most common defaults, a plain string constant (it takes the column's type) and a
        // number on a numeric column, are not read.
        if (written is null
            || (written.Length > 0 && written[0] == '\'' && written.IndexOf("::", StringComparison.Ordinal) < 0)
            || (IsPlainNumber(written) && !target.IsArray && PostgresAssignmentCasts.IsNumber(target.Type)))
        {
            return false;
        }

        if (RefusedCastLiteral(catalog, written, owner, at, context, out var known)) return true;
        if (known is not { } typed || PostgresAssignmentCasts.Judge(catalog, (typed.Type, typed.Reference, typed.IsArray), target) != PostgresAssignmentCasts.Verdict.NoCast) return false;
        context.Error(
            DiagnosticCodes.DefaultOfAnotherType,
            $"PostgreSQL refuses DEFAULT {written} on {owner.Describe(context)}: the default is of type {typed.Type}, which has no assignment cast to {target.Type} (SQLSTATE 42804, column {owner.Column ?? owner.Object.Name} is of type {target.Type} but default expression is of type {typed.Type}). Cast the default to {target.Type} instead, or leave the cast out of a constant: PostgreSQL reads an uncast literal ('a', '{{a,b}}') as the column's type.",
            at);
        return true;
    }

    // PostgreSQL 22P02 (22003): a string cast to a type whose input refuses it ('abc'::int), read
    // when the default is taken, before its type is matched to the column's. Reported; true then.
    private static bool RefusedCastLiteral(Catalog catalog, string written, DefaultOwner owner, SqlToken at, ApplyContext context, out PostgresDefaultTypes.Typed? typed)
    {
        typed = PostgresDefaultTypes.Of(written, catalog, context.Rules, out var castLiteral);
        if (castLiteral is not { } literal || PostgresDefaultValues.OfCastLiteral(catalog, literal.Type, literal.Text, context) is not { } refusal) return false;
        typed = null;
        context.Error(
            DiagnosticCodes.DefaultNotOfColumnType,
            $"PostgreSQL refuses DEFAULT {written} on {owner.Describe(context)}: {refusal.Reason}. {refusal.Fix}.",
            at);
        return true;
    }

    private static bool IsPlainNumber(string text)
        => text.Length > 0 && text.All(c => c is (>= '0' and <= '9') or '.');

    /// <summary>Where a column definition writes the DEFAULT the server keeps (MySQL and MariaDB keep the last of several), or the column when that is not known.</summary>
    private static SqlToken DefaultAt(ColumnSpec column)
        => column.Attributes.LastOrDefault(a => a.Kind == ColumnAttributeKind.Default).At is { } at && at != default ? at : column.At;
}
