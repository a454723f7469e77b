namespace SchemaTasks.Schema;

/// <summary>
/// Types that a DO block SchemaTasks could not decide (ST2020) may have created, with where that
/// block is; shared by the whole run. The block's error is the one to act on: a later statement
/// that needs one of these types is still reported, but as a consequence of that block, so the
/// user is sent to the cause rather than told to create a type the block creates.
/// </summary>
internal sealed class UndecidedTypes
{
    private readonly Dictionary<QualifiedName, string> _where = [];

    /// <summary>Notes that the undecided block at <paramref name="where"/> (file(line,col)) may create <paramref name="name"/>.</summary>
    public void Add(QualifiedName name, string where) => _where.TryAdd(name, where);

    /// <summary>Where the undecided block that may create <paramref name="name"/> is, or <see langword="null"/>.</summary>
    public string? BlockCreating(QualifiedName name) => _where.GetValueOrDefault(name);
}
