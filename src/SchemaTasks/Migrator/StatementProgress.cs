using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>How many statements of a failed migration ran, when that can be known.</summary>
/// <param name="Ran">The count, or <see langword="null"/> when it cannot be known.</param>
/// <param name="Evidence">How it is known, or why it is not, in words.</param>
internal sealed partial record StatementProgress(int? Ran, string Evidence)
{
    /// <summary>
    /// Reads the history row first: a rolled-back migration ran nothing; a recorded error names
    /// the statement that failed, and those before it ran. A row without an error belongs to a
    /// process that died: the statements the row counts ran (MySQL), and the next ones are
    /// looked for in the live schema, one at a time, while each changes something it can see.
    /// </summary>
    /// <param name="row">The failed history row.</param>
    /// <param name="nothingRemains">Whether the provider reads from the row that nothing of it ran or remains.</param>
    /// <param name="steps">The migration's statements, or <see langword="null"/> when this build's text is not the text that ran.</param>
    /// <param name="live">The live schema.</param>
    public static StatementProgress Of(AppliedMigration row, bool nothingRemains, MigrationSteps? steps, Schema.Catalog live)
    {
        if (nothingRemains)
        {
            return new(0, "nothing of it ran or remains");
        }

        if (row.Error is { } error && Failed().Match(error) is { Success: true } failed)
        {
            var ran = int.Parse(failed.Groups["n"].Value, CultureInfo.InvariantCulture) - 1;
            return new(ran, ran == 0 ? "its first statement failed" : $"{Count(ran)} ran, statement {ran + 1} failed");
        }

        if (steps is null)
        {
            return new(null, $"the process applying it stopped without recording an error, and this build's text of it differs from the text that ran (recorded SHA-256 {row.Checksum?.Trim() ?? "none"}), so the database cannot show how far that text got");
        }

        var known = row.StepsApplied ?? 0;
        for (var i = known; i < steps.Statements.Count; i++)
        {
            var changes = steps.Changes(i, live);
            if (changes.Count == 0)
            {
                return new(null, $"the process applying it stopped without recording an error after {Count(i)} ran; {steps.Name(i)} may have run, and it changes nothing repair can see in the database ({steps.Touches(i)})");
            }

            if (changes.All(c => !c.Done)) return new(i, $"the process applying it stopped; {Count(i)} ran (the database shows none of {steps.Name(i)})");
            if (!changes.All(c => c.Done))
            {
                return new(null, $"the process applying it stopped; the database holds only part of what {steps.Name(i)} changes ({string.Join("; ", changes)})");
            }
        }

        return new(steps.Statements.Count, "every statement ran; the process stopped before recording success");
    }

    private static string Count(int ran) => ran switch
    {
        0 => "no statement",
        1 => "statement 1",
        _ => $"statements 1 to {ran}",
    };

    // The text MigrationFailure.Recorded writes.
    [GeneratedRegex(@"^(?:Rolled back\. )?Statement (?<n>\d+) of \d+ \(line \d+\) failed", RegexOptions.CultureInvariant)]
    private static partial Regex Failed();
}
