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
/// The same error refuses a DEFAULT written for such a column (<see cref="MariaDbDefaultUse"/>):
/// as a value of a row or of SET a = DEFAULT under the same strict sql_mode, row by row (past the
/// first row only on a transactional table: a warning, the engine is not followed); DEFAULT(a) and
/// an UPDATE's SET a = DEFAULT before any row in any sql_mode, an ENUM included. A string an ENUM
/// column has no label for is refused under the same strict sql_mode (<see cref="MariaDbEnumLiterals"/>).
/// </summary>
/// <remarks>
/// Only tables the migrations created, whose columns are known, are checked; a name qualified with a
/// database, a temporary table, or a column the table does not have (the server's error 1054 comes
/// first) leave the statement unchecked. A TIMESTAMP column is judged as the snapshot reads it,
/// with explicit_defaults_for_timestamp ON (MariaDB's default from 10.10): NOT NULL without a
/// written default, it needs a value (with the setting OFF the server gives it a default of its
/// own, which the message says). MySQL 8 was not compared with a server (when it checks, what
/// counts as given), so only the mariadb dialect watches INSERTs.
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
        if (insert.Qualified) return;
        var strict = !insert.Ignore && !context.Session.StrictModeOff;
        if (!strict && insert.DefaultCount == 0) return;
        var valuesRefused = strict || insert.Update; // UPDATE ... SET a = DEFAULT is refused in any sql_mode, under IGNORE too.
        var name = context.Rules.Name(sql, insert.Table);
        if (context.TemporaryTables.Contains(name)) return;

        // IndexesKnown: created by a migration, not read from a snapshot, which keeps neither AUTO_INCREMENT nor generation.
        var tableName = new QualifiedName(string.Empty, name);
        if (context.IsPassedOver(tableName) || catalog.FindTable(tableName) is not { IndexesKnown: true } table) return;
        var given = new HashSet<string>(context.Rules.ColumnComparer);
        var listed = new List<CatalogColumn>(insert.Count);
        for (var i = insert.Start; i < insert.Start + insert.Count; i++)
        {
            if (table.FindColumn(context.Rules.Name(sql, insert.Columns[i]), SqlDialect.MariaDb) is not { } column) return;
            given.Add(column.Name);
            listed.Add(column);
        }

        // The server resolves DEFAULT(col) before it looks at any row, in any sql_mode; then the columns left out; then each row's values.
        if (RefusedDefault(sql, verb, insert, table, listed, calls: true, context, diagnostics)) return;
        if (strict && !insert.AllColumns && !insert.Update && Omitted(verb, insert, table, given, context, diagnostics)) return;
        if (valuesRefused && RefusedDefault(sql, verb, insert, table, listed, calls: false, context, diagnostics)) return;
        if (strict && !insert.Update) MariaDbEnumLiterals.Check(sql, verb, insert, table, listed, context, diagnostics);
    }

    private static bool Omitted(string verb, MariaDbInsertHead insert, CatalogTable table, HashSet<string> given, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        List<string>? omitted = null;
        foreach (var column in table.Columns)
        {
            if (!given.Contains(column.Name) && NeedsValue(column, enumTakesFirst: true)) (omitted ??= []).Add(column.Name);
        }

        if (omitted is null) return false;
        var first = omitted[0];
        var others = omitted.Count == 1 ? string.Empty : $" It leaves out {string.Join(", ", omitted.Skip(1).Select(context.Show))} too, for the same reason.";
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.OmittedColumnWithoutDefault,
            $"The server refuses this {verb}: it gives no value to column {context.Show(first)} of {context.Show(table.Name)}, which is NOT NULL and has no default (MariaDB error 1364, Field '{first}' doesn't have a default value, in a strict sql_mode, the default). The server checks this before it reads any row, so even a query that returns none is refused, and the migration stops here.{others}{TimestampNote(table.FindColumn(first, SqlDialect.MariaDb))} Give column {context.Show(first)} a DEFAULT, list it in the {verb} with a value, or make it NULL.",
            context.File,
            insert.Table.Line,
            insert.Table.Column));
        return true;
    }

    // The first DEFAULT(col) call (calls) or DEFAULT value (!calls) of a column that is NOT NULL
    // without a default. A call is refused in any sql_mode and under IGNORE; a value only in a
    // strict one, and past the first row only on a transactional table (InnoDB, the default; a
    // MyISAM table keeps the rows before it and warns), which the engine does not know: a warning then.
    private static bool RefusedDefault(string sql, string verb, MariaDbInsertHead insert, CatalogTable table, List<CatalogColumn> listed, bool calls, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        for (var i = insert.DefaultStart; i < insert.DefaultStart + insert.DefaultCount; i++)
        {
            var use = insert.Defaults![i];
            if (use.Call != calls) continue;
            if (WrittenColumn(sql, use.Column, use.Value, insert, table, listed, context) is not { } column) return false; // A column the table lacks, or a row longer than the columns: the server's other errors come first.
            // An ENUM takes its first value only as an INSERT's value: DEFAULT(e) and UPDATE ... SET e = DEFAULT are refused.
            if (!NeedsValue(column, enumTakesFirst: !calls && !insert.Update)) continue;
            var laterRow = use.Row > 0;
            var written = calls ? $"DEFAULT({column.Name})" : "DEFAULT";
            var when = calls || insert.Update
                ? "in any sql_mode and under IGNORE, before it reads any row (a statement that touches none is refused too)"
                : laterRow
                    ? $"in a strict sql_mode, the default, for row {use.Row + 1} of a transactional table such as InnoDB, the default engine (a MyISAM table keeps the rows before it and only warns; SchemaTasks does not know the table's engine)"
                    : "in a strict sql_mode, the default; INSERT IGNORE and other modes only warn and store the type's implicit default";
            var message = $"The server refuses this {verb}: it writes {written} for column {context.Show(column.Name)} of {context.Show(table.Name)}, which is NOT NULL and has no default (MariaDB error 1364, Field '{column.Name}' doesn't have a default value, {when}), and the migration stops here.{TimestampNote(column)} Give column {context.Show(column.Name)} a DEFAULT, write a value instead, or make it NULL.";
            diagnostics.Add(laterRow && !calls
                ? SchemaDiagnostic.Warning(DiagnosticCodes.OmittedColumnWithoutDefault, message, context.File, use.At.Line, use.At.Column)
                : SchemaDiagnostic.Error(DiagnosticCodes.OmittedColumnWithoutDefault, message, context.File, use.At.Line, use.At.Column));
            return !laterRow || calls;
        }

        return false;
    }

    /// <summary>
    /// The column a value of the statement is written to: the one <paramref name="name"/> names for a
    /// SET assignment (<paramref name="value"/> -1), else the one at the value's position in the
    /// column list, or in the table when the statement lists none; <see langword="null"/> when the
    /// table lacks it or the row is longer than the columns.
    /// </summary>
    internal static CatalogColumn? WrittenColumn(string sql, SqlToken name, int value, MariaDbInsertHead insert, CatalogTable table, List<CatalogColumn> listed, ApplyContext context)
    {
        if (value < 0) return table.FindColumn(context.Rules.Name(sql, name), SqlDialect.MariaDb);
        if (insert.AllColumns) return value < table.Columns.Length ? table.Columns[value] : null;
        return value < listed.Count ? listed[value] : null;
    }

    private static bool NeedsValue(CatalogColumn column, bool enumTakesFirst)
        => !column.IsNullable
           && column.Default is null
           && !column.IsAutoIncrement
           && column.GeneratedFrom is null
           && !(enumTakesFirst && column.InlineValues?.Kind == InlineValueKind.Enum);

    // The snapshot reads TIMESTAMP columns as explicit_defaults_for_timestamp ON does; a server
    // with it OFF (MariaDB 10.5 to 10.9 by default) gives the column a default and takes the statement.
    private static string TimestampNote(CatalogColumn? column)
        => column is not null && column.Type.StartsWith("timestamp", StringComparison.OrdinalIgnoreCase)
            ? " (This holds with explicit_defaults_for_timestamp ON, MariaDB's default from 10.10 and how the snapshot reads TIMESTAMP columns; with it OFF, the default of 10.5 to 10.9, the server gives the column a default of its own.)"
            : string.Empty;
}
