using System.Security.Cryptography;

namespace SchemaTasks.Tool;

/// <summary>
/// Loads the platform's hashing library on a thread of its own while the tool starts. Every
/// command that reads migrations hashes each one (its checksum), and on Linux the first hash
/// loads and links OpenSSL: about a tenth of a one-migration run, and time the folder's readers
/// would otherwise wait for (docs/benchmarks.md). Started first, the load runs while the command
/// line is read and the folder listed, on a core that is idle then.
/// </summary>
internal static class HashingWarmUp
{
    public static void Start()
    {
        if (Environment.ProcessorCount < 2) return; // With one core it only moves the wait.
        new Thread(static () =>
        {
            try
            {
                _ = SHA256.HashData(ReadOnlySpan<byte>.Empty);
            }
#pragma warning disable CA1031 // A warm-up only: the command hashes later and meets any failure itself.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        })
        { IsBackground = true, Name = "SchemaTasks hashing warm-up" }.Start();
    }
}
