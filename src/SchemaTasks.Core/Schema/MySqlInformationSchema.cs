using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The rows MySQL's <c>information_schema</c> views <c>TABLES</c>, <c>COLUMNS</c>,
/// <c>STATISTICS</c>, <c>TABLE_CONSTRAINTS</c> and <c>REFERENTIAL_CONSTRAINTS</c> would hold for
/// the migrations' own database, made from the catalog built so far. A cell the catalog cannot
/// give exactly is an <see cref="InformationSchemaUnknown"/>, and a row that may or may not
/// exist says why; a query that would read either is undecided, never guessed.
/// </summary>
internal static class MySqlInformationSchema
{
    /// <summary>The server's name for a primary key, in every view.</summary>
    private const string Primary = "PRIMARY";

    /// <summary>
    /// The rows of <paramref name="view"/> (upper case), of table <paramref name="table"/> (as the
    /// server looks it up: case-sensitively) or, for the views that list indexes and constraints,
    /// of every table when <see langword="null"/>; <see langword="null"/> for a view not modelled,
    /// and for <c>TABLES</c> and <c>COLUMNS</c> without a table (views the migrations created are
    /// known by name only).
    /// </summary>
    public static List<InformationSchemaRow>? Rows(string view, Catalog catalog, string? table, IMySqlExpressionScope scope)
    {
        var found = table is null ? null : catalog.FindTable(new QualifiedName(string.Empty, table));
        IEnumerable<CatalogTable> tables = table is null ? catalog.Tables.Values.Where(t => t.Name.Schema.Length == 0) : found is null ? [] : [found];
        var rows = new List<InformationSchemaRow>();
        switch (view)
        {
            case "TABLES" when table is not null:
                if (found is not null) rows.Add(Row(found, ("TABLE_TYPE", "BASE TABLE")));
                else if (scope.MayBeView(table)) rows.Add(new InformationSchemaRow(new(StringComparer.OrdinalIgnoreCase) { ["TABLE_NAME"] = table, ["TABLE_TYPE"] = "VIEW" }, $"a view named {table}, which the migrations created and may have dropped"));
                return rows;
            case "COLUMNS" when table is not null:
                if (found is not null) rows.AddRange(found.Columns.Select(c => ColumnRow(found, c, catalog.Dialect)));
                else if (scope.MayBeView(table)) rows.Add(new InformationSchemaRow(new(StringComparer.OrdinalIgnoreCase) { ["TABLE_NAME"] = table }, $"the columns of view {table}, which SchemaTasks does not keep") { Open = true });
                return rows;
            case "STATISTICS":
                foreach (var each in tables) AddIndexRows(each, rows);
                return rows;
            case "TABLE_CONSTRAINTS":
                foreach (var each in tables) AddConstraintRows(each, rows);
                return rows;
            case "REFERENTIAL_CONSTRAINTS":
                foreach (var each in tables) AddConstraintRows(each, rows, foreignKeysOnly: true);
                return rows;
            default:
                return null;
        }
    }

