namespace SchemaTasks.Schema;

/// <summary>
/// A PL/pgSQL variable in scope, as a condition reads it: its boolean value when the block's text
/// decides it, or <see langword="null"/> with the reason it is not known (not a variable followed
/// here, NULL, or set in a way SchemaTasks does not model). For an integer that holds a row count
/// (<see cref="IsCount"/>) the value says whether the count is other than zero: all that a count
/// of catalog rows tells.
/// </summary>
/// <param name="Name">The variable's folded name.</param>
/// <param name="Value">Its value, or <see langword="null"/> when not known.</param>
/// <param name="WhyUnknown">Why the value is not known, phrased to follow "which"; <see langword="null"/> when it is known.</param>
internal sealed record PlpgsqlVariableValue(string Name, bool? Value, string? WhyUnknown)
{
    /// <summary>Whether the variable is an integer, read only compared with 0 (or 1): <see cref="Value"/> is whether it is not zero.</summary>
    public bool IsCount { get; init; }
}
