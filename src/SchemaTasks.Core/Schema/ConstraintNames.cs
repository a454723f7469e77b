using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The names servers give unnamed constraints. PostgreSQL: <c>table_column_check</c>,
/// <c>table_pkey</c>, <c>table_column_key</c>, <c>table_column_fkey</c>, with a number added on
/// a clash with a name taken in the schema (<see cref="PostgresGeneratedNames"/>). MySQL 8:
/// <c>table_chk_N</c>, <c>PRIMARY</c>, the column for UNIQUE, <c>table_ibfk_N</c>.
/// MariaDB as MySQL 8, but a table CHECK is <c>CONSTRAINT_N</c> (a column's CHECK is named after
/// the column: <see cref="ColumnCheckRules.Owner"/>).
/// </summary>
internal static class ConstraintNames
{
    public static string Generate(Catalog catalog, CatalogTable table, ConstraintSpec spec, string? column, IdentifierRules rules)
    {
        if (spec.Name is { } given) return given;
        var name = table.Name.Name;
        if (rules.Dialect.IsMySqlFamily())
        {
            return spec.Kind switch
            {
                ConstraintKind.Check => Numbered(table, rules.Dialect == SqlDialect.MariaDb ? "CONSTRAINT_" : $"{name}_chk_"),
                ConstraintKind.PrimaryKey => "PRIMARY",
                ConstraintKind.ForeignKey => Numbered(table, $"{name}_ibfk_"),
                // Named after the column as the table declares it: UNIQUE (B) over column b is b (MariaDB 10.11).
                _ => Unique(table, spec.Columns.Count > 0 ? table.FindColumn(spec.Columns[0], rules.Dialect)?.Name ?? spec.Columns[0] : name),
            };
        }

        // An index's name lists its INCLUDE columns after its key columns.
        var columns = spec.Columns.Count > 0 ? string.Join("_", spec.Columns.Concat(spec.Index.Include)) : column;
        const PostgresNameSpaces Constraints = PostgresNameSpaces.Constraint;
        const PostgresNameSpaces Indexed = PostgresNameSpaces.Relation | PostgresNameSpaces.Constraint;
        return spec.Kind switch
        {
            ConstraintKind.Check => PostgresGeneratedNames.Choose(catalog, table, name, column, "check", Constraints),
            ConstraintKind.PrimaryKey => PostgresGeneratedNames.Choose(catalog, table, name, null, "pkey", Indexed),
            ConstraintKind.Unique => PostgresGeneratedNames.Choose(catalog, table, name, columns, "key", Indexed),
            ConstraintKind.ForeignKey => PostgresGeneratedNames.Choose(catalog, table, name, columns, "fkey", Constraints),
            _ => PostgresGeneratedNames.Choose(catalog, table, name, columns, "excl", Indexed),
        };
    }

    public static bool Exists(CatalogTable table, string name)
        => table.OtherConstraints.Contains(name) || table.FindCheck(name) is not null;

    /// <summary>
    /// Whether a constraint of <paramref name="kind"/> named <paramref name="name"/> clashes with
    /// one the table has. MariaDB refuses a key or foreign key named like a table CHECK (error
    /// 1826) but not like a column's own CHECK, which is named after its column
    /// (<c>k int CHECK (k > 0), UNIQUE KEY k (k)</c> is accepted).
    /// </summary>
    public static bool Clashes(CatalogTable table, ConstraintKind kind, string name, SqlDialect dialect)
        => (kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey && MySqlPlainIndexes.IsPlainIndex(table, name))
            || (dialect == SqlDialect.MariaDb && kind != ConstraintKind.Check
                ? table.OtherConstraints.Contains(name) || table.FindCheck(name) is { OwnerColumn: null }
                : Exists(table, name));

    // An unnamed key or index is named after its first column, or on a clash column_2,
    // column_3... (both servers' make_unique_key_name), past plain index names too. Key names are
    // apart from CHECK names: MariaDB names a column's CHECK and its UNIQUE key both after the column.
    private static string Unique(CatalogTable table, string candidate)
    {
        if (!IsKeyName(table, candidate)) return candidate;
        for (var i = 2; ; i++)
        {
            var numbered = candidate + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!IsKeyName(table, numbered)) return numbered;
        }
    }

    /// <summary>
    /// MySQL: the name the server gives the index it makes for a foreign key whose first column is
    /// <paramref name="column"/>, numbered past the indexes other foreign keys hold too.
    /// </summary>
    public static string IndexName(CatalogTable table, string column)
    {
        var name = column;
        for (var i = 2; IsKeyName(table, name) || MySqlForeignKeyIndexes.Holder(table, name) is not null; i++)
        {
            name = column + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    // The index the server made for a foreign key is not among them: a key added over the
    // foreign key's columns takes over from it, and its name (MariaDB 10.11).
    private static bool IsKeyName(CatalogTable table, string name)
        => table.OtherConstraints.Contains(name) || MySqlPlainIndexes.IsIndexName(table, name);

    private static string Numbered(CatalogTable table, string prefix)
    {
        for (var i = 1; ; i++)
        {
            if (!Exists(table, prefix + i)) return prefix + i;
        }
    }
}
