using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE name AS</c> a query of one table's columns
/// (<see cref="CreateTableCopyStatement"/>): the new table has those columns, in the query's
/// order, each of the same type (a domain stays the domain), and nothing else: every column
/// nullable, no default, identity or generation expression, no constraint (checked on
/// PostgreSQL 15). When the source is not a table the migrations create (a view, a temporary
/// table, a table of unknown columns) or a column is not among its columns, the columns are not
/// known, and the statement is refused as any other CREATE TABLE ... AS.
/// </summary>
internal static class TableCopies
{
    public static Catalog Create(Catalog catalog, CreateTableCopyStatement s, ApplyContext context)
    {
        var source = TemporaryTables.Names(s.Source, s, context) ? null : catalog.FindTable(s.Source);
        if (source is null || Copied(source, s.Columns, context) is not { } columns)
        {
            context.UnknownShapes.Add(s.Name);
            context.Error(
                DiagnosticCodes.UnsupportedStatement,
                $"Cannot model this CREATE TABLE statement: CREATE TABLE {context.Show(s.Name)} AS ... takes its columns from {context.Show(s.Source)}, {(source is null ? "which is not a table the migrations create with known columns (a view, a temporary table, or a table SchemaTasks could not model)" : "but names columns it does not have, or one twice")}; SchemaTasks cannot know them. Declare the columns explicitly. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.",
                s.SourceAt);
            return catalog;
        }

        // The checks of any CREATE TABLE (the name taken, the schema missing, IF NOT EXISTS), on a table without columns.
        var created = TableStatements.Create(catalog, new CreateTableStatement(s.At, s.Name, s.IfNotExists, false, [], []), context);
        if (ReferenceEquals(created, catalog) || created.FindTable(s.Name) is not { } table) return created;
        return created.WithTable(s.Name, table with { Columns = columns });
    }

    // The source's columns as the query lists them, or null when one is missing or named twice.
    private static ImmutableArray<CatalogColumn>? Copied(CatalogTable source, IReadOnlyList<(string Column, string As)>? listed, ApplyContext context)
    {
        var picked = listed ?? source.Columns.Select(c => (c.Name, c.Name)).ToList();
        var columns = ImmutableArray.CreateBuilder<CatalogColumn>(picked.Count);
        var names = new HashSet<string>(context.Rules.ColumnComparer);
        foreach (var (name, newName) in picked)
        {
            if (source.FindColumn(name, context.Rules.Dialect) is not { } column || !names.Add(newName)) return null;
            columns.Add(new CatalogColumn(newName, column.Type, IsNullable: true, Default: null) { TypeReference = column.TypeReference, IsArray = column.IsArray });
        }

        return columns.MoveToImmutable();
    }
}
