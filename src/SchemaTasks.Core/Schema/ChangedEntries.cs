using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// The entries of one version of a catalog's objects that are not the same objects in another:
/// what an index kept beside a catalog (<see cref="PostgresSchemaNames"/>, <see cref="ForeignKeyTargets"/>)
/// brings up to date when it meets a catalog made without telling it.
/// </summary>
internal static class ChangedEntries
{
    /// <summary>Calls <paramref name="changed"/> with each name whose object differs between <paramref name="before"/> and <paramref name="after"/> (<see langword="null"/> where it is absent).</summary>
    public static void Visit<T>(ImmutableSortedDictionary<QualifiedName, T> before, ImmutableSortedDictionary<QualifiedName, T> after, Action<QualifiedName, T?, T?> changed)
        where T : class
    {
        foreach (var (name, now) in after)
        {
            var old = before.TryGetValue(name, out var found) ? found : null;
            if (!ReferenceEquals(old, now)) changed(name, old, now);
        }

        foreach (var (name, old) in before)
        {
            if (!after.ContainsKey(name)) changed(name, old, null);
        }
    }
}
