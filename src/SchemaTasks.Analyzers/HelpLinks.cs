namespace SchemaTasks.Analyzers;

/// <summary>
/// Where each diagnostic is explained: its section of docs/diagnostics.md, which the IDE opens
/// from the error list. A test checks every descriptor's fragment against the page's headings.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The published diagnostics page; the one place that names where the docs live.</summary>
    public const string Page = "https://github.com/schematasks/schematasks/blob/main/docs/diagnostics.md";

    /// <summary>The link to the section whose heading GitHub turns into <paramref name="fragment"/>.</summary>
    public static string For(string fragment) => Page + "#" + fragment;
}
