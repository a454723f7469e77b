using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE name AS</c> a query of one table's columns
/// (<see cref="CreateTableCopyStatement"/>): the new table has those columns, in the query's
/// order, each of the same type (a domain stays the domain), and nothing else: every column
/// nullable, no default, identity or generation expression, no constraint (checked on
/// PostgreSQL 15). A view whose columns are known (<see cref="NamedRelation.Columns"/>) is read
/// as a table of them. When the source is neither (a view of unknown columns, a temporary table,
/// a table of unknown columns) or a column is not among its columns, the columns are not known,
/// and the statement is refused as any other CREATE TABLE ... AS.
/// </summary>
internal static class TableCopies
{
    public static Catalog Create(Catalog catalog, CreateTableCopyStatement s, ApplyContext context)
    {
        var source = TemporaryTables.Names(s.Source, s, context) ? null : catalog.FindTable(s.Source) ?? ViewAsTable(catalog, s.Source, context);
        if (source is null || Copied(source, s.Columns, s.ColumnNames is null, context) is not { } columns)
        {
            context.UnknownShapes.Add(s.Name);
            context.Error(
                DiagnosticCodes.UnsupportedStatement,
                $"Cannot model this CREATE TABLE statement: CREATE TABLE {context.Show(s.Name)} AS ... takes its columns from {context.Show(s.Source)}, {(source is null ? "which is not a table the migrations create with known columns (a view whose query's columns are not certain, a temporary table, or a table SchemaTasks could not model)" : "but names columns it does not have, or one twice")}; SchemaTasks cannot know them. Declare the columns explicitly. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.",
                s.SourceAt);
            return catalog;
        }

        return Make(catalog, s.At, s.Name, s.IfNotExists, columns, s.ColumnNames, s.SourceAt, context);
    }

    /// <summary>
    /// The table <paramref name="name"/> made with the query's <paramref name="columns"/>, renamed
    /// by the list <paramref name="names"/> when there is one; unchanged, reported, when the server
    /// refuses it (the name taken, the names the list gives).
    /// </summary>
    public static Catalog Make(Catalog catalog, SqlToken at, QualifiedName name, bool ifNotExists, ImmutableArray<CatalogColumn> columns, IReadOnlyList<(string Name, SqlToken At)>? names, SqlToken sourceAt, ApplyContext context)
    {
        // IF NOT EXISTS of a table that exists skips the statement before the query is run.
        if (names is not null && ifNotExists && catalog.FindTable(name) is not null) return catalog;
        if (Renamed(columns, names ?? [], name, sourceAt, context) is not { } renamed) return catalog;

        // The checks of any CREATE TABLE (the name taken, the schema missing, IF NOT EXISTS), on a table without columns.
        var created = TableStatements.Create(catalog, new CreateTableStatement(at, name, ifNotExists, false, [], []), context);
        if (ReferenceEquals(created, catalog) || created.FindTable(name) is not { } table) return created;
        return created.WithTable(name, table with { Columns = renamed });
    }

    // A view whose columns are known, read as a table of them; not one of a column whose length the planner may give back (QueryColumns).
    private static CatalogTable? ViewAsTable(Catalog catalog, QualifiedName name, ApplyContext context)
        => context.IsPostgres && catalog.Relations.Named.TryGetValue(name, out var view) && !view.Uncertain && !catalog.Relations.MayHaveGone(name) && view.Columns is { } columns && view.PlannedOtherwise is null
            && columns.All(c => c.TypeReference is not { } type || catalog.EnumTypes.ContainsKey(type) || catalog.Domains.ContainsKey(type))
            ? new CatalogTable(name, columns, [], [])
            : null;

    // The query's columns named by the list, in order, the rest keeping the query's names; null,
    // reported, when the list is longer than the query's columns or two columns get one name.
    private static ImmutableArray<CatalogColumn>? Renamed(ImmutableArray<CatalogColumn> columns, IReadOnlyList<(string Name, SqlToken At)> names, QualifiedName name, SqlToken sourceAt, ApplyContext context)
    {
        if (names.Count > columns.Length)
        {
            context.Error(
                DiagnosticCodes.TableCopyColumnNamesRefused,
                $"PostgreSQL refuses CREATE TABLE {context.Show(name)} ({string.Join(", ", names.Select(n => context.Show(n.Name)))}) AS ...: the list names {names.Count} columns, but the query has {columns.Length} (SQLSTATE 42601, too many column names were specified). Name at most {columns.Length}; the columns not named keep the query's names.",
                names[columns.Length].At);
            return null;
        }

        var renamed = columns.ToBuilder();
        for (var i = 0; i < names.Count; i++) renamed[i] = renamed[i] with { Name = names[i].Name };
        var seen = new Dictionary<string, int>(context.Rules.ColumnComparer);
        for (var i = 0; i < renamed.Count; i++)
        {
            if (seen.TryAdd(renamed[i].Name, i)) continue;
            var listedAt = i < names.Count ? i : seen[renamed[i].Name];
            context.Error(
                DiagnosticCodes.TableCopyColumnNamesRefused,
                names.Count > 0
                    ? $"PostgreSQL refuses CREATE TABLE {context.Show(name)} (...) AS ...: two of its columns are named {context.Show(renamed[i].Name)} (SQLSTATE 42701, column specified more than once). Give each column its own name in the list."
                    : $"PostgreSQL refuses to make table {context.Show(name)} from this query: two of its columns are named {context.Show(renamed[i].Name)} (SQLSTATE 42701, column specified more than once). Give one of them another name with AS, or list the table's column names.",
                listedAt < names.Count ? names[listedAt].At : sourceAt);
            return null;
        }

        return renamed.MoveToImmutable();
    }

    // The source's columns as the query lists them, or null when one is missing or (unless a list
    // of names renames them after) named twice.
    private static ImmutableArray<CatalogColumn>? Copied(CatalogTable source, IReadOnlyList<(string Column, string As)>? listed, bool namesFinal, ApplyContext context)
    {
        var picked = listed ?? source.Columns.Select(c => (c.Name, c.Name)).ToList();
        var columns = ImmutableArray.CreateBuilder<CatalogColumn>(picked.Count);
        var names = new HashSet<string>(context.Rules.ColumnComparer);
        foreach (var (name, newName) in picked)
        {
            if (source.FindColumn(name, context.Rules.Dialect) is not { } column || (namesFinal && !names.Add(newName))) return null;
            columns.Add(new CatalogColumn(newName, column.Type, IsNullable: true, Default: null) { TypeReference = column.TypeReference, IsArray = column.IsArray });
        }

        return columns.MoveToImmutable();
    }
}
