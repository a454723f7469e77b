using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB refuses a primary key whose columns take more than 3,072 bytes (InnoDB's most; error
/// 1071, Specified key was too long, in any sql_mode; checked on 10.11): a CHAR or VARCHAR counts
/// its length times its charset's most bytes a character (<c>varchar(768)</c> in utf8mb4 is 3,072),
/// a BINARY or VARBINARY its length, an integer its bytes. A UNIQUE key of that length is taken
/// (the server keeps a hash of it) and a plain index is cut to a prefix, so only the primary key
/// is judged; and only when it has no prefix or expression part and every column is of those
/// types. A charset the migrations do not tell (the database's default) is taken as 1 to 4 bytes:
/// refused when even 1 is too many, a warning when only more are.
/// </summary>
internal static class MariaDbKeyLength
{
    private const long MostBytes = 3072;

    /// <summary>Reports the primary key of <paramref name="table"/> when MariaDB refuses its length; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, SqlToken at, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || !table.Keys.TryGetValue("PRIMARY", out var key) || key.Kind != ConstraintKind.PrimaryKey || key.Unfit || key.ColumnsUnknown) return false;
        var charsets = TableCharsets.Of(table, context.Rules);
        long least = 0, most = 0;
        foreach (var name in key.Columns)
        {
            if (table.FindColumn(name, context.Rules.Dialect) is not { InlineValues: null } column || Bytes(column.Type) is not { } bytes) return false;
            if (!bytes.PerCharacter)
            {
                (least, most) = (least + bytes.Count, most + bytes.Count);
                continue;
            }

            var perCharacter = MySqlCharsets.MaxBytes(charsets.Of(column.Name));
            (least, most) = (least + (bytes.Count * (perCharacter ?? 1)), most + (bytes.Count * (perCharacter ?? 4)));
        }

        if (least > MostBytes)
        {
            context.Error(
                DiagnosticCodes.ColumnDefinitionRefused,
                $"MariaDB refuses the primary key of {context.Show(table.Name)} ({string.Join(", ", key.Columns.Select(context.Show))}): its columns take {least} bytes, over InnoDB's 3072 (error 1071, Specified key was too long; max key length is 3072 bytes). Key a prefix (a(100)), shorten the columns, or use a charset with fewer bytes a character.",
                at);
            return true;
        }

        if (most > MostBytes)
        {
            context.Warning(
                DiagnosticCodes.TypeUndecidedByCharset,
                $"The primary key of {context.Show(table.Name)} ({string.Join(", ", key.Columns.Select(context.Show))}) takes {least} to {most} bytes by the database's default charset, which the migrations do not set: MariaDB refuses it over 3072 bytes (error 1071, Specified key was too long). Give the table or its columns a CHARACTER SET, or key a prefix.",
                at);
        }

        return false;
    }

    /// <summary>Whether an ALTER TABLE turned <paramref name="before"/> into <paramref name="after"/> with another primary key, or other columns or charsets under it: only then is its length judged again.</summary>
    public static bool Changed(CatalogTable before, CatalogTable after)
    {
        after.Keys.TryGetValue("PRIMARY", out var key);
        if (key is null) return false;
        if (!before.Keys.TryGetValue("PRIMARY", out var had) || (had.Columns != key.Columns && !had.Columns.SequenceEqual(key.Columns))) return true;
        if (!ReferenceEquals(before.Charsets, after.Charsets) && !Equals(before.Charsets, after.Charsets)) return true;
        foreach (var name in key.Columns)
        {
            if (before.FindColumn(name, SqlDialect.MariaDb)?.Type != after.FindColumn(name, SqlDialect.MariaDb)?.Type) return true;
        }

        return false;
    }

    // The bytes a key part of the type takes: a count of characters for CHAR and VARCHAR, else of bytes; null when not judged.
    private static (long Count, bool PerCharacter)? Bytes(string type)
    {
        var text = new MySqlTypeText(type);
        switch (text.Name)
        {
            case "tinyint": return (1, false);
            case "smallint": return (2, false);
            case "mediumint": return (3, false);
            case "int": return (4, false);
            case "bigint": return (8, false);
        }

        if (text.Length is not { } length) return null;
        return text.Name switch
        {
            "char" or "varchar" => (length, true),
            "binary" or "varbinary" => (length, false),
            _ => null,
        };
    }
}
