using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// ALTER SEQUENCE ... RENAME TO / SET SCHEMA, DROP SEQUENCE, and ALTER TABLE naming a sequence
/// (PostgreSQL lets ALTER TABLE rename and move any relation). The engine knows a sequence only
/// through the column defaults that use it (<see cref="SequenceDefaults"/>); a sequence no
/// default uses changes nothing tracked, so statements about it are left alone.
/// </summary>
internal static class SequenceStatements
{
    public static Catalog Rename(Catalog catalog, RenameSequenceStatement s, ApplyContext context)
        => Rename(catalog, s.Name, s.NewName, context, s.At);

    public static Catalog Drop(Catalog catalog, DropSequenceStatement s, ApplyContext context)
    {
        foreach (var name in s.Names)
        {
            var users = SequenceDefaults.Users(catalog, name, context.Rules);
            if (users.Count == 0) continue;
            if (!s.Cascade)
            {
                context.Error(DiagnosticCodes.SequenceInUse, $"DROP SEQUENCE {context.Show(name)} would fail: the defaults of {string.Join(", ", users)} still use it. Drop or change those defaults first (ALTER COLUMN ... DROP DEFAULT), or add CASCADE (which drops them).", s.At);
                continue;
            }

            catalog = SequenceDefaults.Change(catalog, name, renamed: null, context.Rules);
        }

        return catalog;
    }

    /// <summary>Whether ALTER TABLE <paramref name="name"/> names a sequence the engine knows, rather than a missing table.</summary>
    public static bool IsKnown(Catalog catalog, QualifiedName name, ApplyContext context)
        => context.IsPostgres && SequenceDefaults.Users(catalog, name, context.Rules).Count > 0;

    /// <summary>ALTER TABLE on a sequence: RENAME TO and SET SCHEMA apply to it as ALTER SEQUENCE would.</summary>
    public static Catalog AlterAsTable(Catalog catalog, AlterTableStatement s, ApplyContext context)
    {
        var name = s.Name;
        foreach (var action in s.Actions)
        {
            if (action is not RenameTableAction rename)
            {
                context.Error(DiagnosticCodes.TableNotFound, $"ALTER TABLE names {context.Show(name)}, which is a sequence (column defaults use it), not a table; only RENAME TO and SET SCHEMA apply to it. Fix the name.", action.At);
                return catalog;
            }

            var target = rename.Target(name, postgres: true);
            catalog = Rename(catalog, name, target, context, action.At);
            name = target;
        }

        return catalog;
    }

    private static Catalog Rename(Catalog catalog, QualifiedName from, QualifiedName to, ApplyContext context, SqlToken at)
    {
        if (from == to || SequenceDefaults.Users(catalog, from, context.Rules).Count == 0) return catalog;
        if (from.Schema != to.Schema)
        {
            // The server refuses to move a sequence a column owns (serial, OWNED BY) and moves any
            // other; which kind this is the engine does not track.
            context.Error(DiagnosticCodes.UnsupportedStatement, $"Sequence {context.Show(from)} is moved to schema {context.Show(to.Schema)}: PostgreSQL refuses that for a sequence a column owns (a serial column's, or one with OWNED BY) and moves any other, and SchemaTasks does not track which it is, so the defaults that use it ({string.Join(", ", SequenceDefaults.Users(catalog, from, context.Rules))}) cannot be followed. Move the table instead (ALTER TABLE ... SET SCHEMA moves the sequences it owns), or set those defaults again after the move.", at);
            return catalog;
        }

        if (!TypeStatements.CheckSchema(catalog, to, context, at)) return catalog;
        if (catalog.Tables.ContainsKey(to) || SequenceDefaults.Users(catalog, to, context.Rules).Count > 0)
        {
            context.Error(DiagnosticCodes.TableExists, $"Sequence {context.Show(from)} cannot be renamed or moved to {context.Show(to)}: a relation of that name already exists. Choose another name.", at);
            return catalog;
        }

        return SequenceDefaults.Change(catalog, from, to, context.Rules);
    }
}
