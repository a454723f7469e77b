using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Turns a column's or domain's DEFAULT, as the migration wrote it, into the text the server
/// stores for a column of that type, read back the way the live readers normalise it (a cast to
/// the column's own type dropped). PostgreSQL stores a literal converted to the column's type
/// (<c>'false'</c> on a boolean is <c>false</c>, a jsonb text is rebuilt, a timestamp without
/// time zone drops a written offset, an interval, bit string, bytea or float is shown as its
/// output function shows it), pushes an array cast into the elements, and spaces
/// <c>::</c>, brackets and commas its own way; MySQL and MariaDB store a number for a numeric
/// column (<c>TRUE</c> is <c>1</c>) and a string for a character column. Shapes not listed keep the
/// written text. A DEFAULT NULL is no default: servers treat both alike.
/// </summary>
internal static partial class StoredDefaults
{
    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    /// <summary>The stored form of <paramref name="text"/> (a rendered default) for a column of <paramref name="type"/>.</summary>
    /// <param name="text">The default as the parser rendered it, or <see langword="null"/>.</param>
    /// <param name="type">The column's normalised type text (an array type ends in <c>[]</c>).</param>
    /// <param name="isArray">Whether the column is an array of <paramref name="type"/>.</param>
    /// <param name="rules">The dialect's rules.</param>
    public static string? ForColumn(string? text, string type, bool isArray, IdentifierRules rules)
    {
        if (text is null) return null;
        var tokens = t_tokens ??= new List<SqlToken>(16); // Nothing below calls back here, so one list per thread serves every default.
        if (!SqlLexer.LexesCleanly(text, rules.Dialect, tokens) || tokens.Count == 0) return text;
        var shape = new Shape(text, tokens);
        if (shape.IsNull()) return null;
        if (rules.Dialect.IsMySqlFamily()) return MySql(shape, type, rules) ?? text;

        // Signs folded into constants, exponents spelled out: then read again (the text is final after one pass).
        if (PostgresNumberConstants.Operator(text, tokens, rules) is { } signed) return signed;
        if (PostgresNumberConstants.AsStored(text, tokens) is { } constants) return ForColumn(constants, type, isArray, rules);
        if (Postgres(shape, type, isArray, rules) is { } stored) return stored;
        var tightened = Tightened(text, tokens);
        return SequenceDefaults.Canonical(tightened, rules) ?? PostgresDefaultSpellings.AsStored(tightened, rules) ?? tightened;
    }

    // ---------- PostgreSQL ----------

    private static string? Postgres(Shape shape, string type, bool isArray, IdentifierRules rules)
    {
        var columnBase = BaseName(type);
        if (PostgresBitConstant(shape, columnBase) is { } bits) return bits;
        var literal = shape.Literal(rules, out var value, out var castType);
        if (literal && value.Kind == LiteralKind.Number && castType is not null && PostgresDefaultSpellings.CastNumber(value.Text, castType, rules) is { } castNumber) return castNumber;
        if (literal && (castType is null || SameType(castType, columnBase, rules)))
        {
            // A cast's modifiers, not the column's, apply to the constant: the column's are applied to each row.
            var literalType = castType is null ? type : TypeText(castType, rules) ?? columnBase;
            return PostgresLiteral(value, columnBase, literalType, rules) ?? (value.Kind == LiteralKind.String ? rules.QuoteString(value.Text) : null);
        }

        return isArray ? PostgresArray(shape, rules) : null;
    }

