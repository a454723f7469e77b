using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What MariaDB 10.11 makes of a column definition by its charset and clauses (checked on the
/// server for each): <c>TEXT(n)</c> becomes the smallest TEXT type for n characters of the
/// column's charset (<c>text(100)</c> is tinytext in latin1, text in utf8mb4); a <c>VARCHAR(n)</c>
/// longer than 65,532 bytes of it is refused in the default, strict sql_mode (error 1074: utf8mb4
/// holds 16,383 characters, utf8mb3 21,844; without strict mode the server makes it the smallest
/// TEXT type for its bytes, and a VARBINARY a BLOB type; where the charset is not known, utf8mb4's
/// type with a warning); a NOT NULL DATETIME or TIMESTAMP with ON UPDATE and no DEFAULT gets the
/// zero date as its default; and
/// <c>ON UPDATE</c> on a column that is not a TIMESTAMP or DATETIME is refused in any mode (error 1294). A charset that is not known (the database's default, which
/// the migrations do not set) decides nothing: where the readings differ, a warning says so, and
/// a TEXT(n) is sized for utf8mb4.
/// </summary>
internal static class MariaDbColumnRules
{
    private const int WidestCharacter = 4;

    private const long RowBytes = 65_532;

    /// <summary>The most bytes a VARCHAR holds in MariaDB: its characters times its charset's most bytes a character.</summary>
    internal const long VarcharBytes = RowBytes;

    /// <summary>
    /// <paramref name="column"/> as the server stores it: a <c>TEXT(n)</c> type sized as the server
    /// sizes it, a VARCHAR too long for one made a TEXT type without strict mode, and the zero
    /// default of a NOT NULL DATETIME or TIMESTAMP with ON UPDATE and no DEFAULT.
    /// </summary>
    /// <param name="column">The column as made from <paramref name="spec"/>.</param>
    /// <param name="spec">Its definition.</param>
    /// <param name="charset">Its charset as the migrations tell it (its own, else the table's); <see langword="null"/> or empty when not known.</param>
    /// <param name="table">Its table, for the message.</param>
    /// <param name="context">Where to report.</param>
    public static CatalogColumn Sized(CatalogColumn column, ColumnSpec spec, string? charset, QualifiedName table, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb) return column;
        if (!column.IsNullable && column.HasOnUpdate && column.Default is null && ZeroDateTime(column.Type) is { } zero) return column with { Default = NamePool.Get(zero) };
        if (context.Session.StrictModeOff && LongVarchar(column, spec, charset, table, context) is { } lob) return column with { Type = NamePool.Get(lob) };
        if (new MySqlTypeText(column.Type) is not { Name: "text", Length: { } length } || length > uint.MaxValue) return column;
        var characters = (ulong)length;
        if (charset == MySqlCharsets.Binary) return column; // A binary TEXT is a BLOB type: not judged.
        string sized;
        if (MySqlCharsets.MaxBytes(charset) is { } bytes)
        {
            sized = TypeNames.SizedLobType("text", characters * (ulong)bytes);
        }
        else
        {
            sized = TypeNames.SizedLobType("text", characters * WidestCharacter);
            if (TypeNames.SizedLobType("text", characters) != sized)
            {
                context.Warning(
                    DiagnosticCodes.TypeUndecidedByCharset,
                    $"Column {context.Show(column.Name)} of {context.Show(table)} is {column.Type}, which MariaDB makes the smallest TEXT type for {characters} characters of the column's charset: {TypeNames.SizedLobType("text", characters)} in latin1, {sized} in utf8mb4. The migrations do not say the charset (the database's default), so the snapshot takes {sized}. Give the column or the table a CHARACTER SET, or write the TEXT type itself.",
                    spec.At);
            }
        }

        return column with { Type = NamePool.Get(sized) };
    }

    // A NOT NULL DATETIME or TIMESTAMP with ON UPDATE and no DEFAULT gets the zero date as its
    // default, with the column's fractional digits ('0000-00-00 00:00:00.000' for datetime(3)), in
    // any sql_mode, NO_ZERO_DATE too (checked on 10.11); ALTER COLUMN ... DROP DEFAULT removes it.
    // Null for another type (ON UPDATE on one is refused: Refuses).
    private static string? ZeroDateTime(string type)
    {
        var text = new MySqlTypeText(type);
        if (text.Name is not ("datetime" or "timestamp") || !text.Rest.IsEmpty || text.D is not null) return null;
        var digits = text.M is >= 1 and <= 6 ? (int)text.M : 0;
        return digits == 0 ? "'0000-00-00 00:00:00'" : "'0000-00-00 00:00:00." + new string('0', digits) + "'";
    }

    // LongVarcharAsLob, and when the charset is not known and decides, utf8mb4's reading (as for
    // TEXT(n)) with a warning that says the stored type depends on it.
    private static string? LongVarchar(CatalogColumn column, ColumnSpec spec, string? charset, QualifiedName table, ApplyContext context)
    {
        if (LongVarcharAsLob(column.Type, charset) is { } lob) return lob;
        var text = new MySqlTypeText(column.Type);
        if (text.Length is not { } length || text.Name is not "varchar" || charset == MySqlCharsets.Binary || MySqlCharsets.MaxBytes(charset) is not null) return null;
        if (length * WidestCharacter <= RowBytes) return null;
        var widest = TypeNames.SizedLobType("text", (ulong)length * WidestCharacter);
        var latin1 = length > RowBytes ? TypeNames.SizedLobType("text", (ulong)length) : column.Type;
        context.Warning(
            DiagnosticCodes.TypeUndecidedByCharset,
            $"Column {context.Show(column.Name)} of {context.Show(table)} is {column.Type}, which MariaDB without a strict sql_mode stores by the bytes of the column's charset: {latin1} in latin1, {widest} in utf8mb4 (a VARCHAR holds 65,532 bytes; more makes it the smallest TEXT type for them). The migrations do not say the charset (the database's default), so the snapshot takes {widest}. Give the column or the table a CHARACTER SET, or write the TEXT type itself.",
            spec.At);
        return widest;
    }

    // Without a strict sql_mode the server makes a VARCHAR or VARBINARY longer than a VARCHAR holds
    // (65,532 bytes) the smallest TEXT or BLOB type for its bytes: varchar(70000) in latin1 is
    // mediumtext, varchar(16384) in utf8mb4 mediumtext, varchar(21845) in utf8mb3 text,
    // varbinary(65533) blob (checked on 10.11). Null for another type, for one that fits, and when
    // the charset is not known and decides.
    internal static string? LongVarcharAsLob(string type, string? charset)
    {
        var text = new MySqlTypeText(type);
        if (text.Length is not { } length || text.Name is not ("varchar" or "varbinary")) return null;
        if (text.Name is "varbinary" || charset == MySqlCharsets.Binary) return length > RowBytes ? TypeNames.SizedLobType("blob", (ulong)length) : null;
        if (MySqlCharsets.MaxBytes(charset) is { } bytes) return length * bytes > RowBytes ? TypeNames.SizedLobType("text", (ulong)(length * bytes)) : null;
        var (fewest, widest) = (TypeNames.SizedLobType("text", (ulong)length), TypeNames.SizedLobType("text", (ulong)length * WidestCharacter));
        return length > RowBytes && fewest == widest ? fewest : null;
    }

    /// <summary>Reports a definition MariaDB refuses by its charset or its ON UPDATE clause; <see langword="true"/> then.</summary>
    /// <param name="table">The column's table.</param>
    /// <param name="column">Its definition.</param>
    /// <param name="type">Its type as stored.</param>
    /// <param name="charset">Its charset as the migrations tell it; <see langword="null"/> or empty when not known.</param>
    /// <param name="context">Where to report.</param>
    public static bool Refuses(QualifiedName table, ColumnSpec column, string type, string? charset, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb) return false;
        if (column.OnUpdateAt != default && !type.StartsWith("timestamp", StringComparison.Ordinal) && !type.StartsWith("datetime", StringComparison.Ordinal))
        {
            context.Error(
                DiagnosticCodes.ColumnDefinitionRefused,
                $"MariaDB refuses ON UPDATE on column {context.Show(column.Name)} of {context.Show(table)}: it is {type}, and only a TIMESTAMP or DATETIME column takes ON UPDATE (error 1294, Invalid ON UPDATE clause for '{column.Name}' column). Remove ON UPDATE, or make the column a TIMESTAMP or DATETIME.",
                column.OnUpdateAt);
            return true;
        }

        return !context.Session.StrictModeOff && VarcharRefused(table, column, type, charset, context);
    }

    // In strict mode, a VARCHAR(n) whose n characters take more than 65,532 bytes of its charset.
    private static bool VarcharRefused(QualifiedName table, ColumnSpec column, string type, string? charset, ApplyContext context)
    {
        var text = new MySqlTypeText(type);
        var length = text.M;
        if (text is not { Name: "varchar", HasArguments: true, D: null } || length < 0 || length > RowBytes) return false; // Past any charset: MySqlTypeWidths.
        if (length * WidestCharacter <= RowBytes) return false;
        if (MySqlCharsets.MaxBytes(charset) is { } bytes)
        {
            var most = RowBytes / bytes;
            if (length <= most) return false;
            context.Error(
                DiagnosticCodes.TypeWidthRefused,
                $"The server refuses column {context.Show(column.Name)} of {context.Show(table)}: {type} in {charset} takes up to {length * bytes} bytes, and a VARCHAR holds 65,532 (error 1074, Column length too big for column '{column.Name}' (max = {most}), in a strict sql_mode, the default). Use at most varchar({most}), a TEXT type, or a charset with fewer bytes a character.",
                column.At);
            return true;
        }

        context.Warning(
            DiagnosticCodes.TypeUndecidedByCharset,
            $"Column {context.Show(column.Name)} of {context.Show(table)} is {type}: MariaDB refuses it (error 1074, Column length too big) when the column's charset takes more than {RowBytes / length} bytes a character (utf8mb4 holds 16,383 characters, utf8mb3 21,844), and takes it in latin1. The migrations do not say the charset (the database's default), so SchemaTasks keeps the column. Give the column or the table a CHARACTER SET, or use a TEXT type.",
            column.At);
        return false;
    }
}
