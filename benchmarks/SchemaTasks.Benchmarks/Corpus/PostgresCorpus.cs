namespace SchemaTasks.Benchmarks.Corpus;

/// <summary>PostgreSQL migrations: schemas, enum types, wide tables, ALTERs, CHECKs, and noise.</summary>
internal sealed class PostgresCorpus(int seed, int noise) : CorpusGenerator(seed, noise)
{
    private static readonly string[] ColumnTypes =
    [
        "bigint", "integer", "varchar(120)", "text", "timestamp(3) with time zone", "numeric(12,2)", "boolean",
        "jsonb", "uuid", "date", "character varying(64)", "smallint", "double precision", "timestamptz",
    ];

    // Noise draws from its own generator, so every noise level yields the same schema.
    private readonly Random _noise = new(seed + 1);

    protected override void Migration(int index)
    {
        Sql.Append("-- Migration ").Append(index).Append(": generated for the SchemaTasks benchmarks.\n\n");
        if (index % 100 == 0)
        {
            Sql.Append("CREATE SCHEMA IF NOT EXISTS app_").Append(index / 100).Append(";\n\n");
        }

        if (index < 20 || Random.Next(10) < 4)
        {
            CreateTypeAndTable(index);
        }
        else
        {
            AlterExisting(index);
        }

        var blocks = Noise * (1 + _noise.Next(3));
        for (var i = 0; i < blocks; i++)
        {
            NoiseBlock(index, i);
        }
    }

    private void CreateTypeAndTable(int index)
    {
        var schema = $"app_{index / 100}";
        var type = index % 3 == 0 ? $"\"JobStatus{index}\"" : $"{schema}.job_status_{index}";
        var labels = 4 + Random.Next(8);
        Sql.Append("CREATE TYPE ").Append(type).Append(" AS ENUM (");
        for (var i = 0; i < labels; i++)
        {
            Sql.Append(i == 0 ? "" : ", ").Append('\'').Append(Labels[i]).Append('\'');
        }

        Sql.Append(");\n\n");
        Enums.Add(new GeneratedEnum(type, labels));

        var table = new GeneratedTable($"{schema}.{Word()}s_{index}");
        Sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append(" (\n");
        Sql.Append("    id bigserial PRIMARY KEY,\n");
        Sql.Append("    status ").Append(type).Append(" NOT NULL DEFAULT 'pending',\n");
        Sql.Append("    kind text NOT NULL CHECK (kind IN ('alpha', 'beta', 'gamma', 'delta')),\n");
        if (Tables.Count > 0)
        {
            var parent = Pick(Tables);
            Sql.Append("    parent_id bigint REFERENCES ").Append(parent.Name).Append(" (id) ON DELETE CASCADE,\n");
        }

        var columns = 14 + Random.Next(22);
        for (var i = 0; i < columns; i++)
        {
            var name = $"{Word()}_{i}";
            var columnType = ColumnTypes[Random.Next(ColumnTypes.Length)];
            Sql.Append("    ").Append(name).Append(' ').Append(columnType);
            if (columnType == "integer") table.Integers.Add(name);
            switch (Random.Next(5))
            {
                case 0:
                    Sql.Append(" NOT NULL");
                    break;
                case 1 when columnType is "integer" or "bigint" or "smallint":
                    Sql.Append(" NOT NULL DEFAULT 0 CHECK (").Append(name).Append(" >= 0)");
                    break;
                case 2 when columnType.StartsWith("timestamp", StringComparison.Ordinal):
                    Sql.Append(" DEFAULT now()");
                    break;
            }

            Sql.Append(",\n");
        }

        Sql.Append("    created_at timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,\n");
        Sql.Append("    CONSTRAINT ").Append(table.Name[(schema.Length + 1)..]).Append("_kind_status_check CHECK (status <> 'failed' OR kind <> 'alpha')\n");
        Sql.Append(");\n\n");
        Tables.Add(table);
    }

