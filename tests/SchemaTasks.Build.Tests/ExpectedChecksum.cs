using System.Security.Cryptography;

namespace SchemaTasks.Build.Tests;

/// <summary>The checksum of an LF file, computed independently of the code under test.</summary>
internal static class ExpectedChecksum
{
    public static string Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
