using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's choice of a generated name (ChooseConstraintName, ChooseRelationName): the made
/// name (<see cref="PostgresNames.MakeObjectName"/>), or on a clash the label numbered 1, 2...
/// A CHECK or foreign key must be free among the constraints of the schema; an index of a
/// primary key, unique or exclusion constraint among its relations and constraints; a serial
/// sequence among its relations; a domain's CHECK too among the schema's constraints. The table or
/// domain named is the one the statement is changing, as far as it has got: its own names count
/// as they are now, not as the catalog has them.
/// </summary>
internal static class PostgresGeneratedNames
{
    public static string Choose(Catalog catalog, CatalogTable table, string name1, string? name2, string label, PostgresNameSpaces spaces)
        => Choose(catalog, table, table.Name, name1, name2, label, spaces);

    /// <summary>
    /// The name of the sequence of serial column <paramref name="column"/> of table
    /// <paramref name="tableName"/>, which <paramref name="table"/> is as far as the statement has
    /// made it (<see langword="null"/> while CREATE TABLE makes it).
    /// </summary>
    public static string Sequence(Catalog catalog, CatalogTable? table, QualifiedName tableName, string column)
        => Choose(catalog, table, tableName, tableName.Name, column, "seq", PostgresNameSpaces.Relation);

    /// <summary>The name of an unnamed CHECK of <paramref name="domain"/>, which is as far as the statement has made it.</summary>
    public static string DomainCheck(Catalog catalog, CatalogDomain domain)
        => Number(domain.Name.Name, null, "check", candidate =>
        {
            var name = new QualifiedName(domain.Name.Schema, candidate);
            var count = catalog.PostgresNameCount(name, PostgresNameSpaces.Constraint) + domain.Checks.Count(c => c.Name == candidate);
            if (catalog.FindDomain(domain.Name) is { } before) count -= before.Checks.Count(c => c.Name == candidate);
            return count > 0;
        });

    private static string Choose(Catalog catalog, CatalogTable? table, QualifiedName tableName, string name1, string? name2, string label, PostgresNameSpaces spaces)
        => Number(name1, name2, label, candidate => IsTaken(catalog, table, tableName, candidate, spaces));

    private static string Number(string name1, string? name2, string label, Func<string, bool> isTaken)
    {
        var candidate = PostgresNames.MakeObjectName(name1, name2, label);
        for (var i = 1; isTaken(candidate); i++)
        {
            candidate = PostgresNames.MakeObjectName(name1, name2, label + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return candidate;
    }

    private static bool IsTaken(Catalog catalog, CatalogTable? table, QualifiedName tableName, string candidate, PostgresNameSpaces spaces)
    {
        var name = new QualifiedName(tableName.Schema, candidate);
        return ((spaces & PostgresNameSpaces.Relation) != 0 && IsTaken(catalog, table, tableName, name, PostgresNameSpaces.Relation))
            || ((spaces & PostgresNameSpaces.Constraint) != 0 && IsTaken(catalog, table, tableName, name, PostgresNameSpaces.Constraint));
    }

    private static bool IsTaken(Catalog catalog, CatalogTable? table, QualifiedName tableName, QualifiedName name, PostgresNameSpaces space)
    {
        var count = catalog.PostgresNameCount(name, space);

        // The statement's version of the table stands for the catalog's (that one is looked at
        // only on a hit). Its sequences are the catalog's: reading every column for each name
        // would make adding columns one by one quadratic, and a sequence made earlier in the same
        // statement can take a generated name only where two long column names are cut alike.
        if (count > 0 && catalog.FindTable(tableName) is { } before) count -= PostgresTableNames.CountOwn(before, name, space);
        if (table is not null) count += PostgresTableNames.CountOwn(table, name, space);
        return count > 0;
    }
}
