using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Widths, lengths, precisions and scales the server refuses in a column's type, read from the
/// type's normalised text. MariaDB 10.11 was checked for each rule and its error: an integer's
/// display width over 255 and a BIT over 64 (1439), a DECIMAL scale over 38 (1425, judged first),
/// precision over 65 (1426) or below its scale (1427), a FLOAT or DOUBLE scale over 30 other than
/// 39 (1425), width below its scale (1427) or over 255 (1439), a FLOAT(p) over 53 (1063), a
/// fractional-seconds precision over 6 (1426), a CHAR or BINARY over 255 (1074), and a VARCHAR or
/// VARBINARY over 65,532 (1074 in a strict sql_mode, the default; without it the server makes the
/// column a TEXT or BLOB type, which is not judged) or over 4,294,967,295 (1439 in any mode).
/// MySQL 8 was not checked: only the limits and errors its manual gives alike are judged there
/// (DECIMAL precision 65, fractional seconds 6, CHAR 255).
/// </summary>
internal static class MySqlTypeWidths
{
    private const long MaxTextLength = 4_294_967_295;

    /// <summary>Reports the width of <paramref name="column"/>'s type the server refuses; <see langword="true"/> then.</summary>
    public static bool Refuses(QualifiedName table, ColumnSpec column, ApplyContext context)
    {
        var type = column.Type.Text;
        if (column.Type.Inline is not null || !context.Rules.Dialect.IsMySqlFamily()) return false;
        var parsed = new MySqlTypeText(type);
        if (!parsed.HasArguments) return false;
        var name = parsed.Name;
        var (first, second) = (parsed.M, parsed.D);
        // Not plain numbers; or a pair with a number over 32 bits, which MariaDB takes as a syntax error.
        if (first < 0 || second < 0 || (second is not null && Math.Max(first, second.Value) > MaxTextLength)) return false;

        var refusal = context.Rules.Dialect == SqlDialect.MariaDb
            ? MariaDbRefusal(name, first, second, context.Session.StrictModeOff)
            : MySqlRefusal(name, first, second);
        if (refusal is not { } found) return false;
        var (error, text, fix) = found;
        context.Error(
            DiagnosticCodes.TypeWidthRefused,
            $"The server refuses column {context.Show(column.Name)} of {context.Show(table)}: its type {type} {text} (error {error}). {fix}.",
            column.At);
        return true;
    }

    private static (int Error, string Text, string Fix)? MariaDbRefusal(ReadOnlySpan<char> name, long first, long? second, bool strictModeOff)
    {
        switch (name)
        {
            case "tinyint" or "smallint" or "mediumint" or "int" or "bigint" when first > 255:
                return (1439, "has a display width over 255, the most the server shows", "Write a width up to 255, or none");
            case "bit" when first > 64:
                return (1439, "has more than 64 bits, the most a BIT holds", "Use BIT(64) or less, or a BINARY or BLOB type");
            case "decimal" when second > 38:
                return (1425, "has a scale over 38, the most MariaDB takes", "Use a scale up to 38");
            case "decimal" when first > 65:
                return (1426, "has a precision over 65, the most a DECIMAL holds", "Use a precision up to 65");
            case "decimal" or "float" or "double" when second is { } scale && first < scale && !(name is not "decimal" && scale == 39):
                return (1427, "has fewer digits than its scale (M must be >= D)", "Make the precision at least the scale");
            case "float" or "double" when second is { } scale && scale > 30 && scale != 39:
                return (1425, "has a scale over 30, the most a FLOAT or DOUBLE takes", "Use a scale up to 30, or DECIMAL");
            case "float" or "double" when second is not null && first > 255:
                return (1439, "has a width over 255, the most the server shows", "Use a width up to 255, or none");
            case "float" when second is null && first > 53:
                return (1063, "asks for a precision over 53 bits, which no floating-point type holds (Incorrect column specifier)", "Use FLOAT(p) with p up to 53, or DOUBLE");
            case "datetime" or "timestamp" or "time" when first > 6:
                return (1426, "has a fractional-seconds precision over 6, the most the server keeps", "Use a precision up to 6 (microseconds)");
            case "char" or "binary" when first > 255:
                return (1074, "is longer than 255, the most a CHAR or BINARY holds", "Use VARCHAR, VARBINARY, TEXT or BLOB");
            case "varchar" or "varbinary" when first > MaxTextLength:
                return (1439, "is longer than 4294967295, the most the server reads", "Use a TEXT or BLOB type");
            case "varchar" or "varbinary" when first > 65_532 && !strictModeOff:
                return (1074, "is longer than 65532, the most a VARCHAR or VARBINARY holds in any charset (in a strict sql_mode, the default; without it the server makes the column a TEXT or BLOB type)", "Use a TEXT or BLOB type");
            default:
                return null;
        }
    }

    // The limits MySQL 8's manual gives, with the errors both servers share for them.
    private static (int Error, string Text, string Fix)? MySqlRefusal(ReadOnlySpan<char> name, long first, long? second) => name switch
    {
        "decimal" when first > 65 && second <= 30 => (1426, "has a precision over 65, the most a DECIMAL holds", "Use a precision up to 65"),
        "datetime" or "timestamp" or "time" when first > 6 => (1426, "has a fractional-seconds precision over 6, the most the server keeps", "Use a precision up to 6 (microseconds)"),
        "char" or "binary" when first > 255 => (1074, "is longer than 255, the most a CHAR or BINARY holds", "Use VARCHAR, VARBINARY, TEXT or BLOB"),
        _ => null,
    };
}
