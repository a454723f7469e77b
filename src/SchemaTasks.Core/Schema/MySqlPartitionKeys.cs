using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL's and MariaDB's partitioning (<c>PARTITION BY</c> in CREATE TABLE, or in ALTER TABLE
/// alone or after its actions) changes no tracked object, but the server refuses it when a
/// primary key or unique key of the table does not hold every column the partitioning functions
/// use (error 1503, checked on MariaDB 10.11), the table as the statement leaves it.
/// </summary>
internal static class MySqlPartitionKeys
{
    /// <summary>Reports the first key of <paramref name="table"/> that lacks a partitioning column; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, IReadOnlyList<string> partitionNames, SqlToken at, ApplyContext context)
    {
        var rules = context.Rules;
        var columns = partitionNames.Select(n => table.FindColumn(n, rules.Dialect)?.Name).OfType<string>().Distinct(rules.ColumnComparer).ToList();
        if (columns.Count == 0) return false;
        foreach (var (name, key) in table.Keys.OrderBy(k => k.Value.Kind == ConstraintKind.PrimaryKey ? 0 : 1))
        {
            if (key.Kind is not (ConstraintKind.PrimaryKey or ConstraintKind.Unique) || key.ColumnsUnknown) continue;
            var missing = columns.FirstOrDefault(c => !key.Columns.Contains(c, rules.ColumnComparer));
            if (missing is null) continue;
            var kind = key.Kind == ConstraintKind.PrimaryKey ? "PRIMARY KEY" : "UNIQUE INDEX";
            context.Error(
                DiagnosticCodes.PartitionRefused,
                $"The server refuses to partition {context.Show(table.Name)}: its {(key.Kind == ConstraintKind.PrimaryKey ? "primary key" : $"unique key {context.Show(name)}")} ({string.Join(", ", key.Columns.Select(context.Show))}) does not hold column {context.Show(missing)}, which the partitioning uses (error 1503, A {kind} must include all columns in the table's partitioning function). Add {context.Show(missing)} to the key, or partition by columns every unique key holds.",
                at);
            return true;
        }

        return false;
    }
}
