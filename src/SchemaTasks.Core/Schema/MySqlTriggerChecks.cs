using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What MySQL and MariaDB check when a migration creates a trigger, before the trigger exists:
/// its table is a base table that is there (error 1146; a temporary table is 1361), and its body
/// names only rows and columns the event has: no <c>OLD</c> row in an INSERT trigger nor
/// <c>NEW</c> in a DELETE one (1363), no <c>SET NEW.c</c> in an AFTER trigger (1362), and no
/// column the table lacks (1054).
/// </summary>
/// <remarks>
/// Only what is sure is reported: a table named with a database, one SchemaTasks could not
/// model or that may be a view, and a body that uses <c>NEW</c> or <c>OLD</c> as anything but a
/// row (an alias, a variable) are left to the server. Trigger names are followed by
/// <see cref="MySqlTriggerNames"/>.
/// </remarks>
internal static class MySqlTriggerChecks
{
    /// <summary>Checks a <c>CREATE TRIGGER</c>; anything else is passed over.</summary>
    public static void Check(Catalog catalog, string sql, List<SqlToken> tokens, ApplyContext context, Func<string, bool> mayBeView)
    {
        var at = Head(sql, tokens);
        if (at < 0 || at + 8 >= tokens.Count) return;
        if (SqlTokenText.IsWord(sql, tokens[at], "IF")) at += 3;
        at++; // The trigger's name.
        if (at < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[at], '.')) return; // Qualified by a database.
        if (at + 4 >= tokens.Count) return;
        var after = SqlTokenText.IsWord(sql, tokens[at], "AFTER");
        if (!after && !SqlTokenText.IsWord(sql, tokens[at], "BEFORE")) return;
        var evented = tokens[at + 1];
        var inserts = SqlTokenText.IsWord(sql, evented, "INSERT");
        var deletes = SqlTokenText.IsWord(sql, evented, "DELETE");
        if (!inserts && !deletes && !SqlTokenText.IsWord(sql, evented, "UPDATE")) return;
        if (!SqlTokenText.IsWord(sql, tokens[at + 2], "ON")) return;
        var tableAt = at + 3;
        if (tableAt + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[tableAt + 1], '.')) return;
        if (tokens[tableAt].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return;

        var name = new QualifiedName(string.Empty, context.Rules.Name(sql, tokens[tableAt]));
        if (context.TemporaryTables.Contains(name.Name) || context.IsPassedOver(name) || mayBeView(name.Name)) return;
        if (catalog.FindTable(name) is not { } table)
        {
            context.Error(DiagnosticCodes.TableNotFound, $"CREATE TRIGGER ... ON {context.Show(name)} names a table no earlier migration creates (or it was renamed or dropped), so the server refuses it (error 1146, Table doesn't exist) and the migration stops here. Fix the name, or create the table first.", tokens[tableAt]);
            return;
        }

        var body = BodyStart(sql, tokens, tableAt + 1);
        if (body < 0 || !RowsOnlyAsRows(sql, tokens, body)) return;
        for (var i = body; i + 2 < tokens.Count; i++)
        {
            var row = tokens[i];
            var isNew = SqlTokenText.IsWord(sql, row, "NEW");
            if (!isNew && !SqlTokenText.IsWord(sql, row, "OLD")) continue;
            var rowName = isNew ? "NEW" : "OLD";
            if ((isNew && deletes) || (!isNew && inserts))
            {
                context.Error(DiagnosticCodes.TriggerRowRefused, $"This trigger runs on {(inserts ? "INSERT" : "DELETE")}, which has no {rowName} row: the server refuses the CREATE TRIGGER (error 1363, There is no {rowName} row in on {(inserts ? "INSERT" : "DELETE")} trigger) and the migration stops here. Use {(isNew ? "OLD" : "NEW")}, or make it a trigger of another event.", row);
                return;
            }

            var column = tokens[i + 2];
            if (column.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            var columnName = context.Rules.Name(sql, column);
            if (!table.Columns.Any(c => string.Equals(c.Name, columnName, StringComparison.OrdinalIgnoreCase)))
            {
                context.Error(DiagnosticCodes.ColumnNotFound, $"{rowName}.{columnName}: table {context.Show(name)} has no column {columnName} (it has {string.Join(", ", table.Columns.Select(c => c.Name))}), so the server refuses the CREATE TRIGGER (error 1054, Unknown column '{columnName}' in '{rowName}') and the migration stops here. Fix the column name.", column);
                return;
            }

            if (isNew && after && i > body && SqlTokenText.IsWord(sql, tokens[i - 1], "SET"))
            {
                context.Error(DiagnosticCodes.TriggerRowRefused, $"SET NEW.{columnName} in an AFTER trigger: the row is written already, so the server refuses the CREATE TRIGGER (error 1362, Updating of NEW row is not allowed in after trigger) and the migration stops here. Make it a BEFORE trigger to change the row.", row);
                return;
            }
        }
    }

    /// <summary>CREATE [OR REPLACE] [DEFINER = user] TRIGGER: the index after TRIGGER, or -1.</summary>
    public static int Head(string sql, List<SqlToken> tokens)
    {
        if (tokens.Count < 4) return -1;
        var at = SqlTokenText.IsWord(sql, tokens[1], "OR") ? 3 : 1;
        if (at < tokens.Count && SqlTokenText.IsWord(sql, tokens[at], "DEFINER"))
        {
            // The user: a name, a name@host, CURRENT_USER or CURRENT_USER(); TRIGGER follows within a few tokens.
            for (var i = at + 1; i < Math.Min(tokens.Count, at + 8); i++)
            {
                if (SqlTokenText.IsWord(sql, tokens[i], "TRIGGER")) return i + 1;
            }

            return -1;
        }

        return at < tokens.Count && SqlTokenText.IsWord(sql, tokens[at], "TRIGGER") ? at + 1 : -1;
    }

    // After ON table: FOR EACH ROW [{FOLLOWS | PRECEDES} other]; the index of the body's first token, or -1.
    private static int BodyStart(string sql, List<SqlToken> tokens, int at)
    {
        if (at + 2 >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[at], "FOR") || !SqlTokenText.IsWord(sql, tokens[at + 1], "EACH") || !SqlTokenText.IsWord(sql, tokens[at + 2], "ROW")) return -1;
        at += 3;
        if (at + 1 < tokens.Count && (SqlTokenText.IsWord(sql, tokens[at], "FOLLOWS") || SqlTokenText.IsWord(sql, tokens[at], "PRECEDES"))) at += 2;
        return at < tokens.Count ? at : -1;
    }

    // Whether every NEW and OLD word of the body is a row followed by '.' and a column: anything
    // else (an alias, a variable, a label so named) would make the reading unsure.
    private static bool RowsOnlyAsRows(string sql, List<SqlToken> tokens, int body)
    {
        for (var i = body; i < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], "NEW") && !SqlTokenText.IsWord(sql, tokens[i], "OLD")) continue;
            if (i + 2 >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '.')) return false;
        }

        return true;
    }
}
