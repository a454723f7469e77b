using System.Globalization;
using System.Text;

namespace SchemaTasks.Tool;

/// <summary>
/// A value from the command line as a message shows it: on one line (control characters written
/// as escapes) and short (a long value clipped, with its length), so a message stays one line a
/// log or a terminal shows whole, whatever was typed.
/// </summary>
internal static class ShownValue
{
    private const int Longest = 60;

    public static string Of(string value)
    {
        var clipped = value.Length > Longest;
        var text = Escaped(clipped ? value[..Longest] : value);
        return clipped ? string.Create(CultureInfo.InvariantCulture, $"{text}... ({value.Length} characters)") : text;
    }

    /// <summary>
    /// A message on one line: each long or unprintable argument it repeats is shown as
    /// <see cref="Of"/> shows it, and any other control character is escaped.
    /// </summary>
    public static string OneLine(string message, IEnumerable<string> arguments)
    {
        foreach (var argument in arguments.Where(a => a.Length > Longest || a.Any(char.IsControl)).Distinct(StringComparer.Ordinal).OrderByDescending(a => a.Length))
        {
            message = message.Replace(argument, Of(argument), StringComparison.Ordinal);
        }

        return Escaped(message.TrimEnd('\r', '\n'));
    }

    private static string Escaped(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\0' => "\\0",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
