using SchemaTasks.Diagnostics;

namespace SchemaTasks.Schema;

/// <summary>The schema after every migration of a set, and what was found on the way.</summary>
public sealed class SchemaBuildResult
{
    internal SchemaBuildResult(Catalog initial, IReadOnlyList<Catalog> steps, IReadOnlyList<SchemaDiagnostic> diagnostics)
    {
        Initial = initial;
        Steps = steps;
        Diagnostics = diagnostics;
    }

    /// <summary>The schema before the first migration (an empty database).</summary>
    public Catalog Initial { get; }

    /// <summary>The schema after each migration: <c>Steps[i]</c> is the schema after migration <c>i</c>.</summary>
    public IReadOnlyList<Catalog> Steps { get; }

    /// <summary>The schema after the last migration.</summary>
    public Catalog Final => Steps.Count == 0 ? Initial : Steps[^1];

    /// <summary>Every finding, in migration and file order.</summary>
    public IReadOnlyList<SchemaDiagnostic> Diagnostics { get; }

    /// <summary>Whether any finding is an error (the catalogs are then not to be trusted).</summary>
    public bool HasErrors => SchemaDiagnostic.AnyError(Diagnostics);

    /// <summary>The schema before migration <paramref name="index"/> ran.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a migration's index.</exception>
    public Catalog Before(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Steps.Count);
        return index == 0 ? Initial : Steps[index - 1];
    }

    /// <summary>The schema after migration <paramref name="index"/> ran.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a migration's index.</exception>
    public Catalog After(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Steps.Count);
        return Steps[index];
    }
}
