namespace SchemaTasks.Schema;

/// <summary>
/// The column or domain a default belongs to, named in a refusal's message. The message is
/// written only when a default is refused; most are not, and formatting the names for each would
/// cost more than the checks themselves.
/// </summary>
/// <param name="Object">The column's table, or the domain.</param>
/// <param name="Column">The column's name, or <see langword="null"/> for a domain's default.</param>
internal readonly record struct DefaultOwner(QualifiedName Object, string? Column)
{
    /// <summary>The owner as messages name it: <c>column c of t</c>, or <c>domain d</c>.</summary>
    public string Describe(ApplyContext context)
        => Column is null ? $"domain {context.Show(Object)}" : $"column {context.Show(Column)} of {context.Show(Object)}";
}
