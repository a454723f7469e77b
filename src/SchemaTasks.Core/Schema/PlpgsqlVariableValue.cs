namespace SchemaTasks.Schema;

/// <summary>
/// A PL/pgSQL variable in scope, as a condition reads it: its boolean value when the block's text
/// decides it, or <see langword="null"/> with the reason it is not known (not a boolean followed
/// here, NULL, or set in a way SchemaTasks does not model).
/// </summary>
/// <param name="Name">The variable's folded name.</param>
/// <param name="Value">Its value, or <see langword="null"/> when not known.</param>
/// <param name="WhyUnknown">Why the value is not known, phrased to follow "which"; <see langword="null"/> when it is known.</param>
internal sealed record PlpgsqlVariableValue(string Name, bool? Value, string? WhyUnknown);
