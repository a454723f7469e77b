using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL keeps an enum label in a name-sized field: one longer than 63 bytes of UTF-8
/// (NAMEDATALEN - 1) is refused by CREATE TYPE ... AS ENUM, ADD VALUE and RENAME VALUE alike
/// (SQLSTATE 42602), before any other check of the label. The empty label is accepted.
/// </summary>
internal static class EnumLabelLength
{
    /// <summary>The longest label PostgreSQL accepts, in bytes.</summary>
    public const int MaxBytes = 63;

    /// <summary>Whether <paramref name="label"/> fits; reports <c>ST3144</c> when it does not.</summary>
    /// <param name="label">The label.</param>
    /// <param name="statement">The statement, as the message names it.</param>
    /// <param name="context">Where to report.</param>
    /// <param name="at">The statement's position.</param>
    public static bool Fits(string label, string statement, ApplyContext context, SqlToken at)
    {
        if (!context.IsPostgres || label.Length * 3 <= MaxBytes) return true; // A UTF-16 unit is at most 3 bytes of UTF-8.
        var bytes = Encoding.UTF8.GetByteCount(label);
        if (bytes <= MaxBytes) return true;
        context.Error(
            DiagnosticCodes.EnumLabelTooLong,
            $"{statement} gives label {context.ShowValue(label)}, which is {bytes} bytes long: PostgreSQL refuses it (SQLSTATE 42602, invalid enum label; labels must be {MaxBytes} bytes or less). Shorten the label to {MaxBytes} bytes of UTF-8 or fewer.",
            at);
        return false;
    }
}
