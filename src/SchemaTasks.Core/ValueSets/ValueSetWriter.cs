using System.Text;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.ValueSets;

/// <summary>
/// Writes every allowed-value set of a schema in the line format the SchemaTasks analyzer
/// reads while compiling (docs/value-sets-format.md): each enum type, and each column whose
/// values an enum type, inline ENUM or SET, domain or CHECK constraint restricts, with the
/// migration that would add a value. A line format keeps the analyzer free of dependencies.
/// </summary>
public static class ValueSetWriter
{
    /// <summary>The file name the analyzer looks for among its additional files.</summary>
    public const string FileName = "schematasks.valuesets";

    /// <summary>The value-set file of <paramref name="catalog"/>; deterministic, LF line endings.</summary>
    public static string Write(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var rules = IdentifierRules.For(catalog.Dialect);
        var output = new StringBuilder();
        output.Append("schematasks-value-sets\t1\t").Append(catalog.Dialect.ToName()).Append('\n');

        foreach (var type in catalog.EnumTypes.Values)
        {
            WriteObject(output, "enum", type.Name.Schema, type.Name.Name, "", $"enum type {rules.Quote(type.Name)}", FixTemplates.ForEnumType(catalog, type.Name), type.Labels);
        }

        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (catalog.GetAllowedValues(table.Name, column.Name) is not { } allowed)
                {
                    continue;
                }

                var sources = string.Join(", ", allowed.Sources.Select(s => Describe(catalog, rules, s)));
                var description = $"column {rules.Quote(table.Name)}.{rules.Quote(column.Name)} ({sources})";
                WriteObject(output, "column", table.Name.Schema, table.Name.Name, column.Name, description, FixTemplates.ForColumn(catalog, table, column, allowed), allowed.Values);
            }
        }

        return output.ToString();
    }

    private static string Describe(Catalog catalog, IdentifierRules rules, AllowedValuesSource source) => source.Kind switch
    {
        AllowedValuesSourceKind.EnumType => $"enum type {rules.Quote(FixTemplates.ParseName(catalog, source.Name))}",
        AllowedValuesSourceKind.InlineEnum => "ENUM",
        AllowedValuesSourceKind.InlineSet => "SET",
        AllowedValuesSourceKind.Domain => $"domain {rules.Quote(FixTemplates.ParseName(catalog, source.Name))}",
        _ => $"CHECK {rules.Quote(source.Name)}",
    };

    private static void WriteObject(StringBuilder output, string kind, string schema, string name, string column, string description, string fix, IEnumerable<string> values)
    {
        output.Append("object\t").Append(kind);
        foreach (var field in new[] { schema, name, column, description, fix })
        {
            output.Append('\t');
            AppendEscaped(output, field);
        }

        output.Append('\n');
        foreach (var value in values)
        {
            output.Append("value\t");
            AppendEscaped(output, value);
            output.Append('\n');
        }
    }

    private static void AppendEscaped(StringBuilder output, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '\t' => output.Append(@"\t"),
                '\n' => output.Append(@"\n"),
                '\r' => output.Append(@"\r"),
                '\\' => output.Append(@"\\"),
                _ => output.Append(c),
            };
        }
    }
}
