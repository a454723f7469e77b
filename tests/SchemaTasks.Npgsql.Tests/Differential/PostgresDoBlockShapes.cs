namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// The <c>DO</c> block idioms of real migrations, for the differential run: a generated
/// statement wrapped in a block (plain, <c>EXECUTE</c> of constants, <c>DO '...'</c>, a guard
/// that holds, a handler that does not fire), and blocks whose handler swallows a duplicate or
/// whose existence test decides whether the DDL runs. The server and the engine must agree on
/// every one of them.
/// </summary>
internal sealed partial class PostgresMigrationGenerator
{
    /// <summary>Sometimes returns <paramref name="statement"/> (already valid on the model) inside a DO block.</summary>
    private string WrapInDoBlock(string statement)
    {
        var body = statement.TrimEnd().TrimEnd(';');
        return _random.Next(9) switch
        {
            0 => $"DO $$ BEGIN {body}; END $$;",
            1 => $"DO $$ BEGIN {body}; EXCEPTION WHEN {Pick(["duplicate_object", "duplicate_table", "duplicate_column"])} THEN null; END $$;",
            2 => $"DO $do$ BEGIN EXECUTE {Concatenated(body)}; END $do$;",
            3 => $"DO $do$ BEGIN EXECUTE format('%s', {Literal(body)}); END $do$;",
            4 => $"DO {Literal($"BEGIN {body}; END")} LANGUAGE plpgsql;",
            5 => $"DO LANGUAGE plpgsql $x$\nDECLARE n int := 1;\nBEGIN\n  {body};\n  RAISE NOTICE 'done %', n;\nEND $x$;",
            6 => $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'no_such_schema') THEN {body}; ELSE RAISE EXCEPTION 'unreachable'; END IF; END $$;",
            7 => $"DO $$ BEGIN BEGIN {body}; EXCEPTION WHEN undefined_table THEN RAISE NOTICE 'skipped'; END; END $$;",
            _ => $"DO $$ DECLARE r record; BEGIN {body}; FOR r IN SELECT 1 AS x LOOP RAISE NOTICE '%', r.x; END LOOP; END $$;",
        };
    }

    /// <summary>A DO idiom that may or may not change the schema, keeping the model in step.</summary>
    private string? DoBlockIdiom()
    {
        switch (_random.Next(9))
        {
            case 0 when _enums.Count > 0:
            {
                // drizzle-kit's enum: the type exists, the handler swallows the duplicate.
                var e = Pick(_enums);
                return $"DO $$ BEGIN\n CREATE TYPE {Qualified(e.Schema, e.Name)} AS ENUM('zz');\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;";
            }

            case 1 when _enums.Count > 0:
            {
                // ADD VALUE inside a block catching duplicate_object: a no-op for a known label, an append for a new one.
                var e = Pick(_enums);
                var label = _random.Next(2) == 0 ? Pick(e.Labels) : Pick(new[] { "new1", "new2", "Another One" }.Where(l => !e.Labels.Contains(l)).DefaultIfEmpty(e.Labels[0]).ToList());
                if (!e.Labels.Contains(label))
                {
                    e.Labels.Add(label);
                    _addedThisMigration.Add(e);
                }

                return $"DO $$ BEGIN ALTER TYPE {Qualified(e.Schema, e.Name)} ADD VALUE {Literal(label)}; EXCEPTION WHEN duplicate_object THEN RAISE NOTICE 'label exists'; END $$;";
            }

            case 2 when _tables.Count > 0:
            {
                var t = Pick(_tables);
                return $"DO $$ BEGIN CREATE TABLE {Qualified(t.Schema, t.Name)} (id int); EXCEPTION WHEN duplicate_table THEN NULL; END $$;";
            }

            case 3 when _tables.Any(t => t.Columns.Count > 0 && t.Name != "noise_log"):
            {
                var t = Pick(_tables.Where(t => t.Columns.Count > 0 && t.Name != "noise_log").ToList());
                return $"DO $$ BEGIN ALTER TABLE {Qualified(t.Schema, t.Name)} ADD COLUMN {Id(Pick(t.Columns).Name)} integer; EXCEPTION WHEN duplicate_column THEN NULL; END $$;";
            }

            case 4 when _enums.Count > 0:
            {
                // The block is atomic: the first type is rolled back with the failing second one.
                var e = Pick(_enums);
                return $"DO $$ BEGIN CREATE TYPE {Qualified(e.Schema, NewName("e"))} AS ENUM ('a'); CREATE TYPE {Qualified(e.Schema, e.Name)} AS ENUM ('b'); EXCEPTION WHEN others THEN NULL; END $$;";
            }

            case 5:
            {
                // IF NOT EXISTS on pg_type, for a type that exists or a new one.
                var existing = _enums.Count > 0 && _random.Next(2) == 0 ? Pick(_enums) : null;
                var e = existing ?? new EnumType(Pick(_schemas), NewName("e"), Values(LabelPool, min: 1));
                if (existing is null) _enums.Add(e);
                var condition = _random.Next(3) switch
                {
                    0 => $"NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = {Literal(e.Name)} AND n.nspname = {Literal(e.Schema)})",
                    1 => $"NOT EXISTS (SELECT FROM pg_catalog.pg_type t, pg_catalog.pg_namespace n WHERE n.oid = t.typnamespace AND n.nspname = {Literal(e.Schema)} AND t.typname = {Literal(e.Name)})",
                    _ => $"to_regtype({Literal(QuotedName(e.Schema, e.Name))}) IS NULL",
                };
                var labels = existing is null ? e.Labels : ["zz"];
                return $"DO $$\nBEGIN\n  IF {condition} THEN\n    CREATE TYPE {Qualified(e.Schema, e.Name)} AS ENUM ({string.Join(", ", labels.Select(Literal))});\n  END IF;\nEND\n$$;";
            }

            case 6 when _enums.Count > 0:
            {
                // IF NOT EXISTS on pg_enum: add a label only when absent.
                var e = Pick(_enums);
                var label = _random.Next(2) == 0 ? Pick(e.Labels) : Pick(LabelPool.Concat(["new1", "new2"]).ToList());
                if (!e.Labels.Contains(label))
                {
                    e.Labels.Add(label);
                    _addedThisMigration.Add(e);
                }

                return $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = {Literal(e.Name)} AND n.nspname = {Literal(e.Schema)} AND e.enumlabel = {Literal(label)}) THEN ALTER TYPE {Qualified(e.Schema, e.Name)} ADD VALUE {Literal(label)}; END IF; END $$;";
            }

            case 7 when _tables.Any(t => t.Name != "noise_log"):
            {
                // information_schema.columns test, then EXECUTE format() of the ALTER.
                var t = Pick(_tables.Where(t => t.Name != "noise_log").ToList());
                var existing = t.Columns.Count > 0 && _random.Next(2) == 0 ? Pick(t.Columns) : null;
                var column = existing ?? new Column(NewName("c")) { Sql = "integer", Kind = Kind.Integer };
                if (existing is null) t.Columns.Add(column);
                var alter = _random.Next(2) == 0
                    ? $"EXECUTE format('ALTER TABLE %I.%I ADD COLUMN %I integer', {Literal(t.Schema)}, {Literal(t.Name)}, {Literal(column.Name)});"
                    : $"ALTER TABLE {Qualified(t.Schema, t.Name)} ADD COLUMN {Id(column.Name)} integer;";
                return $"DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = {Literal(t.Schema)} AND table_name = {Literal(t.Name)} AND column_name = {Literal(column.Name)}) THEN\n    {alter}\n  END IF;\nEND $$;";
            }

            case 8:
            {
                // A schema, created when pg_namespace does not have it.
                var existing = _random.Next(2) == 0 ? Pick(_schemas) : null;
                var name = existing ?? NewName("s");
                if (existing is null) _schemas.Add(name);
                return $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = {Literal(name)}) THEN EXECUTE 'CREATE SCHEMA ' || quote_ident({Literal(name)}); END IF; END $$;";
            }
        }

        return null;
    }

    /// <summary>The statement as a concatenation of string constants, split at a space.</summary>
    private string Concatenated(string sql)
    {
        var cut = sql.IndexOf(' ', Math.Min(sql.Length - 1, _random.Next(1, Math.Max(2, sql.Length))));
        if (cut <= 0) return Literal(sql);
        return $"{Literal(sql[..cut])} || {Literal(sql[cut..])}";
    }

    private static string QuotedName(string schema, string name)
        => "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
