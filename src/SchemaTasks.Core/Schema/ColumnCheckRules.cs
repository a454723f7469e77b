using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What MySQL 8 and MariaDB do with the CHECK constraints tied to a column when the column is
/// declared, redefined (MODIFY / CHANGE), renamed or dropped. The two servers share the grammar
/// and disagree here; this is the one place that knows how (docs/dialects.md).
/// </summary>
/// <remarks>
/// MariaDB keeps a CHECK written in a column's definition as a column-level constraint named
/// after the column (<see cref="CatalogCheck.OwnerColumn"/>), drops it when MODIFY or CHANGE
/// redefines the column, and gives a JSON column such a CHECK (<c>json_valid(col)</c>) unless the
/// column declares its own. MySQL 8 turns every CHECK into a table constraint and refuses to
/// rename a column a CHECK uses, or to drop one a CHECK shares with other columns (error 3959).
/// PostgreSQL keeps its own rules in the callers.
/// </remarks>
internal static class ColumnCheckRules
{
    /// <summary>
    /// Whether DROP CONSTRAINT names a MariaDB column-level CHECK, which is part of its column's
    /// definition and not dropped by name (checked on MariaDB 10.11: error 1091; with IF EXISTS a
    /// note, and the CHECK stays). Reported unless IF EXISTS; the table stays as it is either way.
    /// </summary>
    public static bool KeepsColumnCheck(CatalogTable table, DropConstraintAction drop, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || table.FindCheck(drop.Name) is not { OwnerColumn: { } owner }) return false;
        if (!drop.IfExists)
        {
            context.Error(
                DiagnosticCodes.ConstraintNotFound,
                $"MariaDB refuses to drop constraint {context.Show(drop.Name)} of {context.Show(table.Name)} (error 1091, Can't DROP CONSTRAINT): it is the CHECK written in the definition of column {context.Show(owner)}, which is part of the column, not a constraint of the table. Redefine the column without it (MODIFY COLUMN {context.Show(owner)} ...), which drops it.",
                drop.At);
        }

