using System.Runtime.ExceptionServices;

namespace SchemaTasks.Migrations;

/// <summary>
/// Reads many files at once: on the calling thread and, for a folder large enough to repay it,
/// one more. Reading a thousand migrations is mostly opening files and decoding their text,
/// which a second core halves; each file's text or the reason it cannot be read comes back in
/// the order asked for, so the result does not depend on which thread read what.
/// </summary>
internal static class FileReads
{
    // Below this many files a thread costs more to start than it saves.
    private const int WorthASecondThread = 64;

    /// <summary>What was read of a file, or why it could not be read.</summary>
    public readonly record struct Outcome<T>(T? Read, Exception? Failure)
        where T : class;

    /// <summary>
    /// <paramref name="read"/> for every index below <paramref name="count"/>. An
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> becomes that index's
    /// <see cref="Outcome{T}.Failure"/>; any other exception is thrown here, as if read on this thread.
    /// </summary>
    public static Outcome<T>[] Run<T>(int count, Func<int, T> read)
        where T : class
    {
        var outcomes = new Outcome<T>[count];
        var next = -1;
        ExceptionDispatchInfo? unexpected = null;

        void Work()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    try
                    {
                        outcomes[i] = new Outcome<T>(read(i), null);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        outcomes[i] = new Outcome<T>(null, ex);
                    }
                }
            }
            catch (Exception ex)
            {
                // Stop the other thread at its next file, and surface the first failure.
                Interlocked.Exchange(ref next, count);
                Interlocked.CompareExchange(ref unexpected, ExceptionDispatchInfo.Capture(ex), null);
            }
        }

        if (count < WorthASecondThread || Environment.ProcessorCount < 2)
        {
            Work();
        }
        else
        {
            var helper = new Thread(Work) { IsBackground = true, Name = "SchemaTasks file reads" };
            helper.Start();
            Work();
            helper.Join();
        }

        unexpected?.Throw();
        return outcomes;
    }
}
