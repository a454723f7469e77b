using System.Globalization;
using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Testing;

/// <summary>
/// Migration histories that grow along one dimension at a time, for showing that the engine's
/// cost grows linearly with each: the guard test and the benchmark family build the same inputs.
/// Every shape builds cleanly (no diagnostics) at every size used, so the whole path is timed.
/// </summary>
public static class GrowthShapes
{
    /// <summary>The shapes, by name.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "statements per file",
        "columns per table",
        "columns added one by one",
        "labels per enum",
        "labels added one by one",
        "labels added BEFORE one",
        "labels added AFTER the last added",
        "columns placed FIRST (MySQL)",
        "columns placed AFTER a middle one (MySQL)",
        "CHECK list length",
        "files per folder",
        "comment nesting",
        "dollar-quoted body",
    ];

    /// <summary>
    /// The smallest size measured of each shape: one build then takes a few milliseconds, and
    /// four times it stays inside the servers' limits (1,600 columns).
    /// </summary>
    public static int BaseSize(string shape) => shape switch
    {
        "statements per file" or "files per folder" => 4_000,
        "columns per table" or "columns added one by one" => 350,
        "labels per enum" or "CHECK list length" => 5_000,
        "labels added one by one" => 2_000,
        // Large enough that the smaller run collects garbage too: at 2,000 it fits the collector's
        // first budget while four times as much does not, which adds a fifth to a linear ratio.
        "labels added BEFORE one" or "labels added AFTER the last added" => 8_000,
        // MySQL allows at most 4,096 columns, so four times this (with the table's own) stays below that.
        "columns placed FIRST (MySQL)" or "columns placed AFTER a middle one (MySQL)" => 1_000,
        "comment nesting" => 200_000,
        "dollar-quoted body" => 100_000,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "No such shape."),
    };

    /// <summary>The dialect shape <paramref name="shape"/> is written in: PostgreSQL, but for column placement, which is MySQL's.</summary>
    public static SqlDialect Dialect(string shape) => shape.EndsWith("(MySQL)", StringComparison.Ordinal) ? SqlDialect.MySql : SqlDialect.Postgres;

    /// <summary>The history of shape <paramref name="shape"/> at size <paramref name="n"/>, in the shape's <see cref="Dialect"/>.</summary>
    public static MigrationSet Create(string shape, int n)
    {
        var sql = new StringBuilder();
        switch (shape)
        {
            case "statements per file":
                for (var i = 0; i < n; i++) sql.Append(Invariant($"CREATE TABLE t{i} (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new');\n"));
                break;
            case "columns per table":
                // PostgreSQL allows at most 1,600 columns (with the id), so the sizes used stay below that.
                sql.Append("CREATE TABLE wide (\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"    c{i} varchar(40) NOT NULL DEFAULT 'x',\n"));
                sql.Append("    id bigint PRIMARY KEY\n);\n");
                break;
            case "columns added one by one":
                sql.Append("CREATE TABLE wide (id bigint PRIMARY KEY);\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"ALTER TABLE wide ADD COLUMN c{i} integer;\n"));
                break;
            case "labels per enum":
                sql.Append("CREATE TYPE status AS ENUM (");
                for (var i = 0; i < n; i++) sql.Append(i == 0 ? "" : ", ").Append(Invariant($"'label_{i}'"));
                sql.Append(");\n");
                break;
            case "labels added one by one":
                sql.Append("CREATE TYPE status AS ENUM ('first');\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"ALTER TYPE status ADD VALUE 'label_{i}';\n"));
                break;
            case "labels added BEFORE one":
                // Each neighbour is the last label, the far end of a search from the first.
                sql.Append("CREATE TYPE status AS ENUM ('first', 'last');\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"ALTER TYPE status ADD VALUE 'label_{i}' BEFORE 'last';\n"));
                break;
            case "labels added AFTER the last added":
                sql.Append("CREATE TYPE status AS ENUM ('label_0');\n");
                for (var i = 1; i <= n; i++) sql.Append(Invariant($"ALTER TYPE status ADD VALUE 'label_{i}' AFTER 'label_{i - 1}';\n"));
                break;
            case "columns placed FIRST (MySQL)":
                sql.Append("CREATE TABLE wide (id bigint PRIMARY KEY);\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"ALTER TABLE wide ADD COLUMN c{i} integer FIRST;\n"));
                break;
            case "columns placed AFTER a middle one (MySQL)":
                sql.Append("CREATE TABLE wide (id bigint PRIMARY KEY, middle integer, tail integer);\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"ALTER TABLE wide ADD COLUMN c{i} integer AFTER middle;\n"));
                break;
            case "CHECK list length":
                sql.Append("CREATE TABLE jobs (status text CHECK (status IN (");
                for (var i = 0; i < n; i++) sql.Append(i == 0 ? "" : ", ").Append(Invariant($"'value_{i}'"));
                sql.Append(")));\n");
                break;
            case "files per folder":
                return Files(n);
            case "comment nesting":
                for (var i = 0; i < n; i++) sql.Append("/* ");
                sql.Append("CREATE TABLE hidden (id int);");
                for (var i = 0; i < n; i++) sql.Append(" */");
                sql.Append("\nCREATE TABLE seen (id int);\n");
                break;
            case "dollar-quoted body":
                sql.Append("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$\nBEGIN\n");
                for (var i = 0; i < n; i++) sql.Append(Invariant($"  PERFORM 'it''s $x$ {i}';\n"));
                sql.Append("END\n$body$;\nCREATE TABLE seen (id int);\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "No such shape.");
        }

        return new MigrationSet(MigrationLayout.Plain, Dialect(shape), [Migration("1_shape", sql.ToString())]);
    }

    private static MigrationSet Files(int n)
    {
        var migrations = new List<Migration>(n);
        for (var i = 0; i < n; i++)
        {
            migrations.Add(Migration(Invariant($"{i + 1}_step"), Invariant($"CREATE TABLE t{i} (id bigint PRIMARY KEY, status text);\nALTER TABLE t{i} ADD COLUMN note text;\n")));
        }

        return new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres, migrations);
    }

    private static Migration Migration(string id, string sql) => new(id, id.Split('_')[0], id, id + ".sql", "growth", sql);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
