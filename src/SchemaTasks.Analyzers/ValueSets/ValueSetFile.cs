using System;
using System.Collections.Generic;
using System.Text;

namespace SchemaTasks.Analyzers.ValueSets;

/// <summary>
/// Reads <c>schematasks.valuesets</c>, which the build writes from the migrated schema
/// (format in docs/value-sets-format.md). A line format rather than JSON keeps the analyzer
/// free of dependencies the compiler host may not have.
/// </summary>
internal static class ValueSetFile
{
    public const string FileName = "schematasks.valuesets";
    private const string Header = "schematasks-value-sets";

    /// <summary>The objects in <paramref name="text"/>, or an error message saying what is wrong.</summary>
    public static (ValueSetCatalog? Catalog, string? Error) Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split('\t');
        if (header.Length < 3 || header[0] != Header || header[1] != "1")
        {
            return (null, "the value-set file is not in format 1; rebuild with the same SchemaTasks.Build version");
        }

        var objects = new List<ValueSetObject>();
        string[]? current = null;
        var values = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            switch (fields[0])
            {
                case "object" when fields.Length == 7:
                    Flush();
                    current = fields;
                    break;
                case "value" when fields.Length == 2 && current is not null:
                    values.Add(Unescape(fields[1]));
                    break;
                default:
                    return (null, $"line {i + 1} of the value-set file is not understood; rebuild the project");
            }
        }

        Flush();
        return (new ValueSetCatalog(header[2], objects), null);

        void Flush()
        {
            if (current is null)
            {
                return;
            }

            objects.Add(new ValueSetObject(
                current[1], Unescape(current[2]), Unescape(current[3]), Unescape(current[4]),
                Unescape(current[5]), Unescape(current[6]), values.ToArray()));
            values.Clear();
        }
    }

    private static string Unescape(string field)
    {
        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var result = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                i++;
                result.Append(field[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => field[i] });
            }
            else
            {
                result.Append(field[i]);
            }
        }

        return result.ToString();
    }
}
