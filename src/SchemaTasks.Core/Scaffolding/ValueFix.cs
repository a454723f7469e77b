namespace SchemaTasks.Scaffolding;

/// <summary>A value the code needs, and the fix template of the object that must allow it.</summary>
/// <param name="Template">The object's fix template (see <c>docs/value-sets-format.md</c>), with <c>{value}</c> for the new value.</param>
/// <param name="Value">The value the code uses.</param>
internal sealed record ValueFix(string Template, string Value);
