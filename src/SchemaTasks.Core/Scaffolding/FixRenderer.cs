using System.Text;
using SchemaTasks.Sql;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Scaffolding;

/// <summary>
/// Turns the values the code needs into the SQL of one migration. Values for the same object
/// share one statement where the statement takes a list (MODIFY COLUMN, CHECK, domain), so
/// MySQL's ENUM is restated once with every new value; <c>ADD VALUE</c> takes one value per
/// statement and is repeated.
/// </summary>
public static class FixRenderer
{
    /// <summary>The statements, one per line, in the order the templates first appear.</summary>
    public static string Render(IEnumerable<ValueFix> fixes, SqlDialect dialect)
    {
        var rules = IdentifierRules.For(dialect);
        var output = new StringBuilder();
        foreach (var group in fixes.GroupBy(f => f.Template, StringComparer.Ordinal))
        {
            var values = group.Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList();
            foreach (var statement in SplitStatements(group.Key))
            {
                if (statement.Contains("ADD VALUE " + FixTemplates.ValuePlaceholder, StringComparison.Ordinal))
                {
                    foreach (var value in values)
                    {
                        output.Append(statement.Replace(FixTemplates.ValuePlaceholder, rules.QuoteString(value), StringComparison.Ordinal)).Append('\n');
                    }
                }
                else
                {
                    var list = string.Join(", ", values.Select(rules.QuoteString));
                    output.Append(statement.Replace(FixTemplates.ValuePlaceholder, list, StringComparison.Ordinal)).Append('\n');
                }
            }
        }

        return output.ToString();
    }

    private static string[] SplitStatements(string template)
        => template.Split(FixTemplates.StatementSeparator, StringSplitOptions.RemoveEmptyEntries);
}
