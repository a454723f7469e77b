using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchemaTasks.Migrations;
using SchemaTasks.Verification;

namespace SchemaTasks.Testing;

/// <summary>
/// Two migrations in the layout of each tool whose history the migrator writes, and the rows
/// that tool writes for them, so each provider's tests check the same cases against its server.
/// </summary>
internal static class ToolHistoryCases
{
    /// <summary>The tools, by name, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Tools => new() { "prisma", "golang-migrate", "dbmate", "goose", "sqlx", "drizzle", "sql-migrate" };

    /// <summary>Creates table <c>a</c>, then table <c>b</c>.</summary>
    public const string FirstSql = "CREATE TABLE a (id int PRIMARY KEY);";

    /// <summary>Creates table <c>b</c>.</summary>
    public const string SecondSql = "CREATE TABLE b (id int PRIMARY KEY);";

    /// <summary>Creates table <c>b</c>, then fails on a table that does not exist.</summary>
    public const string FailingSecondSql = "CREATE TABLE b (id int PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);";

    public static MigrationHistoryKind Kind(string tool) =>
        MigrationHistoryKinds.TryParse(tool, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(tool), tool, null);

    /// <summary>The layout of <paramref name="kind"/>'s folders.</summary>
    public static MigrationLayout Layout(MigrationHistoryKind kind) => kind switch
    {
        MigrationHistoryKind.Prisma => MigrationLayout.Prisma,
        MigrationHistoryKind.GolangMigrate => MigrationLayout.GolangMigrate,
        MigrationHistoryKind.Dbmate => MigrationLayout.Dbmate,
        MigrationHistoryKind.Goose => MigrationLayout.Goose,
        MigrationHistoryKind.Sqlx => MigrationLayout.Sqlx,
        MigrationHistoryKind.Drizzle => MigrationLayout.Drizzle,
        MigrationHistoryKind.SqlMigrate => MigrationLayout.SqlMigrate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The tool's folder holding <paramref name="first"/>, then <paramref name="second"/>, named and
    /// wrapped as the tool's files are, with drizzle-kit's journal.
    /// </summary>
    public static List<MigrationSourceFile> Files(MigrationHistoryKind kind, SqlDialect dialect, string second = SecondSql, string first = FirstSql)
    {
        var sql = new[] { first, second };
        var files = sql.Select((text, i) => File(kind, i + 1, text)).Select(f => new MigrationSourceFile(f.Path, f.Text)).ToList();
        if (kind == MigrationHistoryKind.Prisma)
        {
            files.Add(new MigrationSourceFile("migration_lock.toml", $"provider = \"{(dialect == SqlDialect.Postgres ? "postgresql" : "mysql")}\"\n"));
        }

        if (kind == MigrationHistoryKind.Drizzle)
        {
            var entries = sql.Select((_, i) => $$"""{"idx":{{i}},"version":"7","when":{{When(i + 1)}},"tag":"000{{i}}_m{{i + 1}}","breakpoints":true}""");
            files.Add(new MigrationSourceFile("meta/_journal.json", $$"""{"version":"7","dialect":"{{(dialect == SqlDialect.Postgres ? "postgresql" : "mysql")}}","entries":[{{string.Join(",", entries)}}]}"""));
        }

        return files;
    }

    /// <summary>The migrations of <paramref name="files"/> as the migrator loads a folder.</summary>
    public static EmbeddedMigrations Load(MigrationHistoryKind kind, SqlDialect dialect, IReadOnlyList<MigrationSourceFile> files) =>
        EmbeddedMigrations.FromFolder(MigrationFolderReader.ReadFiles(files, new MigrationFolderSettings { Layout = Layout(kind), Dialect = dialect }));

    /// <summary>The tool's two migrations, loaded: <see cref="Files"/>, then <see cref="Load"/>.</summary>
    public static EmbeddedMigrations Migrations(MigrationHistoryKind kind, SqlDialect dialect, string second = SecondSql, string first = FirstSql) =>
        Load(kind, dialect, Files(kind, dialect, second, first));

    /// <summary>The schema <paramref name="files"/> build, which verify compares with the database.</summary>
    public static ExpectedSchema Schema(MigrationHistoryKind kind, SqlDialect dialect, IReadOnlyList<MigrationSourceFile> files) =>
        ExpectedSchema.FromFiles(files, Layout(kind), dialect);

    /// <summary>Migration <paramref name="n"/>'s id, path and text in <paramref name="kind"/>'s layout.</summary>
    public static (string Id, string Path, string Text) File(MigrationHistoryKind kind, int n, string sql) => kind switch
    {
        MigrationHistoryKind.Prisma => ($"2024010{n}000000_m{n}", $"2024010{n}000000_m{n}/migration.sql", sql + "\n"),
        MigrationHistoryKind.Dbmate => ($"2024010{n}000000", $"2024010{n}000000_m{n}.sql", $"-- migrate:up\n{sql}\n\n-- migrate:down\nSELECT 1;\n"),
        MigrationHistoryKind.Goose => (Number(n), $"0000{n}_m{n}.sql", $"-- +goose Up\n{sql}\n\n-- +goose Down\nSELECT 1;\n"),
        MigrationHistoryKind.SqlMigrate => ($"2024010{n}000000-m{n}.sql", $"2024010{n}000000-m{n}.sql", $"-- +migrate Up\n{sql}\n\n-- +migrate Down\nSELECT 1;\n"),
        MigrationHistoryKind.Drizzle => (When(n), $"000{n - 1}_m{n}.sql", sql.Replace(";\n", ";\n--> statement-breakpoint\n", StringComparison.Ordinal) + "\n"),
        _ => (Number(n), $"{n}_m{n}.up.sql", sql + "\n"),
    };

    /// <summary>The query of the columns <see cref="Expected"/> lists, in the tool's order of writing.</summary>
    public static string RowsSql(MigrationHistoryKind kind, bool mySql) => kind switch
    {
        MigrationHistoryKind.Prisma => "SELECT migration_name, checksum, finished_at, applied_steps_count, logs, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name",
        MigrationHistoryKind.GolangMigrate => "SELECT version, dirty FROM schema_migrations",
        MigrationHistoryKind.Dbmate => "SELECT version FROM schema_migrations ORDER BY version",
        MigrationHistoryKind.Goose => "SELECT version_id, is_applied, tstamp FROM goose_db_version ORDER BY id",
        MigrationHistoryKind.Sqlx => "SELECT version, description, success, checksum FROM _sqlx_migrations ORDER BY version",
        MigrationHistoryKind.Drizzle => $"SELECT hash, created_at FROM {(mySql ? string.Empty : "drizzle.")}__drizzle_migrations ORDER BY id",
        MigrationHistoryKind.SqlMigrate => "SELECT id, applied_at FROM gorp_migrations ORDER BY id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The rows <paramref name="kind"/> writes once <paramref name="applied"/> of the migrations ran,
    /// each cell as <see cref="ReadRowsAsync"/> shows it; <paramref name="failedNext"/> adds the row a
    /// tool keeps for the failed migration after them (Prisma's unfinished row, golang-migrate's dirty
    /// version, sqlx's <c>success = false</c> on MySQL).
    /// </summary>
    public static List<string[]> Expected(MigrationHistoryKind kind, IReadOnlyList<EmbeddedMigration> migrations, int applied, bool mySql, bool failedNext = false)
    {
        var done = migrations.Take(applied).ToList();
        var failed = failedNext ? migrations[applied] : null;
        return kind switch
        {
            MigrationHistoryKind.Prisma => [.. done.Select(m => new[] { m.Id, Sha256(m.Text), "<time>", "1", "null", "null" }),
                .. failed is null ? [] : new[] { new[] { failed.Id, Sha256(failed.Text), "null", "0", "<text>", "null" } }],
            MigrationHistoryKind.GolangMigrate => failed is not null ? [[failed.Id, "true"]] : done.Count == 0 ? [] : [[done[^1].Id, "false"]],
            MigrationHistoryKind.Dbmate => [.. done.Select(m => new[] { m.Id })],
            MigrationHistoryKind.Goose => [["0", "true", "<time>"], .. done.Select(m => new[] { m.Id, "true", "<time>" })],
            MigrationHistoryKind.Sqlx => [.. done.Select(m => new[] { m.Id, m.Name, "true", Sha384(m.Text) }),
                .. failed is null || !mySql ? [] : new[] { new[] { failed.Id, failed.Name, "false", Sha384(failed.Text) } }],
            MigrationHistoryKind.Drizzle => [.. done.Select(m => new[] { Sha256(m.Text), m.Id })],
            MigrationHistoryKind.SqlMigrate => [.. done.Select(m => new[] { m.RelativePath, "<time>" })],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Reads <paramref name="sql"/>'s rows: times as <c>&lt;time&gt;</c>, bytes in hexadecimal, long texts as <c>&lt;text&gt;</c>, NULL as <c>null</c>.</summary>
    public static async Task<List<string[]>> ReadRowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
                {
                    DateTime or DateTimeOffset => "<time>",
                    byte[] bytes => Convert.ToHexString(bytes).ToLowerInvariant(),
                    bool flag => flag ? "true" : "false",
                    string text when text.Length > 80 || text.Contains(' ', StringComparison.Ordinal) && text.Contains("no_such_table", StringComparison.Ordinal) => "<text>",
                    var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string When(int n) => (1700000000000L + n * 100000L).ToString(CultureInfo.InvariantCulture);

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string Sha384(string text) => Convert.ToHexString(SHA384.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
