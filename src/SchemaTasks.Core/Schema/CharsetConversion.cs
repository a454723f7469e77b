using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL <c>ALTER TABLE ... CONVERT TO CHARACTER SET</c>. Every character column takes the new
/// charset, and the server keeps as many characters as each could hold: a TEXT type holds a number
/// of bytes, so it widens to the smallest TEXT type that holds its characters in the new charset
/// (latin1 TEXT to utf8mb4 is MEDIUMTEXT). CHAR and VARCHAR keep their length in characters.
/// <c>CHARACTER SET binary</c> makes them the binary types (BLOB, BINARY, VARBINARY). A VARCHAR
/// that its new charset makes too long for a VARCHAR is, on MariaDB, refused in a strict sql_mode
/// (<see cref="RefusesLongVarchar"/>) and made the smallest TEXT type for its bytes without one.
/// </summary>
internal static class CharsetConversion
{
    // The TEXT types by how many bytes each holds, smallest first, with their binary counterparts.
    private static readonly (string Text, long Bytes, string Blob)[] TextTypes =
    [
        ("tinytext", 255, "tinyblob"),
        ("text", 65_535, "blob"),
        ("mediumtext", 16_777_215, "mediumblob"),
        ("longtext", 4_294_967_295, "longblob"),
    ];

    // The most bytes a VARCHAR holds (the server refuses more: error 1074 in strict SQL mode).
    private const long VarcharBytes = 65_535;

    // The most bytes any charset takes for a character (utf8mb4, utf16, utf32, gb18030).
    private const int WidestCharacter = 4;

    public static CatalogTable Apply(CatalogTable table, ConvertToCharsetAction convert, ApplyContext context)
    {
        var charsets = TableCharsets.Of(table, context.Rules);
        var target = TableCharsets.Known(convert.Charset);
        var toBinary = target == MySqlCharsets.Binary;
        var undecided = new List<string>();
        var columns = table.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var type = column.Type;
            if (TextTypeIndex(type) is { } index)
            {
                var widened = toBinary ? index : Widened(index, MySqlCharsets.MaxBytes(charsets.Of(column.Name)), MySqlCharsets.MaxBytes(target));
                if (widened is null) undecided.Add(column.Name);
                else type = toBinary ? TextTypes[index].Blob : TextTypes[widened.Value].Text;
            }
            else if (Length(type, "varchar") is { } varchar)
            {
                if (toBinary) type = $"varbinary({varchar})";
                else if (context.Rules.Dialect != SqlDialect.MariaDb) ReportVarcharTooLong(table, column.Name, varchar, target, convert, context);
                else if (context.Session.StrictModeOff && MariaDbColumnRules.LongVarcharAsLob(type, target) is { } lob) type = lob; // In strict mode, RefusesLongVarchar.
                else if (target is null) ReportVarcharTooLong(table, column.Name, varchar, target, convert, context);
            }
            else if (Length(type, "char") is { } fixedLength)
            {
                if (toBinary) type = $"binary({fixedLength})";
            }
            else if (column.InlineValues is null)
            {
                continue; // Not a character column: CONVERT leaves it alone.
            }

            // Binary strings have no charset; ENUM and SET keep theirs (binary too), as character columns.
            charsets = charsets.WithColumn(column.Name, toBinary && column.InlineValues is null ? null : target);
            if (!toBinary && context.Rules.Dialect == SqlDialect.MariaDb) charsets = charsets.WithCollation(column.Name, MariaDbColumnCollations.Converted(target, convert.Collation), context.Rules);
            if (type != column.Type) table = table.WithColumnChanged(i, column with { Type = NamePool.Get(type) });
        }

