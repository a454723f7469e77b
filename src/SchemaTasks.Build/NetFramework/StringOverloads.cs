// Compiled only into the .NET Framework task (net472), which compiles the engine's sources
// unchanged: the .NET 8 APIs they call, written with what .NET Framework has. C# 14 extension
// members let a call such as text.Contains(',', StringComparison.Ordinal) bind here.

namespace SchemaTasks;

internal static class FrameworkStringOverloads
{
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
    }
}
