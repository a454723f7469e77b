// Compiled only into the .NET Framework task (net472), which compiles the engine's sources
// unchanged: the .NET 8 APIs they call, written with what .NET Framework has. C# 14 extension
// members let a call such as ArgumentNullException.ThrowIfNull(x) bind here.
using System.Runtime.CompilerServices;

namespace SchemaTasks;

internal static class FrameworkArgumentChecks
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull(object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null) throw new ArgumentNullException(paramName);
        }
    }

    extension(ArgumentOutOfRangeException)
    {
        public static void ThrowIfNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(paramName, value, "The value must not be negative.");
        }

        public static void ThrowIfGreaterThanOrEqual(int value, int other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        {
            if (value >= other) throw new ArgumentOutOfRangeException(paramName, value, $"The value must be less than {other}.");
        }
    }
}
