// Compiled into the .NET Framework task (net472), which compiles the engine's sources
// unchanged, and into the analyzer (netstandard2.0), which compiles the engine's SQL lexer: the
// .NET 8 APIs they call, written with what older frameworks have. C# 14 extension members let
// a call such as char.IsAsciiDigit(c) bind here.

namespace SchemaTasks;

internal static class FrameworkAsciiChecks
{
    extension(char)
    {
        public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

        public static bool IsAsciiLetterLower(char c) => c is >= 'a' and <= 'z';

        public static bool IsAsciiLetterUpper(char c) => c is >= 'A' and <= 'Z';

        public static bool IsAsciiLetter(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiLetterUpper(c);

        public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c);

        public static bool IsAsciiHexDigit(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';

        public static bool IsAscii(char c) => c <= '\u007f';
    }
}
