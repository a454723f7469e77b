using System.Text;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Writes random, valid MySQL/MariaDB migration sequences over what the parser models (tables,
/// column types, ENUM/SET, defaults, NOT NULL, CHECKs; ADD/DROP/MODIFY/CHANGE/RENAME COLUMN,
/// RENAME TABLE) plus noise it must skip (comments, procedures between DELIMITER lines, strings
/// holding DDL, inserts, indexes). Its small model only keeps the SQL valid; the expected
/// catalog comes from the engine and the actual one from the server.
/// </summary>
internal sealed partial class MySqlMigrationGenerator
{
    private static readonly string[] ValuePool = ["cleanup", "failover", "bulk-operations", "it's", "Mixed Case", "café", "back\\slash", "trail ", "x", "12"];

    private readonly Random _random;
    private readonly List<Table> _tables = [];
    private readonly List<string> _commands = [];
    private readonly StringBuilder _file = new();
    private readonly StringBuilder _pending = new();
    private int _next;
    private bool _hasNoiseTable;
    private Table? _lastAltered;

    private MySqlMigrationGenerator(int seed, SqlDialect dialect)
    {
        _random = new Random(seed);
        _dialect = dialect;
    }

    public static GeneratedSequence Generate(int seed, SqlDialect dialect = SqlDialect.MySql)
    {
        var generator = new MySqlMigrationGenerator(seed, dialect);
        var migrations = new List<GeneratedMigration>();
        var count = generator._random.Next(2, 5);
        for (var i = 0; i < count; i++) migrations.Add(generator.Migration());
        return new GeneratedSequence(seed, migrations);
    }

    private GeneratedMigration Migration()
    {
        _file.Clear();
        _commands.Clear();
        _pending.Clear();
        var statements = _random.Next(2, 5);
        for (var i = 0; i < statements; i++)
        {
            if (_random.Next(4) == 0) Noise();
            Emit(Statement());
        }

        Flush();
        return new GeneratedMigration(_file.ToString(), _commands.ToList());
    }

    /// <summary>A statement the client sends as written; consecutive ones go in one command.</summary>
    private void Emit(string statement)
    {
        _file.Append(statement).Append('\n');
        _pending.Append(statement).Append('\n');
    }

    private void Flush()
    {
        if (_pending.Length > 0) _commands.Add(_pending.ToString());
        _pending.Clear();
    }

    private string Statement()
    {
        for (var attempt = 0; ; attempt++)
        {
            var statement = _random.Next(10) switch
            {
                0 or 1 or 2 => CreateTable(),
                3 => DropOrRenameTable(),
                _ => AlterTable(),
            };
            if (statement is not null) return statement;
            if (attempt > 20) return CreateTable();
        }
    }

    private string NewName(string prefix)
    {
        var name = $"{prefix}{++_next}";
        return _random.Next(5) == 0 ? name.ToUpperInvariant() + "x" : name;
    }

    private string Id(string name) => _random.Next(3) == 0 ? "`" + name + "`" : name;

    /// <summary>A column name in any case: MySQL column names ignore case.</summary>
    private string Col(string name) => Id(_random.Next(4) == 0 ? name.ToUpperInvariant() : name);

    private static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<string> Values(int min = 1) => ValuePool.OrderBy(_ => _random.Next()).Take(_random.Next(min, 6)).ToList();

    private Column NewColumn()
    {
        if (ServerColumn() is { } special) return special; // MySqlMigrationGenerator.ServerRules.cs
        var column = new Column(NewName("c"));
        switch (_random.Next(10))
        {
            case 0 or 1:
                column.Values = Values();
                column.Kind = _random.Next(3) == 0 ? Kind.Set : Kind.Enum;
                column.Sql = $"{(column.Kind == Kind.Set ? "SET" : Pick(["ENUM", "enum"]))}({string.Join(",", column.Values.Select(Literal))})";
                break;
            case 2 or 3:
                column.Sql = Pick(["varchar(40)", "VARCHAR(40)", "character varying(40)", "char(20)", "national varchar(40)"]);
                column.Kind = Kind.Text;
                break;
            case 4:
                column.Sql = Pick(["int", "INTEGER", "int(11)", "bigint", "bigint(20)", "smallint unsigned", "int unsigned", "mediumint", "tinyint"]);
                column.Kind = Kind.Integer;
                break;
            case 5:
                column.Sql = Pick(["tinyint(1)", "boolean", "BOOL"]);
                column.Kind = Kind.Bool;
                break;
            case 6:
                column.Sql = Pick(["datetime", "datetime(3)", "DATETIME", "date", "time"]);
                column.Kind = column.Sql.StartsWith("datetime", StringComparison.OrdinalIgnoreCase) ? Kind.DateTime : Kind.Other;
                break;
            case 7:
                column.Sql = Pick(["decimal(10,2)", "numeric(8,3)", "DECIMAL", "double", "double precision", "real", "float", "float(10)", "year"]);
                column.Kind = Kind.Other;
                break;
            case 8:
                column.Sql = Pick(["text", "mediumtext", "blob", "varbinary(16)"]);
                column.Kind = Kind.Other;
                break;
            default:
                column.Sql = "varchar(40)";
                column.Kind = Kind.Text;
                break;
        }

        return column;
    }

    private string? DefaultFor(Column column) => _random.Next(3) == 0 && StoredDefaultShape(column) is { } shaped ? shaped : column.Kind switch
    {
        Kind.Text => Literal(Pick(ValuePool).TrimEnd()),
        Kind.Enum => Literal(Pick(column.Values).TrimEnd()),
        Kind.Set => Literal(Pick(column.Values).TrimEnd()),
        Kind.Integer => column.Sql.Contains("unsigned", StringComparison.Ordinal) ? Pick(["0", "42"]) : Pick(["0", "42", "-1"]),
        Kind.Bool => Pick(["0", "1"]),
        Kind.DateTime => column.Sql.Contains("(3)", StringComparison.Ordinal) ? "CURRENT_TIMESTAMP(3)" : "CURRENT_TIMESTAMP",
        _ => null,
    };

    private string Definition(Column column, bool allowCheck)
    {
        var text = new StringBuilder(column.Sql);
        column.NotNull = false;
        column.Default = null;
        if (_random.Next(3) == 0)
        {
            text.Append(" NOT NULL");
            column.NotNull = true;
        }
        else if (_random.Next(5) == 0)
        {
            text.Append(" NULL");
        }

        if (_random.Next(2) == 0 && DefaultFor(column) is { } value)
        {
            text.Append(" DEFAULT ").Append(value);
            column.Default = value;
        }
        else if (!column.NotNull && _random.Next(5) == 0)
        {
            text.Append(" DEFAULT NULL");
        }

        if (_random.Next(6) == 0) text.Append(" COMMENT 'CREATE TABLE x (a int); it''s noise'");
        if (allowCheck && _random.Next(4) == 0 && ValueSet(column) is { } expression)
        {
            text.Append(" CHECK (").Append(expression).Append(')'); // Column-level: MariaDB names it after the column.
            column.HasCheck = true;
            column.OwnsCheck = true;
        }

        return text.ToString();
    }

    private string? ValueSet(Column column)
    {
        if (column.Kind != Kind.Text) return null;
        var values = Values().Select(v => v.TrimEnd()).Distinct().ToList();
        var c = Col(column.Name);
        return _random.Next(3) switch
        {
            0 => $"{c} IN ({string.Join(",", values.Select(Literal))})",
            1 => string.Join(" OR ", values.Select(v => $"{c} = {Literal(v)}")),
            _ => $"{c} is null or {c} in ({string.Join(", ", values.Select(Literal))})",
        };
    }

    private string CreateTable()
    {
        var table = new Table(NewName("t"));
        var parts = new List<string>();
        var count = _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var column = NewColumn();
            table.Columns.Add(column);
            parts.Add($"{Id(column.Name)} {Definition(column, allowCheck: true)}");
        }

        var keys = table.Columns.Where(c => c.Kind is Kind.Integer or Kind.Text && !c.HasCheck).ToList();
        if (keys.Count > 0 && _random.Next(3) == 0)
        {
            var key = Pick(keys);
            key.NotNull = true;
            key.IsKey = true;
            parts.Add($"PRIMARY KEY ({Col(key.Name)})");
        }

        if (_random.Next(3) == 0 && TableCheck(table) is { } check) parts.Add(check);
        var indexable = table.Columns.Where(c => c.Kind is Kind.Integer or Kind.Text or Kind.Enum).ToList();
        if (_random.Next(4) == 0 && indexable.Count > 0) parts.Add($"KEY {Id(NewName("ix"))} ({Col(Pick(indexable).Name)})");
        _tables.Add(table);
        var options = Pick(["", " ENGINE=InnoDB", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", " COMMENT='DROP TABLE y'"]);
        return $"CREATE TABLE {(_random.Next(4) == 0 ? "IF NOT EXISTS " : string.Empty)}{Id(table.Name)} (\n  {string.Join(",\n  ", parts)}\n){options};";
    }

    /// <summary>A table-level CHECK, named or not: a value set on a text column or an opaque range on a number.</summary>
    private string? TableCheck(Table table)
    {
        var candidates = table.Columns.Where(c => c.Kind is Kind.Text or Kind.Integer && !c.HasCheck).ToList();
        if (candidates.Count == 0) return null;
        var column = Pick(candidates);
        var expression = column.Kind == Kind.Text ? ValueSet(column)! : $"{Col(column.Name)} > -100 AND {Col(column.Name)} < 1000";
        column.HasCheck = true;
        column.TableChecked = true;
        if (_random.Next(2) == 0) return $"CHECK ({expression})";
        var name = NewName("ck");
        table.NamedChecks.Add((name, column));
        return $"CONSTRAINT {Id(name)} CHECK ({expression})";
    }

    /// <summary>Nothing (append or stay), FIRST, or AFTER another column.</summary>
    private string Position(Table table, Column column)
    {
        var others = table.Columns.Where(c => c != column).ToList();
        return _random.Next(4) switch
        {
            0 => " FIRST",
            1 when others.Count > 0 => $" AFTER {Col(Pick(others).Name)}",
            _ => string.Empty,
        };
    }

    private string? DropOrRenameTable()
    {
        if (!_tables.Any(t => t.Name != "noise_log")) return null;
        var table = Pick(_tables.Where(t => t.Name != "noise_log").ToList()); // The noise table keeps its shape for the inserts.
        switch (_random.Next(3))
        {
            case 0:
                _tables.Remove(table);
                return $"DROP TABLE {(_random.Next(2) == 0 ? "IF EXISTS " : string.Empty)}{Id(table.Name)};";
            case 1:
            {
                var old = table.Name;
                table.Name = NewName("t");
                return $"RENAME TABLE {Id(old)} TO {Id(table.Name)};";
            }

            default:
            {
                var old = table.Name;
                table.Name = NewName("t");
                return $"ALTER TABLE {Id(old)} RENAME {Pick(["TO ", "AS ", ""])}{Id(table.Name)};";
            }
        }
    }

    private string? AlterTable()
    {
        var first = AlterTableOnce();
        if (first is null || _lastAltered is null || _random.Next(4) != 0) return first;

        // Several actions in one statement: ..., ADD COLUMN c ... [FIRST | AFTER x]
        var added = NewColumn();
        _lastAltered.Columns.Add(added);
        return $"{first.TrimEnd(';')}, ADD COLUMN {Id(added.Name)} {Definition(added, allowCheck: false)}{Position(_lastAltered, added)};";
    }

    private string? AlterTableOnce()
    {
        _lastAltered = null;
        if (!_tables.Any(t => t.Name != "noise_log")) return null;
        var table = Pick(_tables.Where(t => t.Name != "noise_log").ToList()); // The noise table keeps its shape for the inserts.
        var name = $"ALTER TABLE {Id(table.Name)}";
        var column = table.Columns.Count > 0 ? Pick(table.Columns) : null;
        _lastAltered = table;

        if (ServerAlter(table, name) is { } special) return special; // MySqlMigrationGenerator.ServerRules.cs

        // Columns under a CHECK or key are left alone here: MySQL 8 refuses to drop or rename them, MariaDB
        // drops column-level CHECKs with them (ServerAlter writes those, for MariaDB).
        var free = column is { HasCheck: false, IsKey: false };
        switch (_random.Next(10))
        {
            case 0 or 1:
            {
                var added = NewColumn();
                table.Columns.Add(added);
                return $"{name} ADD {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Id(added.Name)} {Definition(added, allowCheck: false)}{Position(table, added)};";
            }

            case 2 when free && table.Columns.Count > 1:
                table.Columns.Remove(column!);
                return $"{name} DROP {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(column!.Name)};";
            case 3 when free:
            {
                var replacement = NewColumn();
                (column!.Sql, column.Kind, column.Values) = (replacement.Sql, replacement.Kind, replacement.Values);
                return $"{name} MODIFY {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(column.Name)} {Definition(column, allowCheck: false)}{Position(table, column)};";
            }

            case 4 when free:
            {
                var old = column!.Name;
                column.Name = NewName("c");
                if (_random.Next(2) == 0) return $"{name} RENAME COLUMN {Col(old)} TO {Id(column.Name)};";
                return $"{name} CHANGE {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(old)} {Id(column.Name)} {Definition(column, allowCheck: false)}{Position(table, column)};";
            }

            case 5 when column is not null && DefaultFor(column) is { } value:
                column.Default = value;
                return $"{name} ALTER {(_random.Next(2) == 0 ? "COLUMN " : string.Empty)}{Col(column.Name)} SET DEFAULT {value};";
            case 6 when column is not null && column.Kind != Kind.Other:
                column.Default = null;
                return $"{name} ALTER COLUMN {Col(column.Name)} DROP DEFAULT;";
            case 7 when TableCheck(table) is { } check:
                return $"{name} ADD {check};";
            case 8 when table.NamedChecks.Count > 0:
            {
                var (check, checkedColumn) = Pick(table.NamedChecks);
                table.NamedChecks.Remove((check, checkedColumn));
                checkedColumn.HasCheck = false;
                return $"{name} DROP CONSTRAINT {Id(check)};"; // DROP CHECK is MySQL 8 only.
            }

            case 9:
                return $"{name} ENGINE=InnoDB, COMMENT 'ALTER TABLE x DROP COLUMN y';";
        }

        return null;
    }

    private void Noise()
    {
        switch (_random.Next(6))
        {
            case 0:
                Emit("-- CREATE TABLE not_a_table (a int);\n# ALTER TABLE t DROP COLUMN c;\n/* DROP TABLE x; */");
                break;
            case 1:
            {
                // The client turns DELIMITER into statement boundaries; the server gets the body alone.
                var procedure = $"""
                    CREATE PROCEDURE {NewName("p")}()
                    BEGIN
                      -- CREATE TABLE inside_procedure (a int);
                      SELECT 'ALTER TABLE t ADD COLUMN z int;';
                      IF 1 = 1 THEN SELECT 2; END IF;
                    END
                    """;
                Flush();
                _file.Append("DELIMITER $$\n").Append(procedure).Append("$$\nDELIMITER ;\n");
                _commands.Add(procedure);
                break;
            }

            case 2:
                if (!_hasNoiseTable)
                {
                    _hasNoiseTable = true;
                    _tables.Add(new Table("noise_log") { Columns = { new Column("msg") { Sql = "text", Kind = Kind.Other } } });
                    Emit("CREATE TABLE noise_log (msg text);");
                }
                else if (_tables.Find(t => t.Name == "noise_log") is { } log && log.Columns.Any(c => c.Name == "msg" && c.Sql == "text") && log.Columns.All(c => c.Name == "msg" || !c.NotNull || c.Default is not null))
                {
                    Emit("INSERT INTO noise_log (msg) VALUES ('CREATE TABLE x (a int); DROP TABLE y;'), ('it\\'s ALTER TABLE z');");
                }

                break;
            case 3 when _tables.Count > 0:
            {
                var table = Pick(_tables);
                var indexable = table.Columns.Where(c => c.Kind is Kind.Integer or Kind.Text or Kind.Enum).ToList();
                if (indexable.Count > 0) Emit($"CREATE INDEX {Id(NewName("ix"))} ON {Id(table.Name)} ({Col(Pick(indexable).Name)});");
                break;
            }

            case 4:
                Emit("SET sql_notes = 1;");
                break;
            default:
                Emit("SELECT 'CREATE TABLE fake (a int)' AS `DROP TABLE`;");
                break;
        }
    }

    private enum Kind
    {
        Text,
        Integer,
        Bool,
        DateTime,
        Enum,
        Set,
        Other,
    }

    private sealed class Table(string name)
    {
        public string Name { get; set; } = name;

        public List<Column> Columns { get; init; } = [];

        public List<(string Name, Column Column)> NamedChecks { get; } = [];
    }

    private sealed partial class Column(string name)
    {
        public string Name { get; set; } = name;

        public string Sql { get; set; } = "text";

        public Kind Kind { get; set; }

        public List<string> Values { get; set; } = [];

        public bool NotNull { get; set; }

        public string? Default { get; set; }

        public bool HasCheck { get; set; }

        public bool IsKey { get; set; }
    }
}
