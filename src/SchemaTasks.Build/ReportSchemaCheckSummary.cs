using Microsoft.Build.Framework;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Build;

/// <summary>
/// Prints the analyzer's one-line summary (ST4000: values checked, mappings, problems) at
/// normal verbosity; the compiler itself keeps informational diagnostics to its error log.
/// </summary>
public sealed class ReportSchemaCheckSummary : Microsoft.Build.Utilities.Task
{
    private const string Summary = CompileLogFacts.SummaryCode;

    /// <summary>The compile's SARIF 2.1 error log.</summary>
    [Required]
    public string ErrorLogFile { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        foreach (var summary in CompileLog.Read(ErrorLogFile).Where(r => r.RuleId == Summary))
        {
            Log.LogMessage(MessageImportance.Normal, "{0}", summary.Message);
        }

        return true;
    }
}
