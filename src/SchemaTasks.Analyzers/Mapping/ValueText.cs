using System.Collections.Generic;
using System.Linq;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>Values as the analyzer's messages show them: in single quotes, whatever the dialect.</summary>
internal static class ValueText
{
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    public static string QuoteList(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));
}
