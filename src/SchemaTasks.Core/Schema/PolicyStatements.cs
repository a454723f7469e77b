using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Keeps PostgreSQL's row security policies on their tables, for the columns their USING and
/// WITH CHECK expressions use. Nothing here is refused: a policy on a table the migrations do not
/// create, or one of a name taken, is left out, as it changes no tracked object.
/// </summary>
internal static class PolicyStatements
{
    public static Catalog Create(Catalog catalog, CreatePolicyStatement s, ApplyContext context)
    {
        if (!catalog.Tables.TryGetValue(s.Table, out var table) || table.Policies.ContainsKey(s.Name)) return catalog;
        var policy = new TablePolicy(Resolve(catalog, s.Using, s, context), Resolve(catalog, s.Check, s, context));
        if (!catalog.Relations.PoliciesMade) catalog = catalog.WithRelations(catalog.Relations with { PoliciesMade = true });
        return catalog.WithTable(s.Table, table with { Policies = table.Policies.Add(s.Name, policy) });
    }

    public static Catalog Alter(Catalog catalog, AlterPolicyStatement s, ApplyContext context)
    {
        if (!catalog.Tables.TryGetValue(s.Table, out var table) || !table.Policies.TryGetValue(s.Name, out var policy)) return catalog;
        var altered = new TablePolicy(Resolve(catalog, s.Using, s, context) ?? policy.Using, Resolve(catalog, s.Check, s, context) ?? policy.Check);
        return catalog.WithTable(s.Table, table with { Policies = table.Policies.SetItem(s.Name, altered) });
    }

    public static Catalog Rename(Catalog catalog, RenamePolicyStatement s)
    {
        if (!catalog.Tables.TryGetValue(s.Table, out var table) || !table.Policies.TryGetValue(s.Name, out var policy) || table.Policies.ContainsKey(s.NewName)) return catalog;
        return catalog.WithTable(s.Table, table with { Policies = table.Policies.Remove(s.Name).Add(s.NewName, policy) });
    }

    public static Catalog Drop(Catalog catalog, DropPolicyStatement s)
        => catalog.Tables.TryGetValue(s.Table, out var table) && table.Policies.ContainsKey(s.Name)
            ? catalog.WithTable(s.Table, table with { Policies = table.Policies.Remove(s.Name) })
            : catalog;

    /// <summary>
    /// DROP FUNCTION ... CASCADE: the policies that call the routine go too. The engine does not
    /// record which routines they call, so no policy is counted any longer: a refusal they would
    /// cause is not reported, never a false one. (The views it takes are <see cref="ViewCascade"/>'s.)
    /// </summary>
    public static Catalog ForgetRoutineUsers(Catalog catalog)
    {
        foreach (var (name, table) in catalog.Tables.Where(t => !t.Value.Policies.IsEmpty).ToList())
        {
            catalog = catalog.WithTable(name, table with { Policies = table.Policies.Clear() });
        }

        return catalog;
    }

    private static ViewUses? Resolve(Catalog catalog, ViewQueryReferences? expression, SqlStatement s, ApplyContext context)
        => expression is null ? null : ViewDependencies.Resolve(catalog, expression, context.Where(s.At), context.Rules);
}

/// <summary>A row security policy: what its USING and WITH CHECK expressions use (<see langword="null"/> when it has none).</summary>
internal sealed record TablePolicy(ViewUses? Using, ViewUses? Check);