    private static string? PostgresLiteral(LiteralValue value, string columnBase, string type, IdentifierRules rules)
    {
        switch (columnBase)
        {
            case "boolean":
                return value.Kind == LiteralKind.Boolean ? value.Text : value.Kind == LiteralKind.String ? PostgresBoolean(value.Text) : null;
            case "integer" or "smallint" or "bigint":
                return long.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var integer)
                    && (value.Kind == LiteralKind.Number || (value.Kind == LiteralKind.String && PostgresTypeInput.Refusal(columnBase, value.Text) is null))
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : null;
            case "numeric":
                // The column's scale applies when a row is written, not to the stored default.
                return value.Kind is LiteralKind.String or LiteralKind.Number && PlainDecimal().Match(value.Text.Trim()) is { Success: true } m
                    ? Decimal(m)
                    : null;
            case "jsonb":
                return value.Kind == LiteralKind.String && JsonbText.Canonical(value.Text) is { } json ? rules.QuoteString(json) : null;
            case "timestamp without time zone":
                if (value.Kind != LiteralKind.String) return null;
                return Timestamp(value.Text, Precision(type)) is { } timestamp ? rules.QuoteString(timestamp) : FixedMoment(value.Text, "1970-01-01 00:00:00", rules);
            case "time without time zone" or "time with time zone":
                if (value.Kind != LiteralKind.String) return null;
                return PostgresTimeOfDay(value.Text, withZone: columnBase == "time with time zone") is { } time ? rules.QuoteString(time) : null;
            case "date":
                if (value.Kind != LiteralKind.String) return null;
                return IsoDate().Match(value.Text.Trim()) is { Success: true } d && DateTime.TryParseExact($"{d.Groups["y"].Value}-{int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture):D2}-{int.Parse(d.Groups["d"].Value, CultureInfo.InvariantCulture):D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? rules.QuoteString(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : FixedMoment(value.Text, "1970-01-01", rules);
            case "uuid":
                return value.Kind == LiteralKind.String && PostgresUuid(value.Text) is { } uuid ? rules.QuoteString(uuid) : null;
            case TypeNames.PostgresInternalChar:
                // charin keeps the first byte: 'abc' is 'a'. A first character outside ASCII is a
                // part of its UTF-8 bytes, which the server shows in octal; left as written.
                return value.Kind == LiteralKind.String && (value.Text.Length == 0 || char.IsAscii(value.Text[0])) ? rules.QuoteString(value.Text.Length == 0 ? string.Empty : value.Text[..1]) : null;
            case "real" or "double precision":
                if (value.Kind == LiteralKind.Number) return value.Text;
                return value.Kind == LiteralKind.String ? PostgresFloatText.Stored(value.Text, single: columnBase == "real", rules) : null;
            case "bit" or "bit varying":
                return value.Kind == LiteralKind.String && PostgresBitText.Digits(value.Text) is { } digits ? rules.QuoteString(digits) : null;
            case "bytea":
                return value.Kind == LiteralKind.String && PostgresByteaText.Hex(value.Text) is { } hex ? rules.QuoteString(hex) : null;
            case not null when columnBase.StartsWith("interval", StringComparison.Ordinal):
                return value.Kind == LiteralKind.String && PostgresIntervalText.Stored(value.Text, type) is { } interval ? rules.QuoteString(interval) : null;
            default:
                // Text, character and enum types keep the string; for other types the live reader
                // drops the cast to the column's type too, so both sides agree on the written string.
                return value.Kind == LiteralKind.String ? rules.QuoteString(value.Text) : null;
        }
    }

    // The special inputs with a fixed value, in any case and with spaces around: 'epoch' is the
    // start of 1970, the infinities stay words ('now' and 'today' depend on when the migration
    // ran: PostgresMomentDefaults reports them).
    private static string? FixedMoment(string text, string epoch, IdentifierRules rules)
        => text.Trim().ToLowerInvariant() switch
        {
            "epoch" => rules.QuoteString(epoch),
            "infinity" => "'infinity'",
            "-infinity" => "'-infinity'",
            _ => null,
        };

