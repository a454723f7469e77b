using System.Runtime.ExceptionServices;
using System.Text.Json;
using SchemaTasks.Json;
using SchemaTasks.Schema;

namespace SchemaTasks.Snapshot;

public static partial class SnapshotJson
{
    // Below this many tables a thread costs more to start than the half it writes saves.
    private const int TablesWorthASecondThread = 64;

    /// <summary>
    /// The tables, most of a long history's file: with a second core, the second half is written
    /// there while this thread writes the first, then copied in after it. A cold snapshot of 1,000
    /// migrations spent about a tenth of its time writing, all of it after the engine had finished
    /// and the other core had nothing left to do (docs/benchmarks.md). The bytes are those one
    /// writer would write: the same format at the same depth, and the separator between the halves
    /// written here.
    /// </summary>
    private static void WriteTables(Utf8JsonWriter writer, Catalog catalog, Stream? target)
    {
        var tables = catalog.Tables.Values.ToArray();
        if (target is null || tables.Length < TablesWorthASecondThread || Environment.ProcessorCount < 2)
        {
            WriteTables(writer, catalog, tables, 0, tables.Length);
            return;
        }

        var half = tables.Length / 2;
        var secondHalf = new SegmentedBuffer();
        long prefix = 0;
        ExceptionDispatchInfo? failure = null;
        var helper = new Thread(() =>
        {
            try
            {
                prefix = WriteApart(secondHalf, catalog, tables, half);
            }
#pragma warning disable CA1031 // Not swallowed: thrown again on the writing thread below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        })
        { IsBackground = true, Name = "SchemaTasks snapshot tables" };
        helper.Start();
        WriteTables(writer, catalog, tables, 0, half);
        helper.Join();
        failure?.Throw();

        // The writer has written the first half's last table; its state stays that of an array
        // with elements, so the closing bracket it writes next follows the copied tables alike.
        writer.Flush();
        target.WriteByte((byte)',');
        secondHalf.CopyTo(target, prefix);
    }

    private static void WriteTables(Utf8JsonWriter writer, Catalog catalog, CatalogTable[] tables, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            WriteTable(writer, catalog, tables[i]);
            DeterministicJson.FlushWhenFull(writer);
        }
    }

    // The tables from `from` on, written inside the objects and array that hold them in the file,
    // so that each line has the indentation it has there; returns how many bytes those openings
    // took, which the copy leaves out. Each table begins with its line break and indentation and
    // the first has no separator before it, so what follows the openings is the tables as they
    // continue the array.
    private static long WriteApart(SegmentedBuffer output, Catalog catalog, CatalogTable[] tables, int from)
    {
        using var writer = DeterministicJson.CreateWriter(output);
        writer.WriteStartObject();
        writer.WritePropertyName(SnapshotProperty.Schema);
        writer.WriteStartObject();
        writer.WriteStartArray(SnapshotProperty.Tables);
        writer.Flush();
        var prefix = output.WrittenCount;
        WriteTables(writer, catalog, tables, from, tables.Length);
        writer.Flush();
        return prefix;
    }
}
