using System.Collections.Generic;
using System.Linq;
using SchemaTasks.Analyzers.ValueSets;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>Fills an object's fix template with the value the code needs.</summary>
internal static class FixSql
{
    public static string For(ValueSetObject target, string newValue)
    {
        var values = target.Values.Concat(new[] { newValue }).Select(Quote);
        return target.FixTemplate
            .Replace("{values}", string.Join(", ", values))
            .Replace("{value}", Quote(newValue));
    }

    public static string QuoteList(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    // Doubling the quote is the escape both PostgreSQL and MySQL accept in every sql_mode.
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