    private void AlterExisting(int index)
    {
        var type = Pick(Enums);
        Sql.Append("ALTER TYPE ").Append(type.Name).Append(" ADD VALUE IF NOT EXISTS 'extra_").Append(type.Labels).Append("' AFTER 'pending';\n\n");
        type.Labels++;

        var table = Pick(Tables);
        var n = table.Counter++;
        Sql.Append("ALTER TABLE ").Append(table.Name).Append('\n');
        Sql.Append("    ADD COLUMN IF NOT EXISTS note_").Append(n).Append(" text,\n");
        Sql.Append("    ADD COLUMN level_").Append(n).Append(" varchar(20) NOT NULL DEFAULT 'low',\n");
        Sql.Append("    ADD CONSTRAINT ").Append(table.Name[(table.Name.IndexOf('.') + 1)..]).Append("_level_").Append(n)
            .Append("_check CHECK (level_").Append(n).Append(" IN ('low', 'medium', 'high'));\n\n");
        table.Added.Add($"note_{n}");

        if (table.Integers.Count > 0 && Random.Next(2) == 0)
        {
            var column = table.Integers[^1];
            table.Integers.RemoveAt(table.Integers.Count - 1);
            Sql.Append("ALTER TABLE ").Append(table.Name).Append(" ALTER COLUMN ").Append(column).Append(" TYPE bigint USING ").Append(column).Append("::bigint;\n");
            Sql.Append("ALTER TABLE ONLY ").Append(table.Name).Append(" ALTER COLUMN ").Append(column).Append(" SET DEFAULT 1;\n\n");
        }

        if (table.Added.Count > 2)
        {
            Sql.Append("ALTER TABLE ").Append(table.Name).Append(" DROP COLUMN IF EXISTS ").Append(table.Added[0]).Append(";\n\n");
            table.Added.RemoveAt(0);
        }

        Sql.Append("ALTER TABLE ").Append(table.Name).Append(" ALTER COLUMN kind SET NOT NULL;\n\n");
    }

    private void NoiseBlock(int index, int block)
    {
        var table = Tables.Count > 0 ? Tables[_noise.Next(Tables.Count)].Name : "public.audit_log";
        switch (_noise.Next(6))
        {
            case 0:
                Sql.Append($$"""
                    CREATE OR REPLACE FUNCTION app_touch_{{index}}_{{block}}() RETURNS trigger
                        LANGUAGE plpgsql
                    AS $fn$
                    BEGIN
                        -- A body is one token: CREATE TABLE ghost (id int); in here is never DDL.
                        NEW.updated_at := now();
                        IF NEW.status = 'failed' THEN
                            INSERT INTO audit_log (entity, message) VALUES ('{{table}}', 'it''s failed; retry later');
                        ELSIF NEW.status = 'cancelled' THEN
                            PERFORM pg_notify('jobs', json_build_object('id', NEW.id, 'state', 'cancelled')::text);
                        END IF;
                        RETURN NEW;
                    END;
                    $fn$;

                    CREATE TRIGGER trg_touch_{{index}}_{{block}} BEFORE UPDATE ON {{table}}
                        FOR EACH ROW EXECUTE FUNCTION app_touch_{{index}}_{{block}}();


                    """);
                break;
            case 1:
                Sql.Append($$"""
                    DO $$
                    DECLARE
                        r record;
                    BEGIN
                        FOR r IN SELECT id FROM {{table}} WHERE status = 'pending' LIMIT 100 LOOP
                            UPDATE {{table}} SET status = 'queued' WHERE id = r.id; -- ALTER TABLE x DROP y;
                        END LOOP;
                        RAISE NOTICE 'migrated % rows; done', 100;
                    END
                    $$;


                    """);
                break;
            case 2:
                Sql.Append("INSERT INTO ").Append(table).Append(" (kind, status, created_at) VALUES\n");
                for (var row = 0; row < 12; row++)
                {
                    Sql.Append("    ('alpha', 'pending', '2024-01-").Append(10 + row).Append(" 10:00:00'), -- row ").Append(row).Append(", with; punctuation\n");
                }

                Sql.Append("    ('beta', 'running', now());\n\n");
                break;
            case 3:
                Sql.Append($"""
                    CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_{index}_{block}_status ON {table} USING btree (status, created_at DESC)
                        WHERE status IN ('pending', 'running');
                    CREATE UNIQUE INDEX idx_{index}_{block}_kind ON {table} (kind, id);
                    COMMENT ON TABLE {table} IS 'Owned by the jobs team; see the runbook before changing it.';
                    GRANT SELECT, INSERT, UPDATE ON {table} TO app_reader;


                    """);
                break;
            case 4:
                Sql.Append("""
                    /*
                     * Rollout notes. The statements below were once written as
                     *   CREATE TABLE legacy (id int);  ALTER TYPE x ADD VALUE 'y';
                     * and are kept here for history only. /* Nested comments are fine in PostgreSQL. */
                     */
                    -- Reviewed: ops, data, security. Do not reorder.
                    -- ALTER TABLE jobs DROP COLUMN state; -- (done in an earlier release)


                    """);
                break;
            default:
                Sql.Append($"""
                    UPDATE {table} SET kind = 'beta' WHERE kind = 'alpha' AND created_at < '2023-01-01'::date;
                    DELETE FROM {table} WHERE status = 'failed' AND created_at < now() - interval '90 days';
                    SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1)) FROM {table};


                    """);
                break;
        }
    }
}
