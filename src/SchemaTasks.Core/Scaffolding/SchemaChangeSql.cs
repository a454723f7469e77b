using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Scaffolding;

/// <summary>
/// The DDL that creates, drops or restores one catalog object, in the dialect's syntax, quoted
/// as the fixes are (<see cref="IdentifierRules"/>). Repair assembles its plans from these.
/// </summary>
internal static class SchemaChangeSql
{
    public static string CreateSchema(Catalog catalog, string schema) => $"CREATE SCHEMA {Rules(catalog).Quote(schema)};";

    public static string DropSchema(Catalog catalog, string schema) => $"DROP SCHEMA {Rules(catalog).Quote(schema)};";

    public static string CreateEnumType(Catalog catalog, CatalogEnumType type)
    {
        var rules = Rules(catalog);
        return $"CREATE TYPE {rules.Quote(type.Name)} AS ENUM ({string.Join(", ", type.Labels.Select(rules.QuoteString))});";
    }

    public static string DropType(Catalog catalog, QualifiedName type) => $"DROP TYPE {Rules(catalog).Quote(type)};";

    public static string CreateDomain(Catalog catalog, CatalogDomain domain)
    {
        var rules = Rules(catalog);
        var text = $"CREATE DOMAIN {rules.Quote(domain.Name)} AS {domain.BaseType}";
        if (domain.Default is { } value) text += " DEFAULT " + value;
        if (domain.IsNotNull) text += " NOT NULL";
        foreach (var check in domain.Checks) text += $" CONSTRAINT {rules.Quote(check.Name)} CHECK ({CheckExpression(rules, check)})";
        return text + ";";
    }

    public static string DropDomain(Catalog catalog, QualifiedName domain) => $"DROP DOMAIN {Rules(catalog).Quote(domain)};";

    public static string DropTable(Catalog catalog, QualifiedName table) => $"DROP TABLE {Rules(catalog).Quote(table)};";

    public static string DropColumn(Catalog catalog, QualifiedName table, string column)
    {
        var rules = Rules(catalog);
        return $"ALTER TABLE {rules.Quote(table)} DROP COLUMN {rules.Quote(column)};";
    }

    /// <summary>
    /// Gives a column back the type (and, for MySQL, the whole definition) of <paramref name="column"/>.
    /// MySQL restates the column with MODIFY COLUMN; PostgreSQL changes the type with a cast.
    /// </summary>
    /// <param name="catalog">The catalog whose dialect writes the statement.</param>
    /// <param name="table">The column's table.</param>
    /// <param name="column">The column as it should be.</param>
    /// <param name="ownCheck">
    /// MariaDB: the column's own (column-level) CHECK as it should be. MODIFY drops the one the
    /// column has, so the statement restates it; <see langword="null"/> for none.
    /// </param>
    public static string RestoreColumnType(Catalog catalog, QualifiedName table, CatalogColumn column, CatalogCheck? ownCheck = null)
    {
        var rules = Rules(catalog);
        var name = rules.Quote(column.Name);
        var check = ownCheck is not null && catalog.Dialect == SqlDialect.MariaDb ? $" CHECK ({CheckExpression(rules, ownCheck)})" : string.Empty;
        return catalog.Dialect.IsMySqlFamily()
            ? $"ALTER TABLE {rules.Quote(table)} MODIFY COLUMN {name} {column.Type}{NullabilityAndDefault(column)}{check};"
            : $"ALTER TABLE {rules.Quote(table)} ALTER COLUMN {name} TYPE {column.Type} USING {name}::{column.Type};";
    }

    public static string AddCheck(Catalog catalog, QualifiedName table, CatalogCheck check)
    {
        var rules = Rules(catalog);
        return $"ALTER TABLE {rules.Quote(table)} ADD CONSTRAINT {rules.Quote(check.Name)} CHECK ({CheckExpression(rules, check)});";
    }

    // DROP CONSTRAINT, not MySQL's DROP CHECK: MariaDB knows only the former, MySQL 8.0.19+ both.
    public static string DropCheck(Catalog catalog, QualifiedName table, string name)
    {
        var rules = Rules(catalog);
        return $"ALTER TABLE {rules.Quote(table)} DROP CONSTRAINT {rules.Quote(name)};";
    }

    /// <summary>
    /// What follows the type when MySQL restates a column: NOT NULL, and the default (an explicit
    /// DEFAULT NULL for a nullable column without one, as MySQL shows it).
    /// </summary>
    public static string NullabilityAndDefault(CatalogColumn column)
    {
        var nullability = column.IsNullable ? "" : " NOT NULL";
        var @default = column.Default is { } text && !text.Equals("null", StringComparison.OrdinalIgnoreCase) ? $" DEFAULT {text}"
            : column.IsNullable ? " DEFAULT NULL"
            : "";
        return nullability + @default;
    }

    // A value set is rendered from its parts, so a column name that needs quoting gets it.
    private static string CheckExpression(IdentifierRules rules, CatalogCheck check)
    {
        if (check.Column is not { } column) return check.Expression;
        var subject = column == "VALUE" ? column : rules.Quote(column);
        return $"{subject} IN ({string.Join(", ", check.Values.Select(rules.QuoteString))})";
    }

    private static IdentifierRules Rules(Catalog catalog) => IdentifierRules.For(catalog.Dialect);
}
