using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Keeps serial defaults, <c>nextval('schema.seq'::regclass)</c>, true when their sequence moves
/// to another schema: PostgreSQL holds the sequence by OID and shows its current name, and an
/// owned sequence moves with its schema (ALTER SCHEMA RENAME) and its table (SET SCHEMA).
/// </summary>
internal static class SequenceDefaults
{
    private const string Prefix = "nextval('";
    private const string Suffix = "'::regclass)";

    /// <summary>The table with serial defaults whose sequence is in <paramref name="from"/> pointed at <paramref name="to"/>.</summary>
    public static CatalogTable MoveSchema(CatalogTable table, string from, string to, IdentifierRules rules)
    {
        if (rules.Dialect != SqlDialect.Postgres || from == to) return table;
        var columns = table.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Default is { } text && Sequence(text, rules) is { } sequence && sequence.Schema == from)
            {
                var moved = rules.Quote(sequence with { Schema = to }).Replace("'", "''", StringComparison.Ordinal);
                columns = columns.SetItem(i, columns[i] with { Default = Prefix + moved + Suffix });
            }
        }

        return columns == table.Columns ? table : table with { Columns = columns };
    }

    // The sequence a nextval('...'::regclass) default names, or null for any other default.
    private static QualifiedName? Sequence(string text, IdentifierRules rules)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || !text.EndsWith(Suffix, StringComparison.Ordinal) || text.Length < Prefix.Length + Suffix.Length)
        {
            return null;
        }

        var name = text[Prefix.Length..^Suffix.Length].Replace("''", "'", StringComparison.Ordinal);
        var parts = new List<string>();
        var part = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '"')
            {
                for (i++; i < name.Length && !(name[i] == '"' && (i + 1 >= name.Length || name[i + 1] != '"')); i++)
                {
                    if (name[i] == '"') i++;
                    part.Append(name[i]);
                }
            }
            else if (c == '.')
            {
                parts.Add(part.ToString());
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        parts.Add(part.ToString());
        return parts.Count switch
        {
            1 => new QualifiedName(rules.DefaultSchema, parts[0]),
            2 => new QualifiedName(parts[0], parts[1]),
            _ => null,
        };
    }
}
