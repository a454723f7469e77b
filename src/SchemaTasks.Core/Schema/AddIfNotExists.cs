using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// An ADD ... IF NOT EXISTS that the server skips with a note: MariaDB's ADD INDEX, UNIQUE KEY,
/// FOREIGN KEY, PRIMARY KEY and CONSTRAINT ... CHECK, and PostgreSQL's CREATE UNIQUE INDEX.
/// </summary>
internal static class AddIfNotExists
{
    /// <summary>Whether the table already has what <paramref name="constraint"/> would add, so nothing happens.</summary>
    public static bool Skips(CatalogTable table, ConstraintSpec constraint)
    {
        // MariaDB looks among the CHECKs only: a key of that name still makes the statement fail (error 1826).
        if (constraint.Kind == ConstraintKind.Check) return constraint.Name is { } check && table.FindCheck(check) is not null;

        // A primary key is PRIMARY, whatever name is written (MariaDB 10.11).
        var name = constraint.Kind == ConstraintKind.PrimaryKey ? "PRIMARY" : constraint.Name;
        return name is not null && (ConstraintNames.Exists(table, name) || MySqlPlainIndexes.IsPlainIndex(table, name));
    }
}
