using System.Globalization;

namespace SchemaTasks.Benchmarks.Migrator;

/// <summary>
/// The 1,000 small migrations the migrator benchmarks apply: 100 rounds of the ten changes an
/// application typically ships (an enum type, a table using it, seed rows, a new column, an
/// index, a checked column, a data fix, a child table with its index, a new enum label, child
/// rows). Fixed text, so every tool and every run applies the same SQL.
/// </summary>
internal static class MigratorCorpus
{
    public const int MigrationCount = 1000;

    private const int StepsPerRound = 10;

    /// <summary>The migrations in apply order; <c>Name</c> sorts in that order as text too.</summary>
    public static IReadOnlyList<(int Number, string Name, string Sql)> Migrations { get; } = Generate();

    private static List<(int, string, string)> Generate()
    {
        var list = new List<(int, string, string)>(MigrationCount);
        for (var i = 0; i < MigrationCount; i++)
        {
            var round = i / StepsPerRound;
            var (kind, sql) = Step(i % StepsPerRound, "t" + round.ToString(CultureInfo.InvariantCulture));
            var number = i + 1;
            var name = string.Create(CultureInfo.InvariantCulture, $"{number:D4}_{kind}_t{round}");
            list.Add((number, name, $"-- {name}\n{sql}"));
        }

        return list;
    }

    private static (string Kind, string Sql) Step(int step, string t) => step switch
    {
        0 => ("create_type", $"CREATE TYPE {t}_status AS ENUM ('new', 'active', 'closed');\n"),
        1 => ("create_table", $"""
            CREATE TABLE {t} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                status {t}_status NOT NULL DEFAULT 'new',
                created_at timestamptz NOT NULL DEFAULT now()
            );

            """),
        2 => ("seed", $"INSERT INTO {t} (name, status) VALUES ('first', 'new'), ('second', 'active'), ('third', 'closed');\n"),
        3 => ("add_column", $"ALTER TABLE {t} ADD COLUMN note text;\n"),
        4 => ("create_index", $"CREATE INDEX {t}_name_idx ON {t} (name);\n"),
        5 => ("add_amount", $"ALTER TABLE {t} ADD COLUMN amount numeric(12, 2) NOT NULL DEFAULT 0;\nALTER TABLE {t} ADD CONSTRAINT {t}_amount_check CHECK (amount >= 0);\n"),
        6 => ("fill_note", $"UPDATE {t} SET note = name || ' note' WHERE note IS NULL;\n"),
        7 => ("create_tag", $"""
            CREATE TABLE {t}_tag (
                id serial PRIMARY KEY,
                item_id bigint NOT NULL REFERENCES {t} (id) ON DELETE CASCADE,
                tag varchar(40) NOT NULL
            );
            CREATE INDEX {t}_tag_item_idx ON {t}_tag (item_id);

            """),
        // Not used in the same migration, so PostgreSQL 12+ runs it inside the transaction.
        8 => ("add_label", $"ALTER TYPE {t}_status ADD VALUE 'archived';\n"),
        _ => ("tag_rows", $"INSERT INTO {t}_tag (item_id, tag) SELECT id, 'tag-' || id FROM {t};\n"),
    };
}
