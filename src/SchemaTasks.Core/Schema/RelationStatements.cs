using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Keeps the names of the PostgreSQL relations the engine does not model (<see cref="RelationNames"/>,
/// and indexes on tables as <see cref="ConstraintKind.Index"/> keys) as the server creates,
/// renames and drops them. Only a name already taken is refused (42P07, or 42809 for CREATE OR
/// REPLACE VIEW over another kind): the engine does not know these relations well enough to say
/// the server would fail for any other reason.
/// </summary>
internal static class RelationStatements
{
    /// <summary>
    /// Whether <paramref name="statement"/> changes only names kept here (and the engine's own
    /// record of unique indexes), never the schema: a DO block step that may or may not run it
    /// leaves those names unknown rather than being undecidable.
    /// </summary>
    public static bool ChangesNamesOnly(SqlStatement statement) => statement is CreateUniqueIndexStatement or CreateIndexStatement or DropIndexStatement
        or RenameIndexStatement or RenameSequenceStatement or DropSequenceStatement or SequenceOwnerStatement
        or CreateRelationStatement or RenameRelationStatement or DropRelationStatement or UnreadRelationStatement or RenameRelationColumnStatement;

    public static Catalog Create(Catalog catalog, CreateRelationStatement s, ApplyContext context)
    {
        var uses = s.Query is { } query && context.IsPostgres
            ? ViewDependencies.Resolve(catalog, query, context.Where(s.At), context.Rules)
            : null;

        if (s.OrReplace && s.Kind == 'v' && NotAView(catalog, s, context)) return catalog;
        if (!s.OrReplace && PostgresRelationNameClash.Taken(catalog, s.Name, What(s.Kind), s.IfNotExists, s.At, context)) return catalog;

        // Its columns, for a table made from a query that reads it; only where the query's are certain.
        ImmutableHashSet<string>? plannedOtherwise = null;
        var columns = s.Shape is { } shape && context.IsPostgres ? ViewColumns(catalog, shape, s.Kind == 'm', context, out plannedOtherwise) : null;

        // CREATE OR REPLACE VIEW of a view: the new query's uses and columns replace the old ones.
        if (s.OrReplace && uses is not null && catalog.Relations.Named.TryGetValue(s.Name, out var existing) && existing.Kind == 'v')
        {
            return catalog.WithRelations(catalog.Relations with { Named = catalog.Relations.Named.SetItem(s.Name, existing with { Uses = uses, Columns = columns, PlannedOtherwise = plannedOtherwise }) });
        }

        // A second relation of a name the server refuses (or skips, with IF NOT EXISTS or OR REPLACE).
        if (catalog.Tables.ContainsKey(s.Name) || catalog.Relations.Named.ContainsKey(s.Name)) return catalog;
        var temporary = s.Name.Schema == RelationNames.TemporarySchema;
        var relation = new NamedRelation(s.Kind, s.OwnedBy?.Table, s.OwnedBy?.Column, Uncertain: temporary, Uses: uses) { Columns = columns, PlannedOtherwise = plannedOtherwise };
        return catalog.WithRelations(catalog.Relations with { Named = catalog.Relations.Named.Add(s.Name, relation) });
    }

    // CREATE OR REPLACE VIEW replaces a view only: over a table, index, sequence or materialized
    // view of the name the server refuses it (SQLSTATE 42809, "t" is not a view; checked on PostgreSQL 15).
    private static bool NotAView(Catalog catalog, CreateRelationStatement s, ApplyContext context)
    {
        if (!context.IsPostgres || RelationExistence.InPgClass(catalog, s.Name.Schema, s.Name.Name, relkind: null) != true) return false;
        if (RelationExistence.InPgClass(catalog, s.Name.Schema, s.Name.Name, relkind: "v") != false) return false;
        context.Error(
            DiagnosticCodes.TableExists,
            $"PostgreSQL refuses CREATE OR REPLACE VIEW {context.Show(s.Name)}: a relation of that name is there and is not a view (SQLSTATE 42809, \"{s.Name.Name}\" is not a view); OR REPLACE replaces only a view. Choose another name, or drop the relation first.",
            s.At);
        return true;
    }

    private static string What(char kind) => kind switch
    {
        'v' => "view",
        'm' => "materialized view",
        'S' => "sequence",
        _ => "foreign table",
    };

    // A view's columns (a materialized view's are the planned query's); none when two have one name, which the server refuses (42701).
    private static ImmutableArray<CatalogColumn>? ViewColumns(Catalog catalog, QueryShape shape, bool materialized, ApplyContext context, out ImmutableHashSet<string>? plannedOtherwise)
    {
        if (QueryColumns.Derive(catalog, shape, context, materialized, out plannedOtherwise) is not { } columns) return null;
        var names = new HashSet<string>(context.Rules.ColumnComparer);
        return columns.All(c => names.Add(c.Name)) ? columns : null;
    }

    /// <summary>The relations with <paramref name="name"/>'s columns no longer known (renamed, or perhaps replaced).</summary>
    public static RelationNames ForgetColumns(RelationNames relations, QualifiedName name)
        => relations.Named.TryGetValue(name, out var relation) && relation.Columns is not null
            ? relations with { Named = relations.Named.SetItem(name, relation with { Columns = null }) }
            : relations;

    public static Catalog Unread(Catalog catalog, UnreadRelationStatement s)
        => catalog.WithRelations(catalog.Relations.WithUnknown(s.Schema, mayOwnRowType: !s.IndexOnly));

    /// <summary>An index other than a unique one kept for USING INDEX: on a table as its key, on a materialized view by name.</summary>
    public static Catalog CreateIndex(Catalog catalog, CreateIndexStatement s, ApplyContext? context = null)
    {
        var onTable = catalog.Tables.TryGetValue(s.Table, out var table);
        string? name = s.Name;
        if (name is null && onTable && s.NameParts is { Count: > 0 } parts)
        {
            name = PostgresGeneratedNames.Choose(catalog, table!, s.Table.Name, IndexNameAddition(parts), "idx", PostgresNameSpaces.Relation);
        }

        var schema = s.Table.Schema;
        if (context is not null && !onTable && TemporaryTables.Names(s.Table, s, context)) schema = RelationNames.TemporarySchema;
        if (name is null) return catalog.WithRelations(catalog.Relations.WithUnknown(schema, mayOwnRowType: false));
        var qualified = new QualifiedName(schema, name);
        if (context is not null && s.Name is not null && PostgresRelationNameClash.Taken(catalog, qualified, "index", s.IfNotExists, s.At, context)) return catalog;
        if (catalog.PostgresNameCount(qualified, PostgresNameSpaces.Relation) > 0 || (onTable && table!.Keys.ContainsKey(name))) return catalog; // Taken: the server refuses it or, IF NOT EXISTS, skips it.
        if (onTable)
        {
            var columns = s.Mentioned.Select(m => table!.FindColumn(m, catalog.Dialect)?.Name).OfType<string>().Distinct(StringComparer.Ordinal);
            return catalog.WithTable(s.Table, table! with { Keys = table.Keys.SetItem(name, new TableKey(ConstraintKind.Index, [.. columns])) });
        }

        if (catalog.Relations.Named.TryGetValue(s.Table, out var owner) && owner.Kind == 'm')
        {
            var index = new NamedRelation('i', s.Table, Uncertain: owner.Uncertain);
            return catalog.WithRelations(catalog.Relations with { Named = catalog.Relations.Named.Add(qualified, index) });
        }

        // A temporary table, or a relation the engine does not know: the index's name is not kept.
        return catalog.WithRelations(catalog.Relations.WithUnknown(schema, mayOwnRowType: false));
    }

    /// <summary>ALTER VIEW / MATERIALIZED VIEW / FOREIGN TABLE / SEQUENCE (and ALTER TABLE naming one) RENAME TO or SET SCHEMA.</summary>
    public static Catalog Rename(Catalog catalog, QualifiedName from, QualifiedName to)
    {
        var named = catalog.Relations.Named;
        if (from == to || named.ContainsKey(to) || catalog.Tables.ContainsKey(to)) return catalog;

        // Views that read the relation follow it, also one the engine does not know by name.
        catalog = ViewDependencies.FollowRenamedRelation(catalog, from, to);
        named = catalog.Relations.Named;
        if (!named.TryGetValue(from, out var relation)) return catalog;
        named = named.Remove(from).Add(to, relation);
        foreach (var (name, owned) in named.Where(n => n.Value.Owner == from).ToList())
        {
            // A materialized view's indexes follow it into another schema.
            var moved = owned.Kind == 'i' ? name with { Schema = to.Schema } : name;
            named = named.Remove(name).SetItem(moved, owned with { Owner = to });
        }

        return catalog.WithRelations(catalog.Relations with { Named = named });
    }

    /// <summary>Whether ALTER TABLE <paramref name="name"/> names a relation known by name (PostgreSQL lets ALTER TABLE rename and move any relation).</summary>
    public static bool IsNamed(Catalog catalog, QualifiedName name) => catalog.Relations.Named.ContainsKey(name);

    /// <summary>ALTER TABLE on a view, sequence and the like: RENAME TO and SET SCHEMA apply to it; other actions leave its name.</summary>
    public static Catalog AlterAsTable(Catalog catalog, AlterTableStatement s)
    {
        var name = s.Name;

        // RENAME COLUMN and the like: a view's columns are no longer the ones recorded.
        if (s.Actions.Any(a => a is not RenameTableAction)) catalog = catalog.WithRelations(ForgetColumns(catalog.Relations, name));
        foreach (var action in s.Actions.OfType<RenameTableAction>())
        {
            var target = action.Target(name, postgres: true);
            catalog = Rename(catalog, name, target);
            name = target;
        }

        return catalog;
    }

    public static Catalog SetOwner(Catalog catalog, SequenceOwnerStatement s)
    {
        if (!catalog.Relations.Named.TryGetValue(s.Name, out var sequence)) return catalog;
        var owned = sequence with { Owner = s.OwnedBy?.Table, OwnerColumn = s.OwnedBy?.Column };
        return catalog.WithRelations(catalog.Relations with { Named = catalog.Relations.Named.SetItem(s.Name, owned) });
    }

    /// <summary>DROP VIEW, MATERIALIZED VIEW, FOREIGN TABLE or SEQUENCE: the relations and what they own go (the views a CASCADE takes, <see cref="ViewCascade"/>).</summary>
    public static Catalog Drop(Catalog catalog, IReadOnlyList<QualifiedName> names)
    {
        var relations = catalog.Relations;
        if (relations.Named.IsEmpty) return catalog;
        var named = relations.Named.RemoveRange(names);
        if (named.Count == relations.Named.Count) return catalog;
        var gone = names.ToHashSet();
        named = named.RemoveRange(named.Where(n => n.Value.Owner is { } owner && gone.Contains(owner)).Select(n => n.Key));
        return catalog.WithRelations(relations with { Named = named });
    }

    /// <summary>DROP INDEX of indexes kept by name (on materialized views).</summary>
    public static Catalog DropIndexes(Catalog catalog, IReadOnlyList<QualifiedName> names)
    {
        var named = catalog.Relations.Named;
        if (named.IsEmpty) return catalog;
        var remaining = named.RemoveRange(names.Where(n => named.TryGetValue(n, out var r) && r.Kind == 'i'));
        return catalog.WithRelations(catalog.Relations with { Named = remaining });
    }

    /// <summary>ALTER INDEX ... RENAME TO of an index kept by name; an index stays in its schema.</summary>
    public static Catalog RenameIndex(Catalog catalog, QualifiedName name, string to)
        => catalog.Relations.Named.TryGetValue(name, out var index) && index.Kind == 'i' ? Rename(catalog, name, name with { Name = to }) : catalog;

    /// <summary>
    /// What a statement the catalog applied otherwise does to the names kept here: a dropped or
    /// renamed schema takes its relations along, and a dropped table the sequences it owns. The
    /// views a DROP ... CASCADE takes are <see cref="ViewCascade"/>'s.
    /// </summary>
    public static Catalog After(Catalog before, Catalog after, SqlStatement statement)
    {
        var relations = after.Relations;
        if (relations.IsEmpty) return after;
        switch (statement)
        {
            case DropSchemaStatement s:
                var schemas = s.Names.Where(n => !after.Schemas.Contains(n)).ToHashSet(StringComparer.Ordinal);
                relations = relations with
                {
                    Named = relations.Named.RemoveRange(relations.Named.Keys.Where(k => schemas.Contains(k.Schema))),
                    UnknownIn = relations.UnknownIn.Except(schemas),
                    UnknownRowTypesIn = relations.UnknownRowTypesIn.Except(schemas),
                };
                break;
            case RenameSchemaStatement s when !before.Schemas.Contains(s.NewName) && after.Schemas.Contains(s.NewName):
                var named = relations.Named;
                foreach (var (name, relation) in relations.Named.Where(n => n.Key.Schema == s.Name))
                {
                    named = named.Remove(name).SetItem(name with { Schema = s.NewName }, relation.Owner is { } owner && owner.Schema == s.Name ? relation with { Owner = owner with { Schema = s.NewName } } : relation);
                }

                relations = relations with
                {
                    Named = named,
                    UnknownIn = Moved(relations.UnknownIn, s.Name, s.NewName),
                    UnknownRowTypesIn = Moved(relations.UnknownRowTypesIn, s.Name, s.NewName),
                    MayBeGone = relations.MayBeGone.Union(relations.MayBeGone.Where(n => n.Schema == s.Name).Select(n => n with { Schema = s.NewName })),
                };
                break;
            case DropTableStatement s:
                var dropped = s.Names.Where(n => before.Tables.ContainsKey(n) && !after.Tables.ContainsKey(n)).ToHashSet();
                relations = relations with { Named = relations.Named.RemoveRange(relations.Named.Where(n => n.Value.Owner is { } owner && dropped.Contains(owner)).Select(n => n.Key)) };
                break;
        }

        return after.WithRelations(relations);
    }

    private static ImmutableSortedSet<string> Moved(ImmutableSortedSet<string> schemas, string from, string to)
        => schemas.Contains(from) ? schemas.Remove(from).Add(to) : schemas;

    // ChooseIndexNameAddition: the column names joined by underscores, cut once the server's
    // buffer of NAMEDATALEN bytes is full (MakeObjectName shortens the rest).
    private static string IndexNameAddition(IReadOnlyList<string> parts)
    {
        var addition = string.Empty;
        foreach (var part in parts)
        {
            if (addition.Length > 0) addition += "_";
            addition += part;
            if (System.Text.Encoding.UTF8.GetByteCount(addition) >= PostgresNames.MaxBytes + 1) break;
        }

        return addition;
    }
}