    private static InformationSchemaRow Row(CatalogTable table, params (string Column, object Value)[] cells)
    {
        var row = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["TABLE_NAME"] = table.Name.Name };
        foreach (var (column, value) in cells) row[column] = value;
        return new InformationSchemaRow(row, null);
    }

    private static InformationSchemaRow ColumnRow(CatalogTable table, CatalogColumn column, SqlDialect dialect)
    {
        var shown = $"{table.Name.Name}.{column.Name}";
        object Typed(string? text, string what) => (object?)text ?? new InformationSchemaUnknown($"the {what} of {shown} ({column.Type}), a type whose text there SchemaTasks did not check against the server");
        return Row(
            table,
            ("COLUMN_NAME", column.Name),
            ("IS_NULLABLE", column.IsNullable ? "YES" : "NO"),
            ("COLUMN_TYPE", Typed(MySqlColumnTypeText.ColumnType(column, dialect), "column_type")),
            ("DATA_TYPE", Typed(MySqlColumnTypeText.DataType(column, dialect), "data_type")),
            ("COLUMN_DEFAULT", MariaDbColumnDefaultText.Of(column, dialect) ?? new InformationSchemaUnknown($"the column_default of {shown} (default {column.Default ?? "none"}, type {column.Type}), whose text there SchemaTasks did not check against the server")));
    }

    // One row per column of each index: the primary key, unique keys and plain indexes the
    // migrations made. The server also keeps an index for each foreign key unless another one
    // serves it, named after the key or its first column; the engine does not model it.
    private static void AddIndexRows(CatalogTable table, List<InformationSchemaRow> rows)
    {
        foreach (var (name, key) in table.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (key.ColumnsUnknown)
            {
                rows.Add(Unread(table, name, "INDEX_NAME", key.Kind == ConstraintKind.PrimaryKey ? Primary : name));
                continue;
            }

            switch (key.Kind)
            {
                case ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.PlainIndex:
                    var index = key.Kind == ConstraintKind.PrimaryKey ? Primary : name;
                    for (var i = 0; i < key.Columns.Length; i++)
                    {
                        rows.Add(Row(table, ("INDEX_NAME", index), ("COLUMN_NAME", key.Columns[i]), ("SEQ_IN_INDEX", (long)(i + 1)), ("NON_UNIQUE", key.Kind == ConstraintKind.PlainIndex ? 1L : 0L)));
                    }

                    break;
                case ConstraintKind.ForeignKey:
                    // Named after CONSTRAINT <symbol>, else FOREIGN KEY <index> (which also names the key
                    // here), else its first column: checked on MariaDB, and so MySQL 8.0.16+ documents it.
                    var indexName = new InformationSchemaUnknown($"the name of the index the server keeps for foreign key {name}", key.Columns.IsEmpty ? [name] : [name, key.Columns[0]]);
                    for (var i = 0; i < key.Columns.Length; i++)
                    {
                        var cells = Row(table, ("INDEX_NAME", indexName), ("COLUMN_NAME", key.Columns[i]), ("SEQ_IN_INDEX", (long)(i + 1)), ("NON_UNIQUE", 1L)).Cells;
                        rows.Add(new InformationSchemaRow(cells, $"the index the server keeps for foreign key {name} of {table.Name.Name} unless another index serves it, which SchemaTasks does not model"));
                    }

                    break;
                default:
                    rows.Add(Unread(table, name, "INDEX_NAME", new InformationSchemaUnknown($"whether {name} of {table.Name.Name} is an index")));
                    break;
            }
        }

        // A foreign key's index may be named after its first column, so even the name is unknown.
        foreach (var name in table.OtherConstraints.Where(c => !table.Keys.ContainsKey(c))) rows.Add(Unread(table, name, "INDEX_NAME", new InformationSchemaUnknown($"the indexes of {name} of {table.Name.Name}")));
    }

    private static void AddConstraintRows(CatalogTable table, List<InformationSchemaRow> rows, bool foreignKeysOnly = false)
    {
        foreach (var (name, key) in table.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var type = key.Kind switch
            {
                ConstraintKind.PrimaryKey => "PRIMARY KEY",
                ConstraintKind.Unique => "UNIQUE",
                ConstraintKind.ForeignKey => "FOREIGN KEY",
                ConstraintKind.PlainIndex => null,
                _ => (object)new InformationSchemaUnknown($"the kind of constraint {name} of {table.Name.Name}"),
            };
            if (type is null || (foreignKeysOnly && key.Kind != ConstraintKind.ForeignKey && type is string)) continue;
            var row = Row(table, ("CONSTRAINT_NAME", key.Kind == ConstraintKind.PrimaryKey ? Primary : name), ("CONSTRAINT_TYPE", type));
            rows.Add(type is string ? row : row with { Uncertain = $"constraint {name} of {table.Name.Name}, whose kind SchemaTasks does not know" });
        }

        if (!foreignKeysOnly)
        {
            foreach (var check in table.Checks) rows.Add(Row(table, ("CONSTRAINT_NAME", check.Name), ("CONSTRAINT_TYPE", "CHECK")));
        }

        foreach (var name in table.OtherConstraints.Where(c => !table.Keys.ContainsKey(c)))
        {
            var row = Unread(table, name, "CONSTRAINT_NAME", name);
            rows.Add(foreignKeysOnly ? row : row with { Uncertain = null }); // Listed in TABLE_CONSTRAINTS whatever its kind.
        }
    }

    // A constraint or index known by name only (read from a snapshot or a live database): every
    // other cell is unknown, and whether it is an index or a foreign key is too.
    private static InformationSchemaRow Unread(CatalogTable table, string name, string nameColumn, object shownName)
        => new(
            new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["TABLE_NAME"] = table.Name.Name, [nameColumn] = shownName },
            $"{name} of {table.Name.Name}, whose definition SchemaTasks did not read")
        { Open = true };
}

/// <summary>A row of an information_schema view.</summary>
/// <param name="Cells">The row's cells by column name (in any case): a string, a <see cref="long"/>, <see cref="MySqlUserExpression.NullValue"/>, or an <see cref="InformationSchemaUnknown"/>.</param>
/// <param name="Uncertain">Why the row may not exist, or <see langword="null"/> when it does.</param>
internal sealed record InformationSchemaRow(Dictionary<string, object> Cells, string? Uncertain)
{
    /// <summary>Whether a column the row lacks is unknown rather than not modelled: the row stands for something whose details are not known.</summary>
    public bool Open { get; init; }
}

/// <summary>A cell whose value the catalog cannot give exactly.</summary>
/// <param name="Why">What it is, for the message that says the query is undecided.</param>
/// <param name="OneOf">The values it can only be one of, when known: an equality with any other value is false.</param>
internal sealed record InformationSchemaUnknown(string Why, IReadOnlyList<string>? OneOf = null);
