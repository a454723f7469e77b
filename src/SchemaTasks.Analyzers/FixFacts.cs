namespace SchemaTasks.Analyzers;

/// <summary>
/// What an undeclared-value diagnostic (ST4001) tells the IDE's code fixes, under these
/// property keys: the fixes read the analyzer's findings instead of working them out again.
/// </summary>
internal static class FixFacts
{
    /// <summary>The declared values close to the undeclared one, best first, separated by <see cref="Separator"/>.</summary>
    public const string NearMissesProperty = "SchemaTasks.NearMisses";

    /// <summary>
    /// On an enum member of a <c>[DbEnum]</c> enum: the <c>DbNaming</c> member under which every
    /// member of the enum maps to a declared value.
    /// </summary>
    public const string NamingProperty = "SchemaTasks.Naming";

    /// <summary>Separates the near misses; a control character no label is expected to hold.</summary>
    public const char Separator = '\u001f';
}
