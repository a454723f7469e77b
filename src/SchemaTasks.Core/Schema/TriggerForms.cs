using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The trigger forms PostgreSQL does not support, which it refuses once it knows the relation is a
/// table or view it may give triggers (checked on PostgreSQL 15, in this order): TRUNCATE FOR EACH
/// ROW (0A000); an INSTEAD OF trigger that is not FOR EACH ROW, has a WHEN condition or an UPDATE OF
/// column list (0A000); transition tables (REFERENCING) on a view (42809).
/// </summary>
internal static class TriggerForms
{
    /// <summary>Reports and returns true when the server refuses the form of <paramref name="s"/>, on a table (<paramref name="table"/>) or a view (null).</summary>
    public static bool Refuses(CreateTriggerStatement s, CatalogTable? table, ApplyContext context)
    {
        var head = $"CREATE TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}";
        if (s.Truncate && s.ForEachRow)
        {
            context.Error(DiagnosticCodes.TriggerRefused, $"{head}: PostgreSQL refuses row-level TRUNCATE triggers (SQLSTATE 0A000, TRUNCATE FOR EACH ROW triggers are not supported). Make the trigger FOR EACH STATEMENT, or take TRUNCATE out of its events.", s.At);
            return true;
        }

        if (s.Timing == TriggerTiming.InsteadOf)
        {
            var (why, at) = !s.ForEachRow ? ("must be FOR EACH ROW", s.At)
                : s.WhenAt is { } when ? ("cannot have WHEN conditions", when)
                : !s.UpdateColumns.IsEmpty ? ("cannot have column lists", s.UpdateColumns[0].At)
                : (null, s.At);
            if (why is not null)
            {
                context.Error(DiagnosticCodes.TriggerRefused, $"{head}: PostgreSQL refuses it (SQLSTATE 0A000, INSTEAD OF triggers {why}). An INSTEAD OF trigger fires once for each row the statement on the view would change, for the whole event: write FOR EACH ROW, and test the row (or the columns) in its function.", at);
                return true;
            }
        }

        if (table is null && s.ReferencingAt is { } referencing)
        {
            context.Error(DiagnosticCodes.TableNotFound, $"{head}: {context.Show(s.Table)} is a view, and PostgreSQL refuses transition tables on triggers of views (SQLSTATE 42809, wrong object type). Leave out REFERENCING, or put the trigger on a table.", referencing);
            return true;
        }

        return false;
    }
}
