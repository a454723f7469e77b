using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Benchmarks.Corpus;

/// <summary>
/// Writes a deterministic set of realistic migrations: the same seed gives the same text on
/// every machine, so numbers from different runs compare. Each migration mixes the DDL the
/// engine tracks with the noise real projects carry (routines, data, indexes, comments),
/// which the engine must skip. <paramref name="noise"/> multiplies only the noise, so a run
/// at 10 shows whether cost follows the schema or the text.
/// </summary>
internal abstract class CorpusGenerator(int seed, int noise)
{
    protected Random Random { get; } = new(seed);

    protected int Noise { get; } = noise;

    protected StringBuilder Sql { get; } = new();

    /// <summary>Tables created so far, with the columns the generator may still alter or drop.</summary>
    protected List<GeneratedTable> Tables { get; } = [];

    /// <summary>Enum types created so far (PostgreSQL) and how many labels each has.</summary>
    protected List<GeneratedEnum> Enums { get; } = [];

    public static MigrationSet Create(SqlDialect dialect, int count = 1000, int noise = 1, int seed = 20240601)
    {
        CorpusGenerator generator = dialect == SqlDialect.MySql ? new MySqlCorpus(seed, noise) : new PostgresCorpus(seed, noise);
        var migrations = new List<Migration>(count);
        for (var i = 0; i < count; i++)
        {
            generator.Sql.Clear();
            generator.Migration(i);
            var id = $"{20200101000000L + i:D14}_step_{i}";
            migrations.Add(new Migration(id, id[..14], $"step_{i}", $"{id}/migration.sql", "benchmark", generator.Sql.ToString()));
        }

        return new MigrationSet(MigrationLayout.Prisma, dialect, migrations);
    }

    /// <summary>UTF-8 size of all migration text, the basis of the MB/s figures.</summary>
    public static long SizeInBytes(MigrationSet set) => set.Migrations.Sum(m => (long)Encoding.UTF8.GetByteCount(m.Sql));

    /// <summary>Writes migration <paramref name="index"/>.</summary>
    protected abstract void Migration(int index);

    protected string Word() => Words[Random.Next(Words.Length)];

    protected T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    protected static readonly string[] Words =
    [
        "account", "status", "created", "updated", "owner", "region", "priority", "amount", "payload", "attempt",
        "tenant", "label", "source", "target", "schedule", "window", "comment", "version", "checksum", "reason",
    ];

    protected static readonly string[] Labels =
    [
        "pending", "running", "completed", "failed", "cancelled", "queued", "paused", "archived", "retrying", "expired",
        "validating", "notifying", "scheduled", "blocked", "skipped",
    ];
}

/// <summary>A generated table and the columns later migrations may touch.</summary>
internal sealed class GeneratedTable(string name)
{
    public string Name { get; } = name;

    /// <summary>Columns added by ALTER TABLE that are safe to drop later.</summary>
    public List<string> Added { get; } = [];

    /// <summary>Plain integer columns that are safe to widen.</summary>
    public List<string> Integers { get; } = [];

    /// <summary>
    /// MySQL: the columns every INSERT gives a value (NOT NULL without a default, and int columns a
    /// later CHANGE makes NOT NULL), each with a constant of its type.
    /// </summary>
    public List<(string Name, string Value)> Given { get; } = [];

    /// <summary>MySQL: the ENUM column and its current values.</summary>
    public List<string> EnumValues { get; } = [];

    public int Counter { get; set; }
}

/// <summary>A generated PostgreSQL enum type.</summary>
internal sealed class GeneratedEnum(string name, int labels)
{
    public string Name { get; } = name;

    public int Labels { get; set; } = labels;
}