        if (undecided.Count > 0) ReportUndecided(table, undecided, target, convert, context);
        return table with { Charsets = charsets with { Default = target } };
    }

    /// <summary>
    /// MariaDB in a strict sql_mode refuses a <c>CONVERT TO CHARACTER SET</c> that makes a VARCHAR
    /// need more than the 65,532 bytes a VARCHAR holds (error 1074, checked on 10.11; without strict
    /// mode <see cref="Apply"/> made it a TEXT type). Reads <paramref name="table"/> after the
    /// statement, which converted with <paramref name="convert"/>; <see langword="true"/> when refused.
    /// </summary>
    public static bool RefusesLongVarchar(CatalogTable table, ConvertToCharsetAction convert, ApplyContext context)
    {
        var target = TableCharsets.Known(convert.Charset);
        if (context.Rules.Dialect != SqlDialect.MariaDb || context.Session.StrictModeOff || MySqlCharsets.MaxBytes(target) is not { } bytes || bytes == 1) return false;
        var charsets = TableCharsets.Of(table, context.Rules);
        foreach (var column in table.Columns)
        {
            if (Length(column.Type, "varchar") is not { } length || length * bytes <= MariaDbColumnRules.VarcharBytes || MySqlCharsets.MaxBytes(charsets.Of(column.Name)) != bytes) continue;
            var most = MariaDbColumnRules.VarcharBytes / bytes;
            context.Error(
                DiagnosticCodes.ConvertedVarcharTooLong,
                $"MariaDB refuses ALTER TABLE {context.Show(table.Name)} CONVERT TO CHARACTER SET {target}: column {context.Show(column.Name)} is varchar({length}), which takes up to {length * bytes} bytes in {target}, and a VARCHAR holds 65,532 (error 1074, Column length too big for column '{column.Name}' (max = {most}), in a strict sql_mode, the default). Shorten the column to at most varchar({most}), or make it TEXT or MEDIUMTEXT with MODIFY before the conversion.",
                convert.At);
            return true;
        }

        return false;
    }

    // The TEXT type (index into TextTypes) that holds as many characters as the one at `index`
    // did: its bytes over the old charset's bytes per character, times the new one's. Null when
    // that depends on a charset not known; it cannot widen when the new charset's characters take
    // no more bytes than the old one's.
    private static int? Widened(int index, int? oldBytes, int? newBytes)
    {
        if ((newBytes ?? WidestCharacter) <= (oldBytes ?? 1)) return index;
        if (oldBytes is not { } from || newBytes is not { } to) return null;
        var needed = TextTypes[index].Bytes / from * to;
        var widened = index;
        while (widened < TextTypes.Length - 1 && TextTypes[widened].Bytes < needed) widened++;
        return widened;
    }

    private static int? TextTypeIndex(string type)
    {
        for (var i = 0; i < TextTypes.Length; i++)
        {
            if (type == TextTypes[i].Text) return i;
        }

        return null;
    }

    // The length of `name(n)`, such as varchar(255), or null for another type.
    private static long? Length(string type, string name)
        => new MySqlTypeText(type) is var text && text.Name.SequenceEqual(name.AsSpan()) ? text.Length : null;

    private static void ReportVarcharTooLong(CatalogTable table, string column, long length, string? target, ConvertToCharsetAction convert, ApplyContext context)
    {
        var bytes = MySqlCharsets.MaxBytes(target) ?? WidestCharacter;
        if (length * bytes <= VarcharBytes) return;
        var may = target is null ? "may need" : "needs";
        context.Warning(
            DiagnosticCodes.ConvertedVarcharTooLong,
            $"ALTER TABLE {context.Show(table.Name)} CONVERT TO CHARACTER SET {Show(target)}: column {context.Show(column)} is varchar({length}), which {may} up to {length * bytes} bytes in {Show(target)}, more than a VARCHAR holds (65535). In strict SQL mode (the default) the server refuses the statement (error 1074); without it, the server makes the column a TEXT type. SchemaTasks keeps varchar({length}). Shorten the column, or make it TEXT or MEDIUMTEXT with MODIFY before the conversion.",
            convert.At);
    }

    private static void ReportUndecided(CatalogTable table, List<string> columns, string? target, ConvertToCharsetAction convert, ApplyContext context)
    {
        var names = string.Join(", ", columns.Select(context.Show));
        var message = target is null
            ? $"ALTER TABLE {context.Show(table.Name)} CONVERT TO CHARACTER SET DEFAULT converts to the database's default charset, which the migrations do not tell. The TEXT types of {names} after the conversion depend on it (the server widens a TEXT type to keep its characters when they take more bytes), so SchemaTasks keeps them as they are, which may be wrong. Name the charset instead of DEFAULT."
            : $"ALTER TABLE {context.Show(table.Name)} CONVERT TO CHARACTER SET {target}: the TEXT types of {names} after the conversion depend on the charset they had before it (the server widens a TEXT type to keep its characters when they take more bytes in {target}), and the migrations do not set it, so it is the database's default, which SchemaTasks cannot know. SchemaTasks keeps the types as they are, which may be wrong. Set the charset where the table is created (CREATE TABLE ... DEFAULT CHARSET=...) or on the columns, or convert the table to its current charset before this statement, so that the conversion starts from a known one.";
        context.Warning(DiagnosticCodes.CharsetConversionUndecided, message, convert.At);
    }

    private static string Show(string? charset) => charset ?? "DEFAULT";
}
