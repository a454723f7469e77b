using System.Text.RegularExpressions;
using SchemaTasks.Migrations;

namespace SchemaTasks.Migrator;

/// <summary>The part of an embedded migration file that is applied, and where it starts.</summary>
/// <param name="Text">The SQL to run.</param>
/// <param name="FirstLine">The file line <paramref name="Text"/> starts on, so errors point into the file.</param>
/// <param name="NoTransaction">Whether the file itself asks to run without a transaction (dbmate's <c>transaction:false</c>).</param>
internal sealed partial record AppliedScript(string Text, int FirstLine, bool NoTransaction)
{
    /// <summary>
    /// The whole file, except for dbmate, whose files hold both directions: only the
    /// <c>-- migrate:up</c> section runs, as the build reads it.
    /// </summary>
    public static AppliedScript Of(MigrationLayout layout, EmbeddedMigration migration)
    {
        var text = migration.Text;
        if (layout != MigrationLayout.Dbmate || DbmateUp().Match(text) is not { Success: true } up)
        {
            return new AppliedScript(text, 1, false);
        }

        var start = up.Index + up.Length;
        var down = DbmateDown().Match(text, start);
        var body = text[start..(down.Success ? down.Index : text.Length)];
        var line = 1 + text.AsSpan(0, start).Count('\n');
        return new AppliedScript(body, line, up.Groups["options"].Value.Contains("transaction:false", StringComparison.Ordinal));
    }

    // The same markers MigrationDiscovery reads when the build parses a dbmate folder.
    [GeneratedRegex(@"^--\s*migrate:up\b(?<options>.*)$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex DbmateUp();

    [GeneratedRegex(@"^--\s*migrate:down\b.*$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex DbmateDown();
}
