using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// How MySQL's and MariaDB's ALTER TABLE resolves the columns its actions name, which is not
/// one action after another (checked on MariaDB 10.11): the column a CHANGE, MODIFY, RENAME
/// COLUMN or DROP COLUMN acts on is one the table had before the statement, and each such
/// column is acted on once (a MODIFY may also name a column an ADD earlier in the statement
/// made); the column an <c>AFTER</c> names is one the table has at that point of the statement,
/// other than the column being placed. Any other name makes the server refuse the whole
/// statement (error 1054, 1091 for DROP COLUMN). The engine applies actions one after another,
/// so without this check such a statement would change the snapshot.
/// </summary>
internal static class MySqlAlterColumnNames
{
    /// <summary>Reports the first name the server would not resolve; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        var comparer = context.Rules.ColumnComparer;
        var dialect = context.Rules.Dialect;

        // The table before the statement is looked up through its own index, and what the
        // statement changed is kept beside it: a history alters wide tables thousands of times.
        var gone = new HashSet<string>(comparer);
        var made = new HashSet<string>(comparer);
        var actedOn = new HashSet<string>(comparer);
        var added = new HashSet<string>(comparer);
        var now = new Now(table, gone, made, dialect);
        bool Before(string column) => table.FindColumn(column, dialect) is not null;
        foreach (var action in s.Actions.SelectMany(a => a is AddColumnsAction many ? many.Columns : (IEnumerable<AlterAction>)[a]))
        {
            switch (action)
            {
                case AddColumnAction add:
                    if (add.IfNotExists && now.Contains(add.Column.Name)) break;
                    if (MissingAfter(add.Column, null)) return true;
                    now.Add(add.Column.Name);
                    added.Add(add.Column.Name);
                    break;

                case ReplaceColumnAction replace when !replace.IfExists:
                    var modify = comparer.Equals(replace.Column, replace.Definition.Name);
                    if (!ActsOn(replace.Column, replace.At, modify, drop: false) || MissingAfter(replace.Definition, replace.Column)) return true;
                    now.Remove(replace.Column);
                    now.Add(replace.Definition.Name);
                    break;

                case RenameColumnAction rename:
                    if (!ActsOn(rename.From, rename.At, modify: false, drop: false)) return true;
                    now.Remove(rename.From);
                    now.Add(rename.To);
                    break;

                case DropColumnAction drop when !drop.IfExists:
                    if (!ActsOn(drop.Column, drop.At, modify: false, drop: true)) return true;
                    now.Remove(drop.Column);
                    break;
            }
        }

        return false;

        // A column the table lacks altogether is the ordinary missing-column error, reported
        // where the action is applied; here only the names this statement itself made or used up.
        bool ActsOn(string column, SqlToken at, bool modify, bool drop)
        {
            var fresh = Before(column) && !actedOn.Contains(column);
            if (fresh || (modify && added.Contains(column) && !actedOn.Contains(column)))
            {
                actedOn.Add(column);
                return true;
            }

            if (!Before(column) && !now.Contains(column)) return true;
            var why = actedOn.Contains(column)
                ? "an earlier action of the same statement already changes, renames or drops it"
                : "it is made by an earlier action of the same statement, and the server looks it up in the table as it was before the statement";
            context.Error(
                DiagnosticCodes.ColumnNotFound,
                $"The server refuses this ALTER TABLE of {context.Show(table.Name)} (error {(drop ? "1091, Can't DROP COLUMN" : "1054, Unknown column")} {context.Show(column)}): {why}. Split it into two ALTER TABLE statements, or act on the column once.",
                at);
            return false;
        }

        // AFTER names a column the table has at this point of the statement, not the one being placed.
        bool MissingAfter(ColumnSpec column, string? placed)
        {
            if (column.After is not { } after || (now.Contains(after) && (placed is null || !comparer.Equals(after, placed)))) return false;
            context.Error(
                DiagnosticCodes.ColumnNotFound,
                $"The server refuses this ALTER TABLE of {context.Show(table.Name)} (error 1054, Unknown column {context.Show(after)}): AFTER {context.Show(after)} names no column the table has at that point of the statement{(placed is not null && comparer.Equals(after, placed) ? " other than the one being placed" : string.Empty)}. Name a column the table has, or place the column in a later statement.",
                column.At);
            return true;
        }
    }

    // The columns at a point of the statement: the table's, less those gone, plus those made.
    private sealed class Now(CatalogTable table, HashSet<string> gone, HashSet<string> made, SqlDialect dialect)
    {
        public bool Contains(string column) => made.Contains(column) || (!gone.Contains(column) && table.FindColumn(column, dialect) is not null);

        public void Add(string column)
        {
            gone.Remove(column);
            made.Add(column);
        }

        public void Remove(string column)
        {
            made.Remove(column);
            gone.Add(column);
        }
    }
}
