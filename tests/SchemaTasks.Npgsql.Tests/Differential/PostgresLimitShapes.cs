using System.Text;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Statements for <see cref="PostgresMigrationGenerator"/> where migrations meet the server's
/// limits: names longer than 63 bytes (ASCII and multi-byte, written differently after byte 63
/// but meaning the same object), the names PostgreSQL generates from them (CHECK, key, unique,
/// serial sequence), and columns of extension types, with the extension in <c>public</c> or a
/// schema of its own, dropped again with CASCADE. Everything here stands apart from the
/// generator's model: its tables and schemas are never touched by the generator's statements.
/// </summary>
internal sealed class PostgresLimitShapes(Random random, Func<int> nextNumber)
{
    private static readonly (string Extension, string[] Types)[] Extensions =
    [
        ("citext", ["citext"]), ("hstore", ["hstore"]), ("ltree", ["ltree", "lquery"]), ("isn", ["isbn13", "ean13", "issn"]),
        ("cube", ["cube"]), ("seg", ["seg"]),
    ];

    private static readonly string[] Fillers = ["a", "é", "€", "x"];

    private readonly Dictionary<string, string> _created = []; // extension -> schema
    private readonly List<(string Table, string Schema)> _extensionTables = [];

    public string Next() => random.Next(2) == 0 ? LongNames() : ExtensionTypes();

    // ---------- long names ----------

    private string LongNames()
    {
        var n = nextNumber();
        var table = Long($"t{n}_", random.Next(64, 90));
        var column = Long($"c{n}_", random.Next(40, 80));
        var number = random.Next(2) == 0 ? $"n{n}" : Long($"n{n}_", random.Next(30, 70));
        var text = new StringBuilder();
        text.Append($"CREATE TABLE {Name(table)} (\n  id serial PRIMARY KEY,\n  {Name(column)} text CHECK ({Name(column)} IN ('a', 'b')),\n  {Name(number)} integer CHECK ({Name(number)} > 0)");
        if (random.Next(2) == 0) text.Append($",\n  UNIQUE ({Name(column)})");
        text.Append("\n);\n");

        // The same table and column, written with different text after byte 63.
        // (Appended to the whole name: the character after the kept bytes must stay the one that did not fit.)
        var sameTable = table + "_other_spelling";
        var sameColumn = Truncate(column).Length < column.Length ? column + "_zz" : column;
        if (random.Next(2) == 0)
        {
            var added = Long($"a{n}_", random.Next(50, 80));
            text.Append($"ALTER TABLE {Name(sameTable)} ADD COLUMN {Name(added)} varchar(10) CHECK ({Name(added)} IN ('x', 'y'));\n");
        }

        if (random.Next(3) == 0)
        {
            // The name PostgreSQL gave the unnamed CHECK, as the server itself will look it up.
            text.Append($"ALTER TABLE {Name(sameTable)} DROP CONSTRAINT {Name(MakeObjectName(Truncate(table), Truncate(column), "check"))};\n");
        }

        if (random.Next(3) == 0)
        {
            text.Append($"ALTER TABLE {Name(sameTable)} RENAME COLUMN {Name(sameColumn)} TO {Name(Long($"r{n}_", random.Next(50, 80)))};\n");
        }

        if (random.Next(3) == 0)
        {
            text.Append($"ALTER TABLE {Name(table)} ADD CONSTRAINT {Name(Long($"k{n}_", random.Next(60, 80)))} CHECK (id > 0);\n");
        }

        return text.ToString();
    }

    private string Long(string prefix, int bytes)
    {
        var filler = Fillers[random.Next(Fillers.Length)];
        var text = new StringBuilder(prefix);
        while (Encoding.UTF8.GetByteCount(text.ToString()) < bytes) text.Append(filler);
        return text.ToString();
    }

    // Lower-case ASCII names are sometimes written unquoted; the rest must be quoted.
    private string Name(string name)
        => name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') && random.Next(2) == 0
            ? (random.Next(2) == 0 ? name : name.ToUpperInvariant())
            : "\"" + name + "\"";

    // The generator's own reading of PostgreSQL's rules (63 bytes, whole characters; generated
    // names shorten the longer part first). The server judges it: a wrong name fails the DROP.
    private static string Truncate(string name) => Clip(name, 63);

    private static string MakeObjectName(string name1, string name2, string label)
    {
        var available = 63 - 1 - (label.Length + 1);
        var (a, b) = (Encoding.UTF8.GetByteCount(name1), Encoding.UTF8.GetByteCount(name2));
        while (a + b > available)
        {
            if (a > b) a--;
            else b--;
        }

        return $"{Clip(name1, a)}_{Clip(name2, b)}_{label}";
    }

    private static string Clip(string text, int bytes)
    {
        var end = 0;
        var used = 0;
        while (end < text.Length)
        {
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, 1));
            if (used + size > bytes) break;
            used += size;
            end++;
        }

        return text[..end];
    }

    // ---------- extension types ----------

    private string ExtensionTypes()
    {
        var n = nextNumber();
        var (extension, types) = Extensions[random.Next(Extensions.Length)];
        var text = new StringBuilder();
        if (!_created.TryGetValue(extension, out var schema))
        {
            if (random.Next(3) == 0)
            {
                schema = $"x{n}";
                text.Append($"CREATE SCHEMA {schema};\nCREATE EXTENSION {(random.Next(2) == 0 ? "IF NOT EXISTS " : string.Empty)}{extension} {(random.Next(2) == 0 ? "WITH " : string.Empty)}SCHEMA {schema};\n");
            }
            else
            {
                schema = "public";
                text.Append($"CREATE EXTENSION {(random.Next(2) == 0 ? "IF NOT EXISTS " : string.Empty)}{extension};\n");
            }

            _created[extension] = schema;
        }
        else if (random.Next(4) == 0)
        {
            text.Append($"CREATE EXTENSION IF NOT EXISTS {extension};\n"); // A no-op: it exists.
        }

        string Type() => (schema == "public" ? string.Empty : schema + ".") + types[random.Next(types.Length)];
        var table = $"ext{n}";
        var columns = new List<string> { "id integer", $"v {Type()}" };
        if (random.Next(2) == 0) columns.Add($"many {Type()}[]");
        if (extension == "citext" && random.Next(2) == 0)
        {
            text.Append($"CREATE DOMAIN d{n} AS {Type()} NOT NULL;\n");
            columns.Add($"w d{n}");
        }

        if (extension == "citext" && random.Next(2) == 0) columns.Add($"s {Type()} CHECK (s IN ('a', 'B'))"); // A value set over citext.
        text.Append($"CREATE TABLE {table} ({string.Join(", ", columns)});\n");
        if (random.Next(3) == 0) text.Append($"ALTER TABLE {table} ADD COLUMN later {Type()};\n");
        if (random.Next(4) == 0) text.Append($"ALTER TABLE {table} ALTER COLUMN id TYPE {Type()} USING NULL;\n");
        _extensionTables.Add((table, schema));

        if (random.Next(4) == 0)
        {
            // CASCADE drops the columns (and domains) of its types; the tables stay.
            text.Append($"DROP EXTENSION {extension} CASCADE;\n");
            _created.Remove(extension);
        }

        return text.ToString();
    }
}
