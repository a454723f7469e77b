using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.ValueSets;

/// <summary>
/// Fills fix templates (the migration that lets an object allow one more value, as the
/// value-set file carries it) with the values the code needs. The build's scaffolding and the
/// analyzer's messages both render through here, so the SQL a message shows is the SQL a
/// scaffolded migration holds.
/// </summary>
internal static class FixSql
{
    /// <summary>Where a template takes the new value (or values), quoted.</summary>
    public const string ValuePlaceholder = "{value}";

    /// <summary>Between the statements of a template: one per line.</summary>
    public const char StatementSeparator = '\n';

    private const string AddValue = "ADD VALUE " + ValuePlaceholder;

    /// <summary>
    /// The statements, one per line, in the order the templates first appear. Values for the
    /// same template share one statement where the statement takes a list (MODIFY COLUMN,
    /// CHECK, domain), so MySQL's ENUM is restated once with every new value; <c>ADD VALUE</c>
    /// takes one value per statement and is repeated.
    /// </summary>
    public static string Render(IEnumerable<(string Template, string Value)> fixes, QuotingStyle style)
    {
        var output = new StringBuilder();
        foreach (var group in fixes.GroupBy(f => f.Template, StringComparer.Ordinal))
        {
            var values = group.Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList();
            foreach (var statement in group.Key.Split(new[] { StatementSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (statement.IndexOf(AddValue, StringComparison.Ordinal) >= 0)
                {
                    foreach (var value in values)
                    {
                        output.Append(statement.Replace(ValuePlaceholder, SqlQuoting.StringLiteral(value, style))).Append('\n');
                    }
                }
                else
                {
                    var list = string.Join(", ", values.Select(v => SqlQuoting.StringLiteral(v, style)));
                    output.Append(statement.Replace(ValuePlaceholder, list)).Append('\n');
                }
            }
        }

        return output.ToString();
    }

    /// <summary>The fix for one value on one line, as a diagnostic message shows it.</summary>
    public static string OneLine(string template, string value, QuotingStyle style)
        => Render(new[] { (template, value) }, style).TrimEnd('\n').Replace(StatementSeparator, ' ');
}
