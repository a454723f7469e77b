using System.Globalization;
using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Benchmarks.SelfCheck;

/// <summary>
/// The migrations the start-up self-check benchmarks run against: a Prisma folder of 1,000
/// migrations over 300 tables. Fixed text (no randomness), so every run checks the same schema.
/// </summary>
internal static class SelfCheckCorpus
{
    public const int MigrationCount = 1000;
    public const int TableCount = 300;
    public const int EnumCount = 50;

    /// <summary>The migration texts in apply order, with a name every tool can sort by.</summary>
    public static IReadOnlyList<(int Number, string Name, string Sql)> Migrations { get; } = Generate();

    /// <summary>The same migrations as a Prisma folder (lock file + one directory per migration).</summary>
    public static IReadOnlyList<MigrationSourceFile> PrismaFiles()
    {
        var files = new List<MigrationSourceFile> { new("migration_lock.toml", "provider = \"postgresql\"\n") };
        files.AddRange(Migrations.Select(m => new MigrationSourceFile($"{m.Name}/migration.sql", m.Sql)));
        return files;
    }

    private static List<(int, string, string)> Generate()
    {
        var list = new List<(int, string, string)>(MigrationCount);
        for (var i = 1; i <= MigrationCount; i++)
        {
            // Prisma's names start with a timestamp; the fixed prefix keeps them sortable as text too.
            var name = (20250101000000L + i).ToString(CultureInfo.InvariantCulture) + "_step_" + i.ToString(CultureInfo.InvariantCulture);
            list.Add((i, name, Sql(i)));
        }

        return list;
    }

    // 50 enum types, then 300 tables using them (CHECK lists and enum columns: what the check
    // compares), then 650 changes to both: new enum values, new CHECKed columns, table CHECKs.
    private static string Sql(int i)
    {
        var s = new StringBuilder();
        if (i <= EnumCount)
        {
            s.Append(CultureInfo.InvariantCulture, $"CREATE TYPE \"Status{i}\" AS ENUM ('A', 'B', 'C');\n");
        }
        else if (i <= EnumCount + TableCount)
        {
            var t = i - EnumCount;
            s.Append(CultureInfo.InvariantCulture, $"""
                CREATE TABLE "t{t}" (
                    "id" INTEGER NOT NULL,
                    "state" TEXT NOT NULL CHECK ("state" IN ('on', 'off', 'paused')),
                    "kind" "Status{1 + (t % EnumCount)}" NOT NULL DEFAULT 'A',
                    "note" TEXT,
                    CONSTRAINT "t{t}_pkey" PRIMARY KEY ("id")
                );

                """);
        }
        else
        {
            var step = i - EnumCount - TableCount;
            var t = 1 + (step % TableCount);
            switch (step % 3)
            {
                case 0:
                    s.Append(CultureInfo.InvariantCulture, $"ALTER TYPE \"Status{1 + (step % EnumCount)}\" ADD VALUE 'V{i}';\n");
                    break;
                case 1:
                    s.Append(CultureInfo.InvariantCulture, $"ALTER TABLE \"t{t}\" ADD COLUMN \"c{i}\" TEXT CHECK (\"c{i}\" IN ('x', 'y', 'z'));\n");
                    break;
                default:
                    s.Append(CultureInfo.InvariantCulture, $"ALTER TABLE \"t{t}\" ADD CONSTRAINT \"t{t}_k{i}\" CHECK (\"id\" <> {i});\n");
                    break;
            }
        }

        return s.ToString();
    }
}
