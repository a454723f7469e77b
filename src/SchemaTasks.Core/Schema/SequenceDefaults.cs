using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Keeps serial defaults, <c>nextval('schema.seq'::regclass)</c>, true when their sequence is
/// renamed, moved or dropped: PostgreSQL holds the sequence by OID and shows its current name, an
/// owned sequence moves with its schema (ALTER SCHEMA RENAME) and its table (SET SCHEMA), and
/// DROP SEQUENCE ... CASCADE drops the defaults. The catalog has no sequences of its own: the
/// ones these defaults name are the ones the engine knows exist.
/// </summary>
internal static class SequenceDefaults
{
    private const string Prefix = "nextval('";
    private const string Suffix = "'::regclass)";

    /// <summary>The columns, as <c>table.column</c>, whose default takes its values from <paramref name="sequence"/>.</summary>
    public static List<string> Users(Catalog catalog, QualifiedName sequence, IdentifierRules rules)
    {
        var users = new List<string>();
        if (rules.Dialect != SqlDialect.Postgres) return users;
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (column.Default is { } text && Sequence(text, rules) == sequence) users.Add($"{rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
            }
        }

        return users;
    }

    /// <summary>
    /// The catalog with every default that uses <paramref name="sequence"/> pointed at
    /// <paramref name="renamed"/>, or dropped when that is <see langword="null"/> (DROP SEQUENCE ... CASCADE).
    /// </summary>
    public static Catalog Change(Catalog catalog, QualifiedName sequence, QualifiedName? renamed, IdentifierRules rules)
    {
        var replacement = renamed is { } to ? Text(to, rules) : null;
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var columns = table.Columns;
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i].Default is { } text && Sequence(text, rules) == sequence) columns = columns.SetItem(i, columns[i] with { Default = replacement });
            }

            if (columns != table.Columns) tables = tables.SetItem(table.Name, table with { Columns = columns });
        }

        return catalog.With(tables: tables);
    }

    /// <summary>The table with serial defaults whose sequence is in <paramref name="from"/> pointed at <paramref name="to"/>.</summary>
    public static CatalogTable MoveSchema(CatalogTable table, string from, string to, IdentifierRules rules)
    {
        if (rules.Dialect != SqlDialect.Postgres || from == to) return table;
        var columns = table.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Default is { } text && Sequence(text, rules) is { } sequence && sequence.Schema == from)
            {
                columns = columns.SetItem(i, columns[i] with { Default = Text(sequence with { Schema = to }, rules) });
            }
        }

        return columns == table.Columns ? table : table with { Columns = columns };
    }

    /// <summary>
    /// <c>nextval('name')</c> as the server stores it, <c>nextval('name'::regclass)</c>: the
    /// argument is a regclass, read when the default is set (unquoted parts folded, the schema
    /// shown only when it is not the default one); <see langword="null"/> for any other text.
    /// </summary>
    public static string? Canonical(string text, IdentifierRules rules)
    {
        const string Bare = "')";
        if (rules.Dialect != SqlDialect.Postgres || !text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var regclass = text.EndsWith(Suffix, StringComparison.Ordinal) ? text : text.EndsWith(Bare, StringComparison.Ordinal) ? text[..^Bare.Length] + Suffix : null;
        return regclass is not null && Sequence(regclass, rules) is { } sequence ? Text(sequence, rules) : null;
    }

    private static string Text(QualifiedName sequence, IdentifierRules rules)
        => Prefix + rules.Quote(sequence).Replace("'", "''", StringComparison.Ordinal) + Suffix;

    // The sequence a nextval('...'::regclass) default names, or null for any other default.
    internal static QualifiedName? Sequence(string text, IdentifierRules rules)
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
                part.Append(char.ToLowerInvariant(c)); // regclass input folds unquoted names, as SQL does.
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