    // time_in and timetz_in for the plain spellings: hours, minutes and optional seconds with up to
    // six fractional digits ('7:5' is 07:05:00; trailing zeros of the fraction dropped, as the server
    // shows them; a time(n)'s precision applies when a row is written, not to the stored default).
    // With a zone, only an explicit numeric one: without it the session's TimeZone decides.
    // 'allballs' is midnight UTC. Anything else is left as written (checked on PostgreSQL 15).
    private static string? PostgresTimeOfDay(string text, bool withZone)
    {
        var written = text.AsSpan().Trim();
        if (written.Equals("allballs".AsSpan(), StringComparison.OrdinalIgnoreCase)) return withZone ? "00:00:00+00" : "00:00:00";
        var at = 0;
        if (!TimeField(written, ref at, maxDigits: 2, out var hour) || !Next(written, ref at, ':') || !TimeField(written, ref at, maxDigits: 2, out var minute)) return null;
        var second = 0;
        var fraction = ReadOnlySpan<char>.Empty;
        if (Next(written, ref at, ':'))
        {
            if (!TimeField(written, ref at, maxDigits: 2, out second)) return null;
            if (Next(written, ref at, '.'))
            {
                var start = at;
                while (at < written.Length && char.IsAsciiDigit(written[at])) at++;
                if (at == start || at - start > 6) return null;
                fraction = written[start..at].TrimEnd('0');
            }
        }

        var zone = ReadOnlySpan<char>.Empty;
        if (withZone)
        {
            var start = at;
            if (!(Next(written, ref at, '+') || Next(written, ref at, '-')) || !TimeField(written, ref at, maxDigits: 2, out var zoneHours) || at - start != 3 || zoneHours > 15) return null;
            if (Next(written, ref at, ':') && (!TimeField(written, ref at, maxDigits: 2, out var zoneMinutes) || at - start != 6 || zoneMinutes > 59)) return null;
            zone = written[start..at];
        }

        if (at != written.Length || minute > 59 || second > 59 || hour > 24 || (hour == 24 && (minute > 0 || second > 0 || fraction.Length > 0))) return null;
        var time = new StringBuilder(24)
            .Append(hour.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
            .Append(minute.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
            .Append(second.ToString("D2", CultureInfo.InvariantCulture));
        if (fraction.Length > 0) time.Append('.').Append(fraction.ToString());
        return time.Append(zone.ToString()).ToString();
    }

    private static bool TimeField(ReadOnlySpan<char> text, ref int at, int maxDigits, out int value)
    {
        value = 0;
        var start = at;
        while (at < text.Length && at - start < maxDigits && char.IsAsciiDigit(text[at])) value = (value * 10) + (text[at++] - '0');
        return at > start && (at == text.Length || !char.IsAsciiDigit(text[at]));
    }

    private static bool Next(ReadOnlySpan<char> text, ref int at, char expected)
    {
        if (at >= text.Length || text[at] != expected) return false;
        at++;
        return true;
    }

    // uuid_in reads 32 hex digits in either case, in braces or not, with a hyphen allowed after
    // any group of four, and no space; the value is stored and shown in lower case with the standard hyphens.
    private static string? PostgresUuid(string text)
    {
        if (PostgresTypeInput.Refusal("uuid", text) is not null) return null;
        var digits = text;
        if (digits.Length > 1 && digits[0] == '{' && digits[^1] == '}') digits = digits[1..^1];
        var hex = new StringBuilder(32);
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (c == '-' && hex.Length > 0 && hex.Length % 4 == 0 && i + 1 < digits.Length && digits[i + 1] != '-') continue;
            if (!char.IsAsciiHexDigit(c)) return null;
            hex.Append(char.ToLowerInvariant(c));
        }

        if (hex.Length != 32) return null;
        var h = hex.ToString();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    /// <summary>How PostgreSQL reads <paramref name="text"/> as a boolean (<c>true</c>, <c>false</c>), or <see langword="null"/> when boolin refuses it.</summary>
    internal static string? PostgresBoolean(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value.Length == 0) return null;
        if ("true".StartsWith(value, StringComparison.Ordinal) || "yes".StartsWith(value, StringComparison.Ordinal) || value is "on" or "1") return "true";
        if ("false".StartsWith(value, StringComparison.Ordinal) || "no".StartsWith(value, StringComparison.Ordinal) || value is "off" or "of" or "0") return "false";
        return null;
    }

    private static string Decimal(Match m)
    {
        var whole = m.Groups["whole"].Value.TrimStart('0');
        if (whole.Length == 0) whole = "0";
        var text = m.Groups["fraction"].Success ? whole + "." + m.Groups["fraction"].Value : whole;
        return m.Groups["sign"].Value == "-" && text.Any(c => c is >= '1' and <= '9') ? "-" + text : text;
    }

    private static int Precision(string type)
        => TimestampPrecision().Match(type) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 6;

    /// <summary>An ISO timestamp as timestamp without time zone prints it; a written offset is ignored.</summary>
    private static string? Timestamp(string text, int precision)
    {
        var m = IsoTimestamp().Match(text.Trim());
        if (!m.Success) return null;
        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
        var fraction = m.Groups["f"].Success ? m.Groups["f"].Value : string.Empty;
        if (fraction.Length > precision)
        {
            return null; // Rounding could carry into the seconds; leave it as written.
        }

        fraction = fraction.TrimEnd('0');
        var result = FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2}");
        return fraction.Length > 0 ? result + "." + fraction : result;
    }

