using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL keeps tables, indexes (those of primary key and unique constraints too), sequences,
/// views and materialized views in one namespace per schema: <c>CREATE TABLE t_pkey</c> after a
/// table t with a primary key, <c>CREATE INDEX t_u_key</c> over a unique constraint's index, and
/// <c>CREATE INDEX t ON t</c> are all refused (SQLSTATE 42P07, relation already exists; checked on
/// PostgreSQL 15). Reported only where the engine is sure the name is taken (<see cref="RelationExistence"/>).
/// </summary>
internal static class PostgresRelationNameClash
{
    /// <summary>
    /// Whether <paramref name="name"/> is taken by a relation, so that the statement makes nothing:
    /// reported unless <paramref name="ifNotExists"/> (then the server skips it with a notice).
    /// </summary>
    /// <param name="catalog">The catalog before the statement.</param>
    /// <param name="name">The new relation's name, with its schema.</param>
    /// <param name="what">What the statement makes, for the message: <c>table</c>, <c>index</c>.</param>
    /// <param name="ifNotExists">Whether the statement says IF NOT EXISTS.</param>
    /// <param name="at">Where to report.</param>
    /// <param name="context">Where to report, and the dialect.</param>
    public static bool Taken(Catalog catalog, QualifiedName name, string what, bool ifNotExists, SqlToken at, ApplyContext context)
    {
        if (!context.IsPostgres || RelationExistence.InPgClass(catalog, name.Schema, name.Name, relkind: null) != true) return false;
        if (ifNotExists) return true;
        var holder = catalog.Tables.ContainsKey(name) ? "a table" : Holder(catalog, name) is { } table ? $"an index of table {context.Show(table)}" : "a relation (an index, sequence or view)";
        context.Error(
            DiagnosticCodes.TableExists,
            $"PostgreSQL refuses to create {what} {context.Show(name)}: {holder} already has that name (SQLSTATE 42P07, relation \"{name.Name}\" already exists); tables, indexes, sequences and views share one namespace per schema, and a primary key or unique constraint names its index after itself. Choose another name.",
            at);
        return true;
    }

    // The table whose constraint or index takes the name, for the message; found only when asked.
    private static QualifiedName? Holder(Catalog catalog, QualifiedName name)
    {
        foreach (var table in catalog.Tables.Values)
        {
            if (table.Name.Schema == name.Schema && PostgresTableNames.CountOwn(table, name, PostgresNameSpaces.Relation) > 0) return table.Name;
        }

        return null;
    }
}
