using System.Collections.Generic;
using System.Linq;
using SchemaTasks.Analyzers.ValueSets;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>Fills an object's fix template with the value the code needs.</summary>
internal static class FixSql
{
    public static string For(ValueSetObject target, string newValue, string dialect)
    {
        var values = target.Values.Concat(new[] { newValue }).Select(v => Literal(v, dialect));
        return target.FixTemplate
            .Replace("{values}", string.Join(", ", values))
            .Replace("{value}", Literal(newValue, dialect))
            .Replace("\n", " "); // A diagnostic is one line; statements already end with ';'.
    }

    /// <summary>Values as a message lists them.</summary>
    public static string QuoteList(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    /// <summary>A value as a message shows it.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    // A string literal as the dialect reads it: MySQL also treats the backslash as an escape.
    private static string Literal(string value, string dialect)
        => dialect is "mysql" or "mariadb" ? Quote(value.Replace("\\", "\\\\")) : Quote(value);
}
