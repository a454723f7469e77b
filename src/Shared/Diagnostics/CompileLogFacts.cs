namespace SchemaTasks.Diagnostics;

/// <summary>
/// What the analyzer tells the build through the compiler's error log (docs/msbuild.md): the
/// diagnostic codes the build reads, and the property keys an undeclared-value diagnostic
/// carries for scaffolding. The analyzer writes them and the build task reads them, from this
/// one file.
/// </summary>
internal static class CompileLogFacts
{
    /// <summary>The one-line summary of the enum check.</summary>
    public const string SummaryCode = "ST4000";

    /// <summary>A value the code uses and the schema does not declare.</summary>
    public const string UndeclaredValueCode = "ST4001";

    /// <summary>How many SQL strings the check could not read; shown at detailed verbosity.</summary>
    public const string SqlSkippedCode = "ST4007";

    /// <summary>The fix template of an undeclared value (see FixSql).</summary>
    public const string FixTemplateProperty = "SchemaTasks.FixTemplate";

    /// <summary>The undeclared value itself.</summary>
    public const string ValueProperty = "SchemaTasks.Value";
}
