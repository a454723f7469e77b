using System.Globalization;

namespace SchemaTasks.Tool.Tests.Processes;

/// <summary>
/// A golang-migrate folder of 20 migrations that must each run exactly once: every one after
/// the first inserts its id into <c>ran</c> and creates a table, so a second run would fail or
/// leave a duplicate row. A few sleep, so the lock is held while other processes wait for it.
/// </summary>
internal static class ConcurrentMigrations
{
    public const int Count = 20;

    private static readonly int[] Slow = [5, 10, 15, 20];

    /// <summary>Writes the folder; returns the migration ids in order.</summary>
    public static IReadOnlyList<string> Write(string folder, SqlDialect dialect)
    {
        var ids = new List<string>();
        for (var i = 1; i <= Count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            ids.Add(id);
            File.WriteAllText(Path.Combine(folder, $"{id}_step_{id}.up.sql"), Text(i, dialect));
            File.WriteAllText(Path.Combine(folder, $"{id}_step_{id}.down.sql"), "-- not run by the migrator\n");
        }

        return ids;
    }

    private static string Text(int i, SqlDialect dialect)
    {
        if (i == 1)
        {
            // No key: a migration run twice must show as a duplicate row, not as an error hiding it.
            return "CREATE TABLE ran (migration varchar(16) NOT NULL);\n";
        }

        var text = $"INSERT INTO ran (migration) VALUES ('{i}');\nCREATE TABLE step_{i} (id int NOT NULL);\n";
        text += (i, dialect) switch
        {
            (3, SqlDialect.Postgres) => "CREATE TYPE job_state AS ENUM ('queued', 'done');\nCREATE TABLE job (id int NOT NULL, state job_state NOT NULL);\n",
            (3, _) => "CREATE TABLE job (id int NOT NULL, state ENUM('queued', 'done') NOT NULL);\n",
            (12, SqlDialect.Postgres) => "ALTER TYPE job_state ADD VALUE 'failed';\n",
            (12, _) => "ALTER TABLE job MODIFY COLUMN state ENUM('queued', 'done', 'failed') NOT NULL;\n",
            _ => string.Empty,
        };
        if (Slow.Contains(i))
        {
            text += dialect == SqlDialect.Postgres ? "SELECT pg_sleep(0.5);\n" : "DO SLEEP(0.5);\n";
        }

        return text;
    }
}