        return true;
    }

    /// <summary>The column that owns a CHECK written in <paramref name="column"/>'s definition (MariaDB only), else <see langword="null"/>.</summary>
    public static string? Owner(string? column, ApplyContext context)
        => context.Rules.Dialect == SqlDialect.MariaDb ? column : null;

    /// <summary>MariaDB's grammar has no <c>CONSTRAINT name</c> before a column's CHECK (MySQL 8 takes it).</summary>
    public static void ReportNamedColumnCheck(ConstraintSpec spec, string column, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || spec.Kind != ConstraintKind.Check || spec.Name is not { } name) return;
        context.Error(
            DiagnosticCodes.MariaDbNamedColumnCheck,
            $"MariaDB refuses CONSTRAINT {context.Show(name)} CHECK in the definition of column {context.Show(column)} (error 1064, syntax error): a column's CHECK has no name there and is named after the column. Move it after the columns as a table constraint (CONSTRAINT {context.Show(name)} CHECK (...)), or drop the CONSTRAINT name.",
            spec.At);
    }

    /// <summary>MariaDB stores JSON as LONGTEXT (https://mariadb.com/kb/en/json-data-type/).</summary>
    public static CatalogColumn Stored(CatalogColumn column, ApplyContext context)
        => context.Rules.Dialect == SqlDialect.MariaDb && column.Type == "json" ? column with { Type = "longtext" } : column;

    /// <summary>
    /// MariaDB gives a JSON column the column-level CHECK <c>json_valid(col)</c> named after it,
    /// unless the definition has a CHECK of its own (which then replaces it).
    /// </summary>
    public static CatalogTable AddImpliedChecks(CatalogTable table, ColumnSpec spec, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || spec.Type.Text != "json") return table;
        if (spec.Constraints.Any(c => c.Kind == ConstraintKind.Check)) return table;
        var column = table.FindColumn(spec.Name, context.Rules.Dialect)?.Name ?? spec.Name;
        var check = DdlParser.ParseCheckDefinition($"json_valid({context.Show(column)})", context.Rules);
        return table with { Checks = table.Checks.Add(TableStatements.ToCatalogCheck(column, check) with { OwnerColumn = column }) };
    }

    /// <summary>
    /// Before MODIFY/CHANGE replaces column <paramref name="old"/> by one named <paramref name="newName"/>:
    /// MariaDB drops the column's own CHECKs; MySQL 8 refuses a rename while a CHECK uses the column.
    /// </summary>
    /// <returns>The table to redefine the column in, or <see langword="null"/> when the server refuses the statement.</returns>
    public static CatalogTable? BeforeRedefine(CatalogTable table, string old, string newName, string action, SqlToken at, ApplyContext context)
    {
        switch (context.Rules.Dialect)
        {
            case SqlDialect.MariaDb:
                return table with { Checks = table.Checks.RemoveAll(c => c.OwnerColumn is { } owner && string.Equals(owner, old, context.Rules.ColumnComparison)) };
            case SqlDialect.MySql when !string.Equals(old, newName, context.Rules.ColumnComparison):
                return RefuseIfUsed(table, old, action, c => true, at, context) ? null : table;
            default:
                return table;
        }
    }

    /// <summary>RENAME COLUMN: MySQL 8 refuses it while a CHECK uses the column; MariaDB's column-level CHECK follows the column and keeps its name.</summary>
    /// <returns>The table to rename the column in, or <see langword="null"/> when the server refuses the statement.</returns>
    public static CatalogTable? BeforeRename(CatalogTable table, string old, string newName, SqlToken at, ApplyContext context)
    {
        switch (context.Rules.Dialect)
        {
            case SqlDialect.MySql when !string.Equals(old, newName, context.Rules.ColumnComparison):
                return RefuseIfUsed(table, old, "RENAME COLUMN", c => true, at, context) ? null : table;
            case SqlDialect.MariaDb:
                return table with
                {
                    Checks = table.Checks.Select(c => c.OwnerColumn is { } owner && string.Equals(owner, old, context.Rules.ColumnComparison) ? c with { OwnerColumn = newName } : c).ToImmutableArray(),
                };
            default:
                return table;
        }
    }

    /// <summary>
    /// DROP COLUMN in the MySQL family: a CHECK goes with its columns when every column it uses
    /// (or, in MariaDB, the column it belongs to) goes in the same ALTER TABLE; one that also
    /// uses a column that stays makes the server refuse.
    /// </summary>
    /// <returns>The table without the column's CHECKs, or <see langword="null"/> when the server refuses the statement.</returns>
    public static CatalogTable? BeforeDrop(CatalogTable table, string dropped, IReadOnlyCollection<string> droppedTogether, SqlToken at, ApplyContext context)
    {
        if (!context.Rules.Dialect.IsMySqlFamily()) return table;
        var comparison = context.Rules.ColumnComparison;
        bool Owned(CatalogCheck check) => check.OwnerColumn is { } owner && string.Equals(owner, dropped, comparison);
        bool Stays(string column) => !droppedTogether.Any(d => string.Equals(d, column, comparison));
        if (RefuseIfUsed(table, dropped, "DROP COLUMN", c => !Owned(c) && CheckColumns.Of(c, table, context.Rules).Any(Stays), at, context))
        {
            return null;
        }

        return table with { Checks = table.Checks.RemoveAll(c => Owned(c) || CheckColumns.Uses(c, table, dropped, context.Rules)) };
    }

    // Reports the first CHECK that uses the column and matches `refuses`; true when one does.
    private static bool RefuseIfUsed(CatalogTable table, string column, string action, Func<CatalogCheck, bool> refuses, SqlToken at, ApplyContext context)
    {
        foreach (var check in table.Checks)
        {
            if (!CheckColumns.Uses(check, table, column, context.Rules) || !refuses(check)) continue;
            if (context.Rules.Dialect == SqlDialect.MySql)
            {
                context.Error(
                    DiagnosticCodes.MySqlCheckUsesColumn,
                    $"MySQL 8 refuses this {action} on {context.Show(table.Name)}: error 3959, Check constraint '{check.Name}' uses column '{column}', hence column cannot be dropped or renamed. Drop the CHECK first (ALTER TABLE {context.Show(table.Name)} DROP CHECK {context.Show(check.Name)}), change the column, then add the CHECK again naming the new column.",
                    at);
            }
            else
            {
                context.Error(
                    DiagnosticCodes.MariaDbCheckUsesColumn,
                    $"MariaDB refuses this {action} on {context.Show(table.Name)}: error 1054, Unknown column '{column}' in 'CHECK' (CHECK {context.Show(check.Name)} also uses other columns). Drop the CHECK first (ALTER TABLE {context.Show(table.Name)} DROP CONSTRAINT {context.Show(check.Name)}), then the column.",
                    at);
            }

            return true;
        }

        return false;
    }
}
