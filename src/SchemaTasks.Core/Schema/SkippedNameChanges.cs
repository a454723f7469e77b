using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What a DO block step that may or may not run (an IF not decided, a loop over data) leaves of
/// the relation names kept in <see cref="RelationNames"/>, when it only creates, renames or drops
/// indexes, sequences, views and the like: a name it may create may exist, a name it may drop
/// or rename may be gone. Nothing else is touched, so a test on anything else stays decided.
/// </summary>
internal static class SkippedNameChanges
{
    /// <summary>The catalog with the names <paramref name="statements"/> could change made unknown.</summary>
    /// <param name="catalog">The catalog after the step.</param>
    /// <param name="statements">The name-changing statements the step holds (<see cref="RelationStatements.ChangesNamesOnly"/>).</param>
    /// <param name="unread">Whether the step also runs DDL built from values not known: then any name may have changed.</param>
    public static Catalog Forget(Catalog catalog, IReadOnlyList<SqlStatement> statements, bool unread)
    {
        var relations = catalog.Relations;
        if (unread) relations = relations.WithUnknown(null) with { AnyMayBeGone = true };
        foreach (var statement in statements) relations = Forget(catalog, relations, statement);
        return catalog.WithRelations(relations);
    }

    private static RelationNames Forget(Catalog catalog, RelationNames relations, SqlStatement statement) => statement switch
    {
        // An index goes into its table's schema; a table the engine does not know may be temporary, its index in pg_temp.
        CreateIndexStatement s => relations.WithUnknown(catalog.Tables.ContainsKey(s.Table) ? s.Table.Schema : null, mayOwnRowType: false),
        CreateUniqueIndexStatement s => relations.WithUnknown(catalog.Tables.ContainsKey(s.Table) ? s.Table.Schema : null, mayOwnRowType: false),
        UnreadRelationStatement { IndexOnly: true } s => relations.WithUnknown(s.Schema, mayOwnRowType: false),
        DropIndexStatement s => Gone(relations, s.Names),
        RenameIndexStatement s => Gone(relations, [s.Name]).WithUnknown(s.Name.Schema, mayOwnRowType: false),
        DropSequenceStatement s => Gone(relations, s.Names),
        RenameSequenceStatement s => Gone(relations, [s.Name]).WithUnknown(s.NewName.Schema, mayOwnRowType: false),

        // A sequence owned by a column goes when the table or column does.
        SequenceOwnerStatement s => Gone(relations, [s.Name]),
        CreateRelationStatement s => RelationStatements.ForgetColumns(relations, s.Name).WithUnknown(s.Name.Schema, mayOwnRowType: s.Kind != 'S'),
        RenameRelationColumnStatement s => RelationStatements.ForgetColumns(relations, s.Name),
        RenameRelationStatement s => Gone(relations, [s.Name]).WithUnknown(s.NewName.Schema),

        // CASCADE takes dependent views along, which the engine does not follow; a materialized view takes its indexes.
        DropRelationStatement { Cascade: true } or DropSequenceStatement { Cascade: true } => relations with { AnyMayBeGone = true },
        DropRelationStatement s => Gone(relations, s.Names.Concat(relations.Named.Where(n => n.Value.Owner is { } owner && s.Names.Contains(owner)).Select(n => n.Key))),

        // Any other unread statement may have created, renamed or dropped any relation.
        _ => relations.WithUnknown(null) with { AnyMayBeGone = true },
    };

    private static RelationNames Gone(RelationNames relations, IEnumerable<QualifiedName> names)
        => relations with { MayBeGone = relations.MayBeGone.Union(names) };
}
