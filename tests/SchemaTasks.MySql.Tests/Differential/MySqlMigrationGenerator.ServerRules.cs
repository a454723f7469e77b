namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// The shapes where MySQL 8 and MariaDB part ways (docs/dialects.md): integer display widths,
/// JSON columns, and, for MariaDB, columns with their own CHECK redefined by MODIFY/CHANGE,
/// renamed or dropped. MySQL 8 refuses the last ones (error 3959), so they are written only
/// for MariaDB; the engine's refusal for MySQL 8 is covered by core tests.
/// </summary>
internal sealed partial class MySqlMigrationGenerator
{
    private static readonly string[] DisplayWidths =
    [
        "int(5)", "int(8) unsigned", "integer(4)", "smallint(3)", "mediumint(7)", "tinyint(2) unsigned", "bigint(10)", "tinyint unsigned", "bigint unsigned",
    ];

    private readonly SqlDialect _dialect;

    /// <summary>One column in eight: a display width, ZEROFILL or JSON; otherwise <see langword="null"/>.</summary>
    private Column? ServerColumn()
    {
        if (_random.Next(8) != 0) return null;
        var column = new Column(NewName("c"));
        switch (_random.Next(3))
        {
            case 0:
                column.Sql = Pick(DisplayWidths);
                column.Kind = Kind.Integer;
                break;
            case 1:
                column.Sql = Pick(["int(6) zerofill", "int zerofill", "smallint(4) unsigned zerofill"]);
                column.Kind = Kind.Other;
                break;
            default:
                column.Sql = Pick(["json", "JSON"]);
                column.Kind = Kind.Other; // MariaDB: LONGTEXT with a json_valid CHECK named after the column.
                break;
        }

        return column;
    }

    /// <summary>
    /// MariaDB only, one ALTER in four: MODIFY or CHANGE a column that has its own CHECK (the server
    /// drops it; the new definition may bring another), RENAME it (the CHECK follows, keeping its
    /// name), or DROP it (the CHECK goes with it).
    /// </summary>
    private string? ServerAlter(Table table, string alter)
    {
        if (_dialect != SqlDialect.MariaDb || _random.Next(4) != 0) return null;
        var owners = table.Columns.Where(c => c is { OwnsCheck: true, TableChecked: false, IsKey: false }).ToList();
        if (owners.Count == 0) return null;
        var column = Pick(owners);
        switch (_random.Next(4))
        {
            case 0:
            {
                column.OwnsCheck = column.HasCheck = false;
                var definition = Definition(column, allowCheck: true);
                return $"{alter} MODIFY {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(column.Name)} {definition}{Position(table, column)};";
            }

            case 1:
            {
                var old = column.Name;
                column.Name = NewName("c");
                column.OwnsCheck = column.HasCheck = false;
                var replacement = NewColumn();
                (column.Sql, column.Kind, column.Values) = (replacement.Sql, replacement.Kind, replacement.Values);
                var definition = Definition(column, allowCheck: true);
                return $"{alter} CHANGE {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(old)} {Id(column.Name)} {definition}{Position(table, column)};";
            }

            case 2:
            {
                var old = column.Name;
                column.Name = NewName("c");
                return $"{alter} RENAME COLUMN {Col(old)} TO {Id(column.Name)};";
            }

            default:
                if (table.Columns.Count < 2) return null;
                table.Columns.Remove(column);
                return $"{alter} DROP {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(column.Name)};";
        }
    }

    private sealed partial class Column
    {
        /// <summary>A CHECK written in the column's definition: MariaDB's column-level constraint.</summary>
        public bool OwnsCheck { get; set; }

        /// <summary>A table-level CHECK uses the column.</summary>
        public bool TableChecked { get; set; }
    }
}
