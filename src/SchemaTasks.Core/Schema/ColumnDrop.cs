using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What DROP COLUMN does to the constraints that use the column, which the servers decide
/// differently. PostgreSQL drops every CHECK, key, foreign key and exclusion constraint that
/// uses it, whatever else they use. MySQL 8 takes the column out of each key (a key left with
/// no column goes) and refuses to drop a column a foreign key needs; MariaDB also refuses to
/// shrink a multi-column UNIQUE or PRIMARY KEY. The MySQL family's CHECKs follow
/// <see cref="ColumnCheckRules.BeforeDrop"/>, which knows each server's refusal.
/// </summary>
internal static class ColumnDrop
{
    /// <param name="table">The table with the column still in it.</param>
    /// <param name="dropped">The column's declared name.</param>
    /// <param name="droppedTogether">Every column the same ALTER TABLE drops (MySQL checks them as one).</param>
    /// <param name="at">The DROP COLUMN action, for messages.</param>
    /// <param name="context">Rules and where to report.</param>
    public static CatalogTable RemoveDependents(CatalogTable table, string dropped, IReadOnlyCollection<string> droppedTogether, SqlToken at, ApplyContext context)
        => context.IsPostgres
            ? Postgres(table, dropped, at, context)
            : MySql(table, dropped, droppedTogether, at, context);

    private static CatalogTable Postgres(CatalogTable table, string dropped, SqlToken at, ApplyContext context)
    {
        var comparison = context.Rules.ColumnComparison;
        foreach (var (name, _) in table.Keys.Where(k => k.Value.ColumnsUnknown).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            // PostgreSQL drops the constraint with any of its index's columns; which those are, the engine does not know.
            context.Error(
                DiagnosticCodes.UnsupportedStatement,
                $"DROP COLUMN {context.Show(dropped)} of {context.Show(table.Name)}: constraint {context.Show(name)} was made with UNIQUE USING INDEX from an index SchemaTasks did not read (it reads CREATE UNIQUE INDEX <name> ON <table> (<columns>) on plain columns), so it cannot tell whether the column is in it and the constraint goes with it. Drop the constraint first, or add it as UNIQUE (<its columns>).",
                at);
        }

        var checks = table.Checks.RemoveAll(c => CheckColumns.Uses(c, table, dropped, context.Rules));
        var gone = table.Keys.Where(k => k.Value.Uses(dropped, comparison)).Select(k => k.Key).ToList();
        return table with
        {
            Checks = checks,
            OtherConstraints = table.OtherConstraints.Except(gone),
            Keys = table.Keys.RemoveRange(gone),
        };
    }

    private static CatalogTable MySql(CatalogTable table, string dropped, IReadOnlyCollection<string> droppedTogether, SqlToken at, ApplyContext context)
    {
        var comparison = context.Rules.ColumnComparison;
        bool IsDropped(string column) => droppedTogether.Any(d => string.Equals(d, column, comparison));

        // The CHECKs went first, by each server's own refusal (ColumnCheckRules.BeforeDrop).
        foreach (var (name, key) in table.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!key.Uses(dropped, comparison)) continue;
            if (key.Kind == ConstraintKind.ForeignKey)
            {
                context.Error(
                    DiagnosticCodes.DropColumnNeededByForeignKey,
                    $"DROP COLUMN {context.Show(dropped)} of {context.Show(table.Name)} fails on the server: foreign key {context.Show(name)} uses it (MySQL 8 error 1828, MariaDB error 1553). Drop the foreign key first (ALTER TABLE ... DROP FOREIGN KEY {context.Show(name)}).",
                    at);
                continue;
            }

            var rest = key.Columns.Where(c => !string.Equals(c, dropped, comparison)).ToImmutableArray();
            if (rest.Length == 0)
            {
                table = table.WithoutConstraint(name);
                continue;
            }

            if (!key.Columns.All(IsDropped) && key.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey)
            {
                if (context.Rules.Dialect == SqlDialect.MariaDb)
                {
                    context.Error(
                        DiagnosticCodes.DropColumnShrinksKey,
                        $"MariaDB refuses DROP COLUMN {context.Show(dropped)} of {context.Show(table.Name)}: it would take the column out of key {context.Show(name)}, which also has ({string.Join(", ", rest.Select(context.Show))}) (error 1072). Drop the key first, or drop all its columns together.",
                        at);
                    continue;
                }

                context.Warning(
                    DiagnosticCodes.DropColumnShrinksKey,
                    $"DROP COLUMN {context.Show(dropped)} of {context.Show(table.Name)} takes it out of key {context.Show(name)}, which keeps ({string.Join(", ", rest.Select(context.Show))}). MySQL 8 does that; MariaDB refuses it (error 1072): if the database is MariaDB, set the dialect to mariadb.",
                    at);
            }

            table = table with { Keys = table.Keys.SetItem(name, key with { Columns = rest }) };
        }

        return table;
    }
}
