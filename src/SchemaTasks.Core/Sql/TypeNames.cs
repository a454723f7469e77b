using System.Text.RegularExpressions;

namespace SchemaTasks.Sql;

/// <summary>
/// Normalises type names per dialect, so that <c>VARCHAR(20)</c> and <c>character varying(20)</c>
/// (PostgreSQL) or <c>INTEGER</c> and <c>int(11)</c> (MySQL) are the same type in the snapshot.
/// The names follow what each server reports (<c>format_type</c>, <c>COLUMN_TYPE</c>).
/// </summary>
internal static class TypeNames
{
    /// <summary>PostgreSQL's one-byte internal type as format_type shows it: quoted, unlike <c>char</c>, which is <c>character(1)</c>.</summary>
    public const string PostgresInternalChar = "\"char\"";

    private static readonly Dictionary<string, string> PostgresAliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer", ["int4"] = "integer", ["integer"] = "integer",
        ["int2"] = "smallint", ["smallint"] = "smallint",
        ["int8"] = "bigint", ["bigint"] = "bigint",
        ["serial"] = "integer", ["serial4"] = "integer",
        ["bigserial"] = "bigint", ["serial8"] = "bigint",
        ["smallserial"] = "smallint", ["serial2"] = "smallint",
        ["bool"] = "boolean", ["boolean"] = "boolean",
        ["float8"] = "double precision", ["double precision"] = "double precision",
        ["float4"] = "real", ["real"] = "real",
        ["decimal"] = "numeric", ["numeric"] = "numeric",
        ["varchar"] = "character varying", ["character varying"] = "character varying", ["char varying"] = "character varying",
        ["char"] = "character", ["character"] = "character", ["bpchar"] = "character", ["nchar"] = "character",
        ["national character"] = "character", ["national char"] = "character",
        ["national character varying"] = "character varying", ["national char varying"] = "character varying",
        ["varbit"] = "bit varying", ["bit varying"] = "bit varying",
        ["timestamptz"] = "timestamp with time zone", ["timetz"] = "time with time zone",
        ["text"] = "text", ["uuid"] = "uuid", ["json"] = "json", ["jsonb"] = "jsonb", ["bytea"] = "bytea",
        ["date"] = "date", ["interval"] = "interval", ["money"] = "money", ["inet"] = "inet", ["cidr"] = "cidr",
        ["macaddr"] = "macaddr", ["macaddr8"] = "macaddr8", ["xml"] = "xml", ["oid"] = "oid", ["bit"] = "bit",
        ["tsvector"] = "tsvector", ["tsquery"] = "tsquery", ["point"] = "point", ["line"] = "line", ["box"] = "box",
        ["polygon"] = "polygon", ["circle"] = "circle", ["path"] = "path", ["lseg"] = "lseg", ["regclass"] = "regclass",
        ["int4range"] = "int4range", ["int8range"] = "int8range", ["numrange"] = "numrange", ["tsrange"] = "tsrange",
        ["tstzrange"] = "tstzrange", ["daterange"] = "daterange", ["name"] = "name",
    };

    private static readonly Dictionary<string, string> MySqlAliases = new(StringComparer.Ordinal)
    {
        ["integer"] = "int", ["int4"] = "int", ["int"] = "int", ["middleint"] = "mediumint", ["int3"] = "mediumint",
        ["int1"] = "tinyint", ["int2"] = "smallint", ["int8"] = "bigint",
        ["bool"] = "tinyint", ["boolean"] = "tinyint",
        ["dec"] = "decimal", ["numeric"] = "decimal", ["fixed"] = "decimal",
        ["double precision"] = "double", ["real"] = "double", ["float8"] = "double", ["float4"] = "float",
        ["character"] = "char", ["nchar"] = "char", ["national char"] = "char", ["national character"] = "char",
        ["character varying"] = "varchar", ["char varying"] = "varchar", ["nvarchar"] = "varchar",
        ["national varchar"] = "varchar", ["national character varying"] = "varchar", ["national char varying"] = "varchar",
        ["long varchar"] = "mediumtext", ["long"] = "mediumtext", ["long varbinary"] = "mediumblob",
    };

    private static readonly HashSet<string> MySqlIntegers = new(StringComparer.Ordinal) { "int", "tinyint", "smallint", "mediumint", "bigint" };

    // Interpreted: matched against a few short type names per default, in short-lived processes.
    private static readonly Regex TypeModifiers = new(@"\(\d+(,\d+)?\)", RegexOptions.CultureInvariant);

    /// <summary>
    /// A PostgreSQL type as the cast the server adds to a default names it: without modifiers
    /// (varchar(40) gets ::character varying), and char(n), shown by its internal name bpchar,
    /// as character, and bit without a length, shown as "bit", as bit. Two types with the same cast
    /// name take each other's casts without showing them.
    /// </summary>
    public static string PostgresCastName(string type)
    {
        var bare = type.IndexOf('(') < 0 ? type : TypeModifiers.Replace(type, string.Empty);
        if (bare.StartsWith("\"bit\"", StringComparison.Ordinal)) return "bit" + bare["\"bit\"".Length..]; // bit without a length, which plain bit is not (bit(1)).
        return bare == "bpchar" || bare.StartsWith("bpchar[", StringComparison.Ordinal) ? "character" + bare["bpchar".Length..] : bare;
    }

    /// <summary>
    /// A PostgreSQL type as a cast the server writes into a stored default spells it: without
    /// modifiers, and char(n) by its internal name bpchar (<c>'{}'::bpchar[]</c>). The reverse of
    /// <see cref="PostgresCastName"/>, which reads both spellings as one.
    /// </summary>
    public static string PostgresCastSpelling(string type)
    {
        var bare = type.Contains('"', StringComparison.Ordinal) || type.IndexOf('(') < 0 ? type : TypeModifiers.Replace(type, string.Empty);
        return bare == "character" || bare.StartsWith("character[", StringComparison.Ordinal) ? "bpchar" + bare["character".Length..] : bare;
    }

    /// <summary>The PostgreSQL spellings the grammar knows (<c>integer</c>, <c>serial</c>...), for suggestions.</summary>
    public static IEnumerable<string> PostgresSpellings => PostgresAliases.Keys;

    /// <summary>Whether a PostgreSQL type name (lower case, words joined by one space) is built in.</summary>
    public static bool IsPostgresBuiltin(string name)
        => PostgresAliases.ContainsKey(name) || name is "timestamp" or "time" or "double" or "float";

    /// <summary>Whether the PostgreSQL name is a serial pseudo-type (integer with a sequence default).</summary>
    public static bool IsPostgresSerial(string name) => name.Contains("serial", StringComparison.Ordinal);

    /// <summary>
    /// The normalised text of a built-in type.
    /// </summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="name">The type name, lower case, multi-word names joined by one space.</param>
    /// <param name="arguments">The modifier list without parentheses (such as <c>10,2</c>), or <see langword="null"/>.</param>
    /// <param name="timeZone">PostgreSQL time types: <see langword="true"/> for WITH TIME ZONE.</param>
    /// <param name="suffix">Trailing words kept as written: MySQL <c>unsigned</c>/<c>zerofill</c>, PostgreSQL interval fields.</param>
    public static string Normalise(SqlDialect dialect, string name, string? arguments, bool timeZone, string? suffix)
        => dialect.IsMySqlFamily() ? NormaliseMySql(dialect, name, arguments, suffix) : NormalisePostgres(name, arguments, timeZone, suffix);

    private static string NormalisePostgres(string name, string? arguments, bool timeZone, string? suffix)
    {
        if (name is "timestamp" or "time")
        {
            var zone = timeZone ? " with time zone" : " without time zone";
            return arguments is null ? name + zone : $"{name}({arguments}){zone}";
        }

        if (name == "timestamptz" || name == "timetz")
        {
            var bare = name.Substring(0, name.Length - 2);
            return arguments is null ? bare + " with time zone" : $"{bare}({arguments}) with time zone";
        }

        if (name == "float" || name == "double")
        {
            // float(p): p <= 24 is real, anything else double precision.
            return arguments is not null && int.TryParse(arguments, out var precision) && precision <= 24 ? "real" : "double precision";
        }

        var canonical = PostgresAliases.TryGetValue(name, out var alias) ? alias : name;
        if (name == "bpchar" && arguments is null)
        {
            // Without a length bpchar is blank-padded text of any length, which format_type
            // shows as bpchar; only the SQL spelling character (or char) means character(1).
            canonical = "bpchar";
        }
        else if (canonical == "character" && arguments is null)
        {
            arguments = "1";
        }
        else if (canonical == "numeric" && arguments is not null && !arguments.Contains(',', StringComparison.Ordinal))
        {
            arguments += ",0"; // numeric(p) is numeric(p,0), as format_type shows it.
        }

        if (suffix is not null)
        {
            // Interval fields: format_type puts the precision after them ('interval day to
            // second(3)'); before them it is not even valid SQL.
            return arguments is null ? $"{canonical} {suffix}" : $"{canonical} {suffix}({arguments})";
        }

        return arguments is null || name.Contains("serial", StringComparison.Ordinal) ? canonical : $"{canonical}({arguments})";
    }

    private static string NormaliseMySql(SqlDialect dialect, string name, string? arguments, string? suffix)
    {
        var canonical = MySqlAliases.TryGetValue(name, out var alias) ? alias : name;
        if (suffix is "zerofill") suffix = "unsigned zerofill"; // ZEROFILL implies UNSIGNED; both servers say so.
        arguments = WithoutLeadingZeros(arguments); // The server reads the numbers: char(007) is char(7), datetime(00) datetime(0).
        if (name is "bool" or "boolean")
        {
            arguments = "1";
        }
        else if (MySqlIntegers.Contains(canonical) && dialect == SqlDialect.MariaDb)
        {
            // MariaDB shows the width as a plain number, and width 0 as no width: int(0) is int(11).
            arguments = MariaDbWidth(arguments) ?? MariaDbDisplayWidth(canonical, suffix is not null && suffix.StartsWith("unsigned", StringComparison.Ordinal));
        }
        else if (MySqlIntegers.Contains(canonical) && !(canonical == "tinyint" && arguments == "1"))
        {
            arguments = null; // MySQL 8 no longer reports display widths (except tinyint(1)).
        }

        else if (canonical == "decimal")
        {
            // MariaDB reads precision 0 as the default 10 (decimal(0) and decimal(0,0) are decimal(10,0));
            // MySQL 8 was not checked, so its text stays as written.
            if (dialect == SqlDialect.MariaDb && arguments is "0" or "0,0") arguments = null;
            arguments ??= "10,0";
            if (!arguments.Contains(',', StringComparison.Ordinal)) arguments += ",0";
        }
        else if (canonical == "year")
        {
            // MySQL 8 reports YEAR as year; MariaDB as year(4), but keeps a written YEAR(2) (deprecated, a note).
            arguments = dialect == SqlDialect.MariaDb ? (arguments == "2" ? "2" : "4") : null;
        }
        else if (canonical is "float" or "double" && dialect == SqlDialect.MariaDb && MariaDbFloatWithoutWidth(arguments))
        {
            arguments = null;
        }
        else if (canonical == "float" && dialect == SqlDialect.MariaDb && arguments is not null && !arguments.Contains(',', StringComparison.Ordinal) && !(arguments.Length <= 2 && int.TryParse(arguments, out var bits) && bits <= 53))
        {
            // Kept as written: MariaDB refuses FLOAT(p) over 53 (error 1063, MySqlTypeWidths).
        }
        else if (canonical == "float" && arguments is not null && !arguments.Contains(',', StringComparison.Ordinal))
        {
            // FLOAT(p) only picks the storage: p <= 24 is float, 25..53 double (COLUMN_TYPE says so).
            canonical = int.TryParse(arguments, out var precision) && precision > 24 ? "double" : "float";
            arguments = null;
        }
        else if (canonical == "bit" && dialect == SqlDialect.MariaDb)
        {
            arguments = MariaDbWidth(arguments) ?? "1"; // COLUMN_TYPE: bit(0) and bit(01) are bit(1).
        }
        else if (canonical is "char" or "binary" or "bit" && arguments is null)
        {
            arguments = "1"; // CHAR, BINARY and BIT without a length hold one (COLUMN_TYPE: bit(1)).
        }
        else if (canonical == "blob" && dialect == SqlDialect.MariaDb && arguments is not null && !arguments.Contains(',', StringComparison.Ordinal))
        {
            // BLOB(n) is the smallest BLOB type for n bytes (COLUMN_TYPE: blob(70000) is mediumblob);
            // TEXT(n) counts characters of its charset, so it is sized where that is known (MariaDbColumnRules).
            canonical = SizedLobType("blob", arguments) ?? canonical;
            arguments = null;
        }
        else if (canonical is "datetime" or "timestamp" or "time" && arguments == "0")
        {
            arguments = null; // Fractional-seconds precision 0 is the default; COLUMN_TYPE leaves it out.
        }

        var text = arguments is null ? canonical : $"{canonical}({arguments})";
        return suffix is null ? text : $"{text} {suffix}";
    }

    /// <summary>
    /// The smallest of MariaDB's TEXT or BLOB types (<paramref name="kind"/>: <c>text</c> or
    /// <c>blob</c>) for <paramref name="bytes"/> bytes, given as digits: up to 255 the tiny one,
    /// 65,535 the plain one, 16,777,215 the medium one, else the long one; 0 is the plain one
    /// (checked on 10.11). <see langword="null"/> for anything but digits.
    /// </summary>
    public static string? SizedLobType(string kind, string bytes)
    {
        if (bytes.Length == 0 || bytes.Length > 19 || !ulong.TryParse(bytes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)) return null;
        return SizedLobType(kind, size);
    }

    /// <inheritdoc cref="SizedLobType(string, string)"/>
    public static string SizedLobType(string kind, ulong size) => size switch
    {
        0 => kind,
        <= 255 => "tiny" + kind,
        <= 65_535 => kind,
        <= 16_777_215 => "medium" + kind,
        _ => "long" + kind,
    };

    // MariaDB shows float(0,0) and double(0,0) with no width, and so any float(M,39) and double(M,39)
    // up to width 255: scale 39 is its mark for "no fixed decimals" (checked on 10.11).
    private static bool MariaDbFloatWithoutWidth(string? arguments)
    {
        if (arguments == "0,0") return true;
        if (arguments is null || !arguments.EndsWith(",39", StringComparison.Ordinal)) return false;
        return arguments.Length <= 6 && int.TryParse(arguments.Substring(0, arguments.Length - 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m <= 255;
    }

    // Numbers written with leading zeros, as the server reads them ("05,02" is "5,2"); anything else as it is.
    private static string? WithoutLeadingZeros(string? arguments)
    {
        if (arguments is null || !HasLeadingZero(arguments)) return arguments;
        var parts = arguments.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var digits = parts[i].TrimStart('0');
            parts[i] = digits.Length == 0 ? "0" : digits;
        }

        return string.Join(",", parts);
    }

    // Whether the list is numbers only (digits and commas) and one of them starts with a 0 that is not all of it.
    private static bool HasLeadingZero(string arguments)
    {
        var found = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (c == ',') continue;
            if (!char.IsAsciiDigit(c)) return false;
            if (c == '0' && (i == 0 || arguments[i - 1] == ',') && i + 1 < arguments.Length && char.IsAsciiDigit(arguments[i + 1])) found = true;
        }

        return found;
    }

    // A written width as MariaDB shows it (011 is 11); null for none or 0, which MariaDB reads as none.
    private static string? MariaDbWidth(string? written)
    {
        if (written is null) return null;
        var digits = written.TrimStart('0');
        return digits.Length == 0 ? null : digits;
    }

    // The width MariaDB shows for an integer declared without one: the digits of the type's
    // smallest value (with its sign), or of its largest when unsigned.
    // https://mariadb.com/kb/en/int/ and https://mariadb.com/kb/en/numeric-data-type-overview/
    private static string MariaDbDisplayWidth(string integer, bool unsigned) => (integer, unsigned) switch
    {
        ("tinyint", false) => "4",
        ("tinyint", true) => "3",
        ("smallint", false) => "6",
        ("smallint", true) => "5",
        ("mediumint", false) => "9",
        ("mediumint", true) => "8",
        ("int", false) => "11",
        ("int", true) => "10",
        _ => "20",
    };
}
