// Compiled only into the .NET Framework task (net472), which compiles the engine's sources
// unchanged: the .NET 8 APIs they call, written with what .NET Framework has. C# 14 extension
// members let a call such as text.Contains(',', StringComparison.Ordinal) bind here.

namespace SchemaTasks;

internal static class FrameworkStringOverloads
{
    extension(string)
    {
        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => first.ToString() + second.ToString();
    }

    extension(string text)
    {
        public string Replace(string oldValue, string? newValue, StringComparison comparison)
        {
            if (comparison != StringComparison.Ordinal) throw new NotSupportedException("Only ordinal replacement is provided on .NET Framework.");
            return text.Replace(oldValue, newValue);
        }

        public bool Contains(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison) >= 0;

        public int IndexOf(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

        public string[] Split(string separator, StringSplitOptions options) => text.Split([separator], options);

        public bool StartsWith(char value) => text.Length > 0 && text[0] == value;

        public bool EndsWith(char value) => text.Length > 0 && text[text.Length - 1] == value;

        /// <summary>The code points of the text, as .NET 8's runes give them (lone surrogates as U+FFFD).</summary>
        public IEnumerator<CodePoint> EnumerateRunes()
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    yield return new CodePoint(char.ConvertToUtf32(text[i], text[i + 1]));
                    i++;
                }
                else
                {
                    yield return new CodePoint(char.IsSurrogate(text[i]) ? 0xFFFD : text[i]);
                }
            }
        }
    }

    extension(ReadOnlySpan<char> text)
    {
        public bool ContainsAnyExcept(ReadOnlySpan<char> values)
        {
            foreach (var c in text)
            {
                if (values.IndexOf(c) < 0) return true;
            }

            return false;
        }

        public bool ContainsAnyExcept(char value)
        {
            foreach (var c in text)
            {
                if (c != value) return true;
            }

            return false;
        }
    }

    extension(System.Text.RegularExpressions.Regex regex)
    {
        public bool IsMatch(ReadOnlySpan<char> input) => regex.IsMatch(input.ToString());
    }

    extension(string)
    {
        public static string Join(char separator, params string[] values) => string.Join(separator.ToString(), values);

        public static string Join(char separator, IEnumerable<string> values) => string.Join(separator.ToString(), values);
    }
}

internal static class FrameworkStringBuilderOverloads
{
    extension(System.Text.StringBuilder builder)
    {
        public System.Text.StringBuilder Append(ReadOnlySpan<char> value) => builder.Append(value.ToString());
    }
}

/// <summary>Stands in for .NET 8's <c>System.Text.Rune</c> where only its value is read.</summary>
internal readonly record struct CodePoint(int Value);
