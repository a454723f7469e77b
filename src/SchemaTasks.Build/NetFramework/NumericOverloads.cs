// Compiled only into the .NET Framework task (net472): the .NET 8 arithmetic, hashing and
// encoding calls the engine's sources make, written with what .NET Framework has.
using System.Security.Cryptography;
using System.Text;

namespace SchemaTasks;

internal static class FrameworkNumericOverloads
{
    extension(Math)
    {
        public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
    }

    extension(long)
    {
        public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider provider, out long result)
            => long.TryParse(text.ToString(), style, provider, out result);
    }

    extension(byte)
    {
        public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider? provider, out byte result)
            => byte.TryParse(text.ToString(), style, provider, out result);
    }

    extension(ulong)
    {
        public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider provider, out ulong result)
            => ulong.TryParse(text.ToString(), style, provider, out result);
    }

    extension(int)
    {
        public static int Parse(ReadOnlySpan<char> text, IFormatProvider? provider) => int.Parse(text.ToString(), provider);

        public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider provider, out int result)
            => int.TryParse(text.ToString(), style, provider, out result);
    }

    extension(decimal)
    {
        public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider provider, out decimal result)
            => decimal.TryParse(text.ToString(), style, provider, out result);
    }

    extension(double)
    {
        public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider provider, out double result)
            => double.TryParse(text.ToString(), style, provider, out result);
    }

    extension(Convert)
    {
        public static string ToHexString(byte[] bytes)
        {
            var hex = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }
    }

    extension(SHA256)
    {
        public static byte[] HashData(byte[] source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }

        public static byte[] HashData(ReadOnlySpan<byte> source) => HashData(source.ToArray());
    }

    extension(Encoding encoding)
    {
        public int GetByteCount(ReadOnlySpan<char> chars) => encoding.GetByteCount(chars.ToArray());
    }
}
