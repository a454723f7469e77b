using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL <c>COMMENT ON TABLE / COLUMN / CONSTRAINT</c>: a comment is not part of the
/// snapshot, but the server refuses one on a table, column or constraint that does not exist, and
/// the migration stops there. Reported only where the engine is sure: the name is no tracked
/// table and nothing else that could hold it (a view, materialized view, foreign table or
/// composite type, which COMMENT ON COLUMN also takes), or the tracked table lacks the column.
/// </summary>
internal static class CommentTargets
{
    // Columns every table has, which COMMENT ON COLUMN accepts (checked on PostgreSQL 15).
    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal) { "ctid", "xmin", "xmax", "cmin", "cmax", "tableoid" };

    public static Catalog Check(Catalog catalog, CommentOnStatement s, ApplyContext context)
    {
        // Written without a schema, the name finds the session's temporary table first.
        if (TemporaryTables.Names(s.Table, s, context)) return catalog;
        if (!catalog.Tables.TryGetValue(s.Table, out var table))
        {
            if (IsSurelyMissing(catalog, s.Table, context))
            {
                context.Error(DiagnosticCodes.TableNotFound, $"COMMENT ON {Kind(s.Target)} names {context.Show(s.Table)}, but no earlier migration creates it (or it was renamed or dropped): PostgreSQL refuses the statement (SQLSTATE 42P01, relation does not exist) and the migration stops here. Fix the name (quoted names keep their case), or remove the comment.", s.TableAt);
            }

            return catalog;
        }

        switch (s.Target)
        {
            case CommentTarget.Column when table.FindColumn(s.Member!, context.Rules.Dialect) is null && !SystemColumns.Contains(s.Member!):
                var known = string.Join(", ", table.Columns.Select(c => context.Show(c.Name)));
                context.Error(DiagnosticCodes.ColumnNotFound, $"COMMENT ON COLUMN names column {context.Show(s.Member!)}, but table {context.Show(s.Table)} has no such column (it has {(known.Length == 0 ? "no columns" : known)}): PostgreSQL refuses the statement (SQLSTATE 42703, undefined column) and the migration stops here. Fix the column name (quoted names keep their case), or remove the comment.", s.MemberAt);
                break;
            case CommentTarget.Constraint when !HasConstraint(table, s.Member!):
                // A warning, as for DROP CONSTRAINT: the names the server generates are reproduced on a best-effort basis.
                context.Warning(DiagnosticCodes.ConstraintNotFound, $"COMMENT ON CONSTRAINT names {context.Show(s.Member!)}, but table {context.Show(s.Table)} has no constraint of that name that SchemaTasks knows of: PostgreSQL refuses the statement (SQLSTATE 42704, undefined object) and the migration stops here. If the server generated the name, check it; otherwise fix the name, or remove the comment.", s.MemberAt);
                break;
        }

        return catalog;
    }

    private static bool HasConstraint(CatalogTable table, string name)
        => ConstraintNames.Exists(table, name) || table.Keys.ContainsKey(name);

    // As a foreign key's missing target is judged (PostgresForeignKeyChecks): in a schema the
    // migrations make, of a name no relation (an index or sequence too) or type the engine knows
    // of, or may not know of, has. Another kind of relation is refused as well, but otherwise
    // (42809), and COMMENT ON COLUMN takes a view's, foreign table's or composite type's column.
    internal static bool IsSurelyMissing(Catalog catalog, QualifiedName name, ApplyContext context)
        => catalog.Schemas.Contains(name.Schema)
           && !context.IsPassedOver(name)
           && !catalog.Relations.MayHoldUnknown(name.Schema)
           && catalog.PostgresNameCount(name, PostgresNameSpaces.Relation) == 0
           && !catalog.OtherTypes.Contains(name) && !catalog.EnumTypes.ContainsKey(name) && !catalog.Domains.ContainsKey(name)
           && context.UndecidedTypes.BlockCreating(name) is null;

    private static string Kind(CommentTarget target) => target switch
    {
        CommentTarget.Column => "COLUMN",
        CommentTarget.Constraint => "CONSTRAINT",
        _ => "TABLE",
    };
}
