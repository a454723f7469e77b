using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// <c>DEFAULT NULL</c> on a column that cannot hold NULL: MySQL 8 and MariaDB refuse it with error
/// 1067 (Invalid default value), unless the column is AUTO_INCREMENT. MariaDB counts a PRIMARY
/// KEY written in the column's definition too (<c>k int DEFAULT NULL PRIMARY KEY</c>), and an
/// <c>ALTER COLUMN ... SET DEFAULT NULL</c> of a NOT NULL column. A primary key declared after
/// the columns (<c>PRIMARY KEY (k)</c>) makes the column NOT NULL without a word, and so does a
/// MODIFY that keeps it in the key: neither is refused. PostgreSQL takes all of these.
/// </summary>
internal static class NullDefaults
{
    /// <summary>Reports a column definition that gives a NOT NULL column <c>DEFAULT NULL</c>.</summary>
    public static void Report(ColumnSpec column, ApplyContext context)
    {
        if (!context.Rules.Dialect.IsMySqlFamily() || !IsNull(column.Default)) return;
        if (column.Attributes.Any(a => a.Kind == ColumnAttributeKind.AutoIncrement)) return;
        var writtenNotNull = !column.ExplicitNull && column.Attributes.Any(a => a.Kind == ColumnAttributeKind.Nullability);
        var ownPrimaryKey = context.Rules.Dialect == SqlDialect.MariaDb && column.Attributes.Any(a => a.Kind == ColumnAttributeKind.PrimaryKey);
        if (!writtenNotNull && !ownPrimaryKey) return;
        var at = column.Attributes.LastOrDefault(a => a.Kind == ColumnAttributeKind.Default).At; // The server keeps the last DEFAULT.
        context.Error(
            DiagnosticCodes.NullDefaultOnNotNullColumn,
            writtenNotNull
                ? $"The server refuses DEFAULT NULL on column {context.Show(column.Name)}, which is NOT NULL (error 1067, Invalid default value for '{column.Name}'). Remove DEFAULT NULL, give a non-NULL default, or let the column be NULL."
                : $"MariaDB refuses DEFAULT NULL on column {context.Show(column.Name)}, which its own PRIMARY KEY makes NOT NULL (error 1067, Invalid default value for '{column.Name}'; MySQL 8 takes it). Remove DEFAULT NULL, or declare the key after the columns as PRIMARY KEY ({context.Show(column.Name)}).",
            at == default ? column.At : at);
    }

    /// <summary>MariaDB: whether <c>ALTER COLUMN ... SET DEFAULT NULL</c> of <paramref name="column"/> is refused; reported.</summary>
    public static bool RefusesSetDefault(CatalogColumn column, string? defaultText, SqlToken at, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || column.IsNullable || !IsNull(defaultText)) return false;
        context.Error(
            DiagnosticCodes.NullDefaultOnNotNullColumn,
            $"MariaDB refuses SET DEFAULT NULL on column {context.Show(column.Name)}, which is NOT NULL (error 1067, Invalid default value for '{column.Name}'). Write DROP DEFAULT instead, or make the column NULL first with MODIFY.",
            at);
        return true;
    }

    // NULL, (NULL), ((NULL)): the server reads them all as the NULL default.
    private static bool IsNull(string? text)
    {
        if (text is null) return false;
        var value = text.AsSpan().Trim();
        while (value.Length > 2 && value[0] == '(' && value[^1] == ')') value = value[1..^1].Trim();
        return value.Equals("NULL", StringComparison.OrdinalIgnoreCase);
    }
}
