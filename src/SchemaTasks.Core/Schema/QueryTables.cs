using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL tables made from a query whose columns are certain (<see cref="QueryColumns"/>):
/// <c>CREATE TABLE name [(names)] AS query [WITH [NO] DATA]</c> and <c>SELECT ... INTO name</c>.
/// The table gets the query's columns, each nullable, without default or constraint, as the
/// server makes them (checked on PostgreSQL 15). A query whose columns are not certain keeps the
/// statement's refusal (<see cref="QueryShapedTables"/>).
/// </summary>
internal static class QueryTables
{
    /// <summary>The catalog with the table made; <see langword="null"/> when the query's columns are not certain.</summary>
    public static Catalog? Create(Catalog catalog, TableFromQuery table, ApplyContext context)
    {
        // A table of unknown columns or a relation of the name already there: the refusal says what the server does.
        if (!context.IsPostgres || context.UnknownShapes.Contains(table.Name) || RelationStatements.IsNamed(catalog, table.Name)) return null;
        if (QueryColumns.Derive(catalog, table.Query, context, planned: true, out _) is not { } columns) return null;
        return TableCopies.Make(catalog, table.At, table.Name, table.IfNotExists, columns, table.ColumnNames, table.QueryAt, context);
    }
}
