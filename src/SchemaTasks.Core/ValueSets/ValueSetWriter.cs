using SchemaTasks.Schema;

namespace SchemaTasks.ValueSets;

/// <summary>
/// Writes every allowed-value set of a schema in the line format the SchemaTasks analyzer
/// reads while compiling (docs/value-sets-format.md): each enum type, and each column whose
/// values an enum type, inline ENUM or SET, domain or CHECK constraint restricts, with the
/// migration that would add a value.
/// </summary>
internal static class ValueSetWriter
{
    /// <summary>The file name the analyzer looks for among its additional files.</summary>
    public const string FileName = ValueSetFile.FileName;

    /// <summary>The value-set file of <paramref name="catalog"/>; deterministic, LF line endings.</summary>
    public static string Write(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ValueSetFile.Write(Contents(catalog));
    }

    /// <summary>Writes the value-set file of <paramref name="catalog"/> to <paramref name="output"/> as it goes.</summary>
    public static void Write(Catalog catalog, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        ValueSetFile.Write(Contents(catalog), output);
    }

    private static ValueSetContents Contents(Catalog catalog) => new(catalog.Dialect.ToName(), Objects(catalog).ToList());

    private static IEnumerable<ValueSetObject> Objects(Catalog catalog)
    {
        foreach (var type in catalog.EnumTypes.Values)
        {
            yield return new ValueSetObject(
                ValueSetObjectKind.EnumType, type.Name.Schema, type.Name.Name, "", $"enum type {FixTemplates.Quote(catalog, type.Name)}",
                FixTemplates.ForEnumType(catalog, type.Name), type.Labels);
        }

        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (catalog.AllowedValuesOf(table, column, table.Name) is not { } allowed)
                {
                    continue;
                }

                var sources = string.Join(", ", allowed.Sources.Select(s => Describe(catalog, column, s)));
                var description = $"column {FixTemplates.Quote(catalog, table.Name)}.{FixTemplates.Quote(catalog, column.Name)} ({sources})";
                yield return new ValueSetObject(
                    ValueSetObjectKind.Column, table.Name.Schema, table.Name.Name, column.Name, description,
                    FixTemplates.ForColumn(catalog, table, column, allowed), allowed.Values);
            }
        }
    }

    private static string Describe(Catalog catalog, CatalogColumn column, AllowedValuesSource source) => source.Kind switch
    {
        AllowedValuesSourceKind.EnumType => $"enum type {FixTemplates.Quote(catalog, TypeSourceNames.Of(catalog, column, source))}",
        AllowedValuesSourceKind.InlineEnum => "ENUM",
        AllowedValuesSourceKind.InlineSet => "SET",
        AllowedValuesSourceKind.Domain => $"domain {FixTemplates.Quote(catalog, TypeSourceNames.Of(catalog, column, source))}",
        _ => $"CHECK {FixTemplates.Quote(catalog, source.Name)}",
    };
}
