using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A table has at most one primary key. PostgreSQL (SQLSTATE 42P16, "multiple primary keys for
/// table ... are not allowed"), MySQL 8 and MariaDB (error 1068, "Multiple primary key defined")
/// refuse a second one, whether the same CREATE TABLE declares both or an ALTER TABLE adds one
/// (ADD PRIMARY KEY, ADD COLUMN ... PRIMARY KEY, MySQL's MODIFY ... PRIMARY KEY). The key the
/// table has is known when the migrations made it; a PostgreSQL table read from a snapshot knows
/// its constraints by name only, so there nothing is said.
/// </summary>
internal static class SinglePrimaryKey
{
    /// <summary>Whether the server refuses to add primary key <paramref name="spec"/> to <paramref name="table"/>; reported.</summary>
    public static bool Refuses(CatalogTable table, ConstraintSpec spec, ApplyContext context)
    {
        if (spec.Kind != ConstraintKind.PrimaryKey || Existing(table, context) is not { } existing) return false;
        var mySql = context.Rules.Dialect.IsMySqlFamily();
        context.Error(
            DiagnosticCodes.MultiplePrimaryKeys,
            mySql
                ? $"Table {context.Show(table.Name)} already has a primary key, and the server refuses a second one (error 1068, Multiple primary key defined). Drop it first in the same ALTER TABLE (DROP PRIMARY KEY, ADD PRIMARY KEY (...)), or make this key UNIQUE."
                : $"Table {context.Show(table.Name)} already has primary key {context.Show(existing)}, and PostgreSQL refuses a second one (SQLSTATE 42P16, multiple primary keys for table \"{table.Name.Name}\" are not allowed). Drop it first (ALTER TABLE {context.Show(table.Name)} DROP CONSTRAINT {context.Show(existing)}, in the same statement or before), or make this key UNIQUE.",
            spec.At);
        return true;
    }

    // The name of the table's primary key, if it is known to have one.
    private static string? Existing(CatalogTable table, ApplyContext context)
    {
        foreach (var (name, key) in table.Keys)
        {
            if (key.Kind == ConstraintKind.PrimaryKey) return name;
        }

        // MySQL names every primary key PRIMARY, so the name alone tells, also in a snapshot.
        return context.Rules.Dialect.IsMySqlFamily() && table.OtherConstraints.Contains("PRIMARY") ? "PRIMARY" : null;
    }
}
