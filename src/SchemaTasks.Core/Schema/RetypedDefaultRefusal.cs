using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's <c>ALTER COLUMN ... TYPE</c> of a column whose default cannot follow it
/// (<see cref="PostgresAssignmentCasts"/>): refused with the statement, so the table stays as it was.
/// A DROP DEFAULT of the column anywhere in the same ALTER TABLE runs first (the server runs drops
/// in an earlier pass), so the change goes through; a SET DEFAULT in it runs after the type
/// change, too late. Hand-written enum swaps hit this when they leave out the DROP DEFAULT that
/// Prisma writes before the type change.
/// </summary>
internal static class RetypedDefaultRefusal
{
    /// <summary>Reports the type change when the server refuses it for the default (an error) or may (a warning); <see langword="true"/> when refused.</summary>
    public static bool Refuses(Catalog catalog, CatalogTable table, CatalogColumn column, string newType, QualifiedName? newReference, AlterColumnTypeAction alter, AlterTableStatement statement, ApplyContext context)
    {
        if (!context.IsPostgres || column.Default is not { } stored || DropsDefault(statement, column.Name, context)) return false;
        var verdict = PostgresAssignmentCasts.Judge(catalog, (column.Type, column.TypeReference, column.IsArray), (newType, newReference, alter.Type.IsArray));
        if (verdict == PostgresAssignmentCasts.Verdict.Cast) return false;
        var change = $"ALTER COLUMN {context.Show(column.Name)} TYPE {newType} of {context.Show(table.Name)}";
        var fix = $"Drop the default first (ALTER COLUMN {context.Show(column.Name)} DROP DEFAULT, in this ALTER TABLE or before it), and set it again after the type change (ALTER COLUMN {context.Show(column.Name)} SET DEFAULT ...).";
        if (verdict == PostgresAssignmentCasts.Verdict.NoCast)
        {
            context.Error(
                DiagnosticCodes.RetypedDefaultNotCast,
                $"PostgreSQL refuses {change}: the column's default, {stored}, is of type {column.Type}, which has no assignment cast to {newType}, and the USING clause does not apply to the default (42804, default for column {context.Show(column.Name)} cannot be cast automatically). {fix}",
                alter.At);
            return true;
        }

        context.Warning(
            DiagnosticCodes.RetypedDefaultUndecided,
            $"{change}: PostgreSQL casts the column's default, {stored}, from {column.Type} to the new type with an assignment cast, and refuses the statement when there is none; SchemaTasks does not know whether there is one, so it keeps the default. If the server refuses it: {fix}",
            alter.At);
        return false;
    }

    private static bool DropsDefault(AlterTableStatement statement, string column, ApplyContext context)
        => statement.Actions.OfType<SetDefaultAction>().Any(a => a.Default is null && a.Column is { } named && context.Rules.ColumnComparer.Equals(named, column));
}
