using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB refuses a table whose row, BLOB and TEXT columns counted by their pointers only, can
/// take more than 65,535 bytes (error 1118, Row size too large; in any sql_mode and storage
/// engine; checked on 10.11, and the MySQL manual gives the same rule and sizes): a VARCHAR takes
/// its length times its charset's most bytes a character plus one or two length bytes (two past
/// 255 bytes), a VARBINARY its length plus those, a CHAR or BINARY its length (by the charset for
/// CHAR), an integer its bytes, an ENUM or SET at least one byte, a TINYTEXT or TINYBLOB 9 bytes
/// up to 12 for LONGTEXT and LONGBLOB, generated columns too, and the nullable columns one
/// bit each, in whole bytes. Other types are counted as nothing, so the sum is never more than
/// the server's: refused only when it is sure. A charset the migrations do not tell is taken as 1
/// to 4 bytes a character: refused when even 1 is too many, a warning when only more are.
/// </summary>
internal static class MariaDbRowSize
{
    private const long MostBytes = 65_535;

    private const long MostVarcharBytes = 65_532;

    /// <summary>Reports <paramref name="table"/> when MariaDB refuses its row size; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, SqlToken at, ApplyContext context)
    {
        if (!context.Rules.Dialect.IsMySqlFamily()) return false;
        TableCharsets? charsets = null;
        long least = 0, most = 0, nullable = 0;
        foreach (var column in table.Columns)
        {
            if (column.IsNullable) nullable++;
            if (column.InlineValues is not null)
            {
                (least, most) = (least + 1, most + 1);
                continue;
            }

            var type = new MySqlTypeText(column.Type);
            if (FixedBytes(type) is { } bytes)
            {
                (least, most) = (least + bytes, most + bytes);
                continue;
            }

            if (type.Length is not { } length || type.Name is not ("varchar" or "char" or "varbinary" or "binary")) continue;
            if (type.Name is "varbinary" or "binary")
            {
                var binary = length + LengthBytes(type.Name, length);
                (least, most) = (least + binary, most + binary);
                continue;
            }

            charsets ??= TableCharsets.Of(table, context.Rules);
            var perCharacter = MySqlCharsets.MaxBytes(charsets.Of(column.Name));
            var (fewest, widest) = (length * (perCharacter ?? 1), length * (perCharacter ?? 4));

            // A VARCHAR over a row's bytes by itself is the width check's (error 1074, or a TEXT
            // type without a strict sql_mode), in every charset or in the wider ones.
            if (fewest > MostVarcharBytes) continue;
            if (widest > MostVarcharBytes) widest = fewest;
            (least, most) = (least + fewest + LengthBytes(type.Name, fewest), most + widest + LengthBytes(type.Name, widest));
        }

        var nullBytes = (nullable + 7) / 8;
        (least, most) = (least + nullBytes, most + nullBytes);
        if (least > MostBytes)
        {
            context.Error(
                DiagnosticCodes.ColumnDefinitionRefused,
                $"The server refuses table {context.Show(table.Name)}: its columns take at least {least} bytes a row, over the 65535 a row holds, BLOB and TEXT columns counted by their 9 to 12 bytes (error 1118, Row size too large). Make some columns TEXT or BLOB, shorten them, or use a charset with fewer bytes a character.",
                at);
            return true;
        }

        if (most > MostBytes)
        {
            context.Warning(
                DiagnosticCodes.TypeUndecidedByCharset,
                $"The columns of {context.Show(table.Name)} take {least} to {most} bytes a row by the database's default charset, which the migrations do not set: the server refuses a row over 65535 bytes, BLOB and TEXT columns counted by their 9 to 12 bytes (error 1118, Row size too large). Give the table or its columns a CHARACTER SET, or make some columns TEXT.",
                at);
        }

        return false;
    }

    /// <summary>
    /// Whether an ALTER TABLE is judged again: it adds or retypes a character or binary string
    /// column, the types that make a row long, or converts the charset. A column of another type
    /// added to a row just under the limit passes unreported: judging every ALTER would read every
    /// column of a wide table at each of the one-column ALTERs a history adds it with, which grows
    /// with the square of its width.
    /// </summary>
    public static bool MayGrow(AlterTableStatement s)
    {
        foreach (var action in s.Actions)
        {
            var grows = action switch
            {
                AddColumnAction add => IsString(add.Column.Type),
                AddColumnsAction adds => adds.Columns.Any(a => IsString(a.Column.Type)),
                AlterColumnTypeAction retype => IsString(retype.Type),
                ReplaceColumnAction replace => IsString(replace.Definition.Type),
                ConvertToCharsetAction => true,
                _ => false,
            };
            if (grows) return true;
        }

        return false;
    }

    private static bool IsString(TypeSpec type)
        => type.Inline is null && new MySqlTypeText(type.Text).Name is "varchar" or "char" or "varbinary" or "binary";

    // The bytes of a type whose size its name tells; null for the others.
    private static long? FixedBytes(MySqlTypeText type) => type.Name switch
    {
        "tinyint" => 1,
        "smallint" => 2,
        "mediumint" => 3,
        "int" => 4,
        "bigint" => 8,
        "tinytext" or "tinyblob" => 9,
        "text" or "blob" => 10,
        "mediumtext" or "mediumblob" => 11,
        "longtext" or "longblob" => 12,
        _ => null,
    };

    // A VARCHAR or VARBINARY keeps its length in one byte up to 255 bytes, else two; a CHAR or BINARY in none.
    private static long LengthBytes(ReadOnlySpan<char> name, long bytes) => name is "varchar" or "varbinary" ? (bytes > 255 ? 2 : 1) : 0;
}