    /// <summary>
    /// <c>ARRAY[...]</c> of literals, cast or not: PostgreSQL converts each element to the element
    /// type (<c>ARRAY['a']::role[]</c> is stored as <c>ARRAY['a'::role]</c>); an empty array keeps its cast.
    /// </summary>
    private static string? PostgresArray(Shape shape, IdentifierRules rules)
    {
        var t = shape.Tokens;
        if (t.Count < 3 || !shape.IsWord(0, "array") || !shape.IsSymbol(1, '[')) return null;
        var close = 2;
        var elements = new List<SqlToken>();
        while (close < t.Count && !shape.IsSymbol(close, ']'))
        {
            if (elements.Count > 0)
            {
                if (!shape.IsSymbol(close, ',')) return null;
                close++;
            }

            if (close >= t.Count || t[close].Kind is not (SqlTokenKind.String or SqlTokenKind.Number)) return null;
            elements.Add(t[close++]);
        }

        if (close >= t.Count) return null;
        string? elementType = null;
        if (close + 1 < t.Count)
        {
            if (!shape.IsCast(close + 1)) return null;
            var castText = shape.Text(close + 2, t.Count);
            if (!castText.EndsWith("]", StringComparison.Ordinal)) return null;
            elementType = TypeText(castText, rules);
            if (elementType is null || !elementType.EndsWith("[]", StringComparison.Ordinal)) return null;
            elementType = elementType[..^2];
            if (elements.Count == 0)
            {
                // An empty array is typed without modifiers first (char(n) by its internal name), then cast with them.
                return BaseName(elementType) == elementType
                    ? $"array[]::{elementType}[]"
                    : $"(array[]::{TypeNames.PostgresCastSpelling(elementType)}[])::{elementType}[]";
            }
        }

        if (elements.Count == 0) return null;
        var strings = elements.All(e => e.Kind == SqlTokenKind.String);
        var numbers = elements.All(e => e.Kind == SqlTokenKind.Number);
        var isInteger = elementType is null or "integer" or "bigint" or "smallint";
        string Element(SqlToken e)
        {
            var value = SqlTokenText.Unquote(shape.Source, e);
            if (numbers && isInteger) return value;
            if (strings && elementType is "integer" or "bigint" or "smallint")
            {
                return long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : string.Empty;
            }

            return strings && elementType is not ("integer" or "bigint" or "smallint" or "numeric" or "boolean" or "real" or "double precision" or "jsonb")
                ? rules.QuoteString(value) + "::" + (elementType ?? "text")
                : string.Empty;
        }

        if (numbers && !isInteger) return null;
        if (!numbers && !strings) return null;
        var rendered = elements.Select(Element).ToList();
        return rendered.Any(r => r.Length == 0) ? null : "array[" + string.Join(", ", rendered) + "]";
    }

    private static string? TypeText(string text, IdentifierRules rules)
    {
        try
        {
            return DdlParser.ParseDataType(text, rules).Text;
        }
        catch (Exception error) when (error is SqlParseException or ArgumentException)
        {
            return null;
        }
    }

    // An integer cast to another integer type is converted again without showing it: CAST('3' AS int) on a bigint is 3.
    private static bool SameType(string castText, string columnBase, IdentifierRules rules)
        => TypeText(castText, rules) is { } cast
           && (TypeNames.PostgresCastName(cast) == TypeNames.PostgresCastName(columnBase) || (IsPostgresInteger(BaseName(cast)) && IsPostgresInteger(columnBase)));

    private static bool IsPostgresInteger(string type) => type is "integer" or "bigint" or "smallint";

    // A cast to the column's type names it without modifiers: varchar(40) gets ::character varying.
    private static string BaseName(string type) => type.IndexOf('(') < 0 ? type : TypeModifiers().Replace(type, string.Empty);

