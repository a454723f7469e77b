using Microsoft.Build.Framework;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Build;

/// <summary>
/// Prints the analyzer's one-line summary (ST4000: values checked, mappings, problems) at
/// normal verbosity, and how many SQL strings it could not read (ST4007) at detailed verbosity;
/// the compiler itself keeps informational diagnostics to its error log.
/// </summary>
public sealed class ReportSchemaCheckSummary : Microsoft.Build.Utilities.Task
{
    private const string Summary = CompileLogFacts.SummaryCode;
    private const string SqlSkipped = CompileLogFacts.SqlSkippedCode;

    /// <summary>The compile's SARIF 2.1 error log.</summary>
    [Required]
    public string ErrorLogFile { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        foreach (var result in CompileLog.Read(ErrorLogFile).Where(r => r.RuleId is Summary or SqlSkipped))
        {
            Log.LogMessage(result.RuleId == Summary ? MessageImportance.Normal : MessageImportance.Low, "{0}", result.Message);
        }

        return true;
    }
}
