using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB in a strict sql_mode (its default) refuses an INSERT or REPLACE that leaves out a column
/// that is NOT NULL without a default (error 1364, Field 'x' doesn't have a default value): it checks
/// the columns the statement names before any row, so <c>INSERT INTO t (b) SELECT ...</c> is refused
/// even when the query returns none, and the migration stops there. Checked on MariaDB 10.11: an
/// AUTO_INCREMENT column, a generated one and an ENUM (which takes its first value) need no value;
/// a TEXT, JSON, SET or DATETIME does, a DATETIME with ON UPDATE too once the zero default the
/// server gives it (<see cref="MariaDbColumnRules"/>) is dropped. INSERT IGNORE and a sql_mode without
/// STRICT_TRANS_TABLES, STRICT_ALL_TABLES or TRADITIONAL only warn and store the type's implicit
/// default. A BEFORE INSERT trigger changes nothing, and the table's engine neither.
/// </summary>
/// <remarks>
/// Only tables the migrations created, whose columns are known, are checked; a name qualified with a
/// database, a temporary table, or a column the table does not have (the server's error 1054 comes
/// first) leave the statement unchecked. A TIMESTAMP column is never reported: with
/// explicit_defaults_for_timestamp OFF (the default before MariaDB 10.10) the server gives it a
/// default of its own. MySQL 8 was not compared with a server (when it checks, what counts as
/// given), so only the mariadb dialect watches INSERTs.
/// </remarks>
internal static class MariaDbOmittedColumns
{
    /// <summary>Reports the statement when the server refuses it for a column it leaves out.</summary>
    /// <param name="catalog">The schema before the statement.</param>
    /// <param name="sql">The migration's text.</param>
    /// <param name="verb">The statement's first word, for the message: INSERT or REPLACE.</param>
    /// <param name="insert">The statement's head.</param>
    /// <param name="context">The migration being applied.</param>
    /// <param name="diagnostics">Receives the refusal.</param>
    public static void Check(Catalog catalog, string sql, string verb, MariaDbInsertHead insert, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        if (insert.Ignore || insert.Qualified || context.Session.StrictModeOff) return;
        var name = context.Rules.Name(sql, insert.Table);
        if (context.TemporaryTables.Contains(name)) return;

        // IndexesKnown: created by a migration, not read from a snapshot, which keeps neither AUTO_INCREMENT nor generation.
        var tableName = new QualifiedName(string.Empty, name);
        if (context.IsPassedOver(tableName) || catalog.FindTable(tableName) is not { IndexesKnown: true } table) return;
        var given = new HashSet<string>(context.Rules.ColumnComparer);
        for (var i = insert.Start; i < insert.Start + insert.Count; i++)
        {
            var column = context.Rules.Name(sql, insert.Columns[i]);
            if (table.FindColumn(column, SqlDialect.MariaDb) is null) return;
            given.Add(column);
        }

        List<string>? omitted = null;
        foreach (var column in table.Columns)
        {
            if (!given.Contains(column.Name) && NeedsValue(column)) (omitted ??= []).Add(column.Name);
        }

        if (omitted is null) return;
        var first = omitted[0];
        var others = omitted.Count == 1 ? string.Empty : $" It leaves out {string.Join(", ", omitted.Skip(1).Select(context.Show))} too, for the same reason.";
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.OmittedColumnWithoutDefault,
            $"The server refuses this {verb}: it gives no value to column {context.Show(first)} of {context.Show(table.Name)}, which is NOT NULL and has no default (MariaDB error 1364, Field '{first}' doesn't have a default value, in a strict sql_mode, the default). The server checks this before it reads any row, so even a query that returns none is refused, and the migration stops here.{others} Give column {context.Show(first)} a DEFAULT, list it in the {verb} with a value, or make it NULL.",
            context.File,
            insert.Table.Line,
            insert.Table.Column));
    }

    private static bool NeedsValue(CatalogColumn column)
        => !column.IsNullable
           && column.Default is null
           && !column.IsAutoIncrement
           && column.GeneratedFrom is null
           && column.InlineValues?.Kind != InlineValueKind.Enum
           && !column.Type.StartsWith("timestamp", StringComparison.OrdinalIgnoreCase);
}