    /// <summary>The text with PostgreSQL's spacing around <c>::</c>, brackets, parentheses and commas.</summary>
    private static string Tightened(string text, List<SqlToken> tokens)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var raw = text.AsSpan(token.Start, token.Length);
            var previous = i > 0 ? text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length) : default;
            var tight = i == 0
                || (token.Kind == SqlTokenKind.Symbol && raw is "::" or "[" or "]" or "," or ")")
                || (tokens[i - 1].Kind == SqlTokenKind.Symbol && previous is "::" or "[" or "(")
                || (raw is "(" && IsFunctionName(text, tokens[i - 1]));
            if (!tight && (token.SpaceBefore || (tokens[i - 1].Kind == SqlTokenKind.Symbol && previous is ","))) builder.Append(' ');
            builder.Append(raw);
        }

        return builder.ToString();
    }

    // A word before '(' is a function name unless it is an operator word: now (), but a IN (...).
    private static bool IsFunctionName(string text, SqlToken token)
        => token.Kind == SqlTokenKind.QuotedIdentifier
           || (token.Kind == SqlTokenKind.Word && SqlTokenText.Raw(text, token).ToLowerInvariant() is not ("and" or "or" or "not" or "in" or "is" or "like" or "ilike" or "between" or "when" or "then" or "else" or "exists" or "any" or "all" or "some" or "as"));

    // ---------- MySQL and MariaDB ----------

    private static string? MySql(Shape shape, string type, IdentifierRules rules)
    {
        if (MySqlCurrentTimestamp(shape) is { } now) return now;
        if (rules.Dialect == SqlDialect.MariaDb && BitWidth(type) is > 0 and var width) return MariaDbBit(shape, width, rules);
        if (!shape.Literal(rules, out var value, out var castType) || castType is not null) return null;
        var text = new MySqlTypeText(type);
        var name = text.Name;
        if (rules.Dialect == SqlDialect.MariaDb && value.Kind != LiteralKind.Boolean && name is "tinyint" or "smallint" or "mediumint" or "int" or "bigint" or "decimal" or "year" or "char" or "date" or "datetime" or "timestamp" or "time"
            && MariaDbDefaultValues.Stored(type, new MariaDbDefaultValues.Constant(value.Kind == LiteralKind.String, value.Text), rules) is { } mariaDb)
        {
            return mariaDb;
        }

        if (name is "tinyint" or "smallint" or "mediumint" or "int" or "bigint")
        {
            if (value.Kind == LiteralKind.Boolean) return value.Text == "true" ? "1" : "0";
            return long.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var integer)
                ? integer.ToString(CultureInfo.InvariantCulture)
                : null;
        }

        if (name is "decimal")
        {
            var scale = text is { M: >= 0, D: >= 0 and <= int.MaxValue and var d } ? (int)d : 0;
            if (value.Kind == LiteralKind.Boolean) return Scaled(value.Text == "true" ? "1" : "0", scale);
            return PlainDecimal().Match(value.Text.Trim()) is { Success: true } m ? Scaled(Decimal(m), scale) : null;
        }

        // MySQL 8 is left as written: how it shows a stored float was not checked on a server.
        if (name is "float" or "double" && rules.Dialect == SqlDialect.MariaDb)
        {
            return MariaDbFloatingDefaults.Text(value.Kind == LiteralKind.Boolean ? (value.Text == "true" ? "1" : "0") : value.Text, type);
        }

        if (name is "char" or "varchar" or "tinytext" or "text" or "mediumtext" or "longtext")
        {
            // A number on a character column is stored as its text.
            return value.Kind == LiteralKind.Number ? rules.QuoteString(value.Text) : null;
        }

        return null;
    }

    private static string? Scaled(string number, int scale)
    {
        var point = number.IndexOf('.', StringComparison.Ordinal);
        var fraction = point < 0 ? string.Empty : number[(point + 1)..];
        if (fraction.Length > scale) return null; // The server rounds (with a note); leave it as written.
        var whole = point < 0 ? number : number[..point];
        return scale == 0 ? whole : whole + "." + fraction.PadRight(scale, '0');
    }

    // Interpreted, not RegexOptions.Compiled: the engine mostly runs in short-lived processes
    // (a build's task, the tool), where compiling each pattern to IL and then JIT-compiling it
    // costs more than it saves on the few short default texts each is matched against.
    private static readonly Regex TypeModifiersPattern = new(@"\(\d+(,\d+)?\)");

    private static Regex TypeModifiers() => TypeModifiersPattern;

    private static readonly Regex PlainDecimalPattern = new(@"^(?<sign>[+-]?)(?<whole>\d+)(\.(?<fraction>\d+))?$", RegexOptions.CultureInvariant);

    private static Regex PlainDecimal() => PlainDecimalPattern;

    private static readonly Regex TimestampPrecisionPattern = new(@"^timestamp\((\d)\)");

    private static Regex TimestampPrecision() => TimestampPrecisionPattern;

    private static readonly Regex IsoDatePattern = new(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant);

    private static Regex IsoDate() => IsoDatePattern;

    private static readonly Regex IsoTimestampPattern = new(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,6}))?)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant);

    private static Regex IsoTimestamp() => IsoTimestampPattern;
}
