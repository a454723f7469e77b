namespace SchemaTasks.Schema;

/// <summary>
/// The views and materialized views that call a PostgreSQL function a DROP FUNCTION drops: the
/// server records the function the call resolved to, refuses the drop without CASCADE (2BP01)
/// and with it drops them, and the views that read them. A view's calls are kept by name only
/// (<see cref="Sql.ViewQueryMentions"/>), so a call is taken as surely this function's only where
/// no other function can have the name: called with the function's schema, or unqualified with
/// the function in <c>public</c>, no routine of the name the migrations created elsewhere, and
/// none of pg_catalog, of an extension or of a DO block (<see cref="RoutineReturnTypes.MayBeOther"/>).
/// Otherwise, or when the view's query was not read, the view may call it.
/// </summary>
internal static class RoutineViewCallers
{
    /// <summary>The views that surely call <paramref name="routine"/>, and those that may; read before the drop forgets it.</summary>
    public static (List<QualifiedName> Surely, List<QualifiedName> Maybe) Find(Catalog catalog, QualifiedName routine, ApplyContext context)
    {
        List<QualifiedName> surely = [];
        List<QualifiedName> maybe = [];
        if (catalog.Relations.Named.IsEmpty) return (surely, maybe);
        bool? unqualifiedIsSure = null;
        foreach (var (name, relation) in catalog.Relations.Named)
        {
            if (relation.Kind is not ('v' or 'm')) continue;
            if (relation.Uses is not { } uses)
            {
                maybe.Add(name);
                continue;
            }

            var calls = uses.Mentions.Calls;
            if (calls.Contains(routine))
            {
                surely.Add(name);
            }
            else if (calls.Contains(new QualifiedName(string.Empty, routine.Name)))
            {
                unqualifiedIsSure ??= routine.Schema == Catalog.Empty(SqlDialect.Postgres).DefaultSchema
                    && !context.Overloads.Names.Any(n => n.Name == routine.Name && n.Schema != routine.Schema)
                    && !context.Overloads.Returns.MayBeOther(catalog, routine.Name);
                (unqualifiedIsSure.Value ? surely : maybe).Add(name);
            }
        }

        return (surely, maybe);
    }

    /// <summary>The view as a message names it.</summary>
    public static string Describe(Catalog catalog, QualifiedName view, ApplyContext context)
        => $"{(catalog.Relations.Named.TryGetValue(view, out var relation) && relation.Kind == 'm' ? "materialized view" : "view")} {context.Show(view)}";
}
