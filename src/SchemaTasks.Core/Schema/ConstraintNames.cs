using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The names servers give unnamed constraints. PostgreSQL: <c>table_column_check</c>,
/// <c>table_pkey</c>, <c>table_column_key</c>, <c>table_column_fkey</c>, with a number added on
/// a clash. MySQL 8: <c>table_chk_N</c>, <c>PRIMARY</c>, the column for UNIQUE, <c>table_ibfk_N</c>.
/// MariaDB as MySQL 8, but a table CHECK is <c>CONSTRAINT_N</c> (a column's CHECK is named after
/// the column: <see cref="ColumnCheckRules.Owner"/>).
/// </summary>
internal static class ConstraintNames
{
    public static string Generate(CatalogTable table, ConstraintSpec spec, string? column, IdentifierRules rules)
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
                _ => Unique(table, spec.Columns.Count > 0 ? spec.Columns[0] : name),
            };
        }

        var columns = spec.Columns.Count > 0 ? "_" + string.Join("_", spec.Columns) : column is null ? string.Empty : "_" + column;
        return spec.Kind switch
        {
            ConstraintKind.Check => Unique(table, $"{name}{(column is null ? string.Empty : "_" + column)}_check"),
            ConstraintKind.PrimaryKey => Unique(table, $"{name}_pkey"),
            ConstraintKind.Unique => Unique(table, $"{name}{columns}_key"),
            ConstraintKind.ForeignKey => Unique(table, $"{name}{columns}_fkey"),
            _ => Unique(table, $"{name}{columns}_excl"),
        };
    }

    public static bool Exists(CatalogTable table, string name)
        => table.OtherConstraints.Contains(name) || table.Checks.Any(c => c.Name == name);

    private static string Unique(CatalogTable table, string candidate)
    {
        if (!Exists(table, candidate)) return candidate;
        for (var i = 1; ; i++)
        {
            if (!Exists(table, candidate + i)) return candidate + i;
        }
    }

    private static string Numbered(CatalogTable table, string prefix)
    {
        for (var i = 1; ; i++)
        {
            if (!Exists(table, prefix + i)) return prefix + i;
        }
    }
}
