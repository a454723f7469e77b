using System.CommandLine.Parsing;

namespace SchemaTasks.Tool;

/// <summary>
/// The names of a history table and its schema, checked before any SQL holds them: letters, digits,
/// <c>_</c> and <c>$</c>, not starting with a digit or <c>$</c>, at most 63 characters. These are the
/// names PostgreSQL and MySQL both take as they are (PostgreSQL keeps 63 bytes of a name, MySQL 64),
/// and every migration tool's history table has one; anything else is a typo or an injection, which
/// the server would otherwise answer with an error about the SQL rather than the option.
/// </summary>
internal static class HistoryIdentifier
{
    public const int MaxLength = 63;

    public static string? Parse(ArgumentResult result, string what)
    {
        var text = OptionParsing.Token(result);
        if (text is not null && !IsValid(text))
        {
            result.AddError($"{OptionParsing.Name(result)} is '{ShownValue.Of(text)}'; a {what} name here is letters, digits, _ and $ (not first), at most {MaxLength} characters, which PostgreSQL and MySQL both accept as written. Give the name alone, without quotes or a schema.");
        }

        return text;
    }

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
