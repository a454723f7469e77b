namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Defaults the server stores in another text than written: a literal converted to the
/// column's type ('false' on a boolean, a jsonb text rebuilt, an offset on a timestamp without
/// time zone), a cast to the column's own type, an ARRAY whose cast moves into the elements,
/// spacing around :: and brackets, and DEFAULT NULL.
/// </summary>
internal sealed partial class PostgresMigrationGenerator
{
    private string? StoredDefaultShape(Column column)
    {
        if (column.Domain is not null) return null;

        // column.Sql is the type as first written; a cast names an enum type as it is called now.
        var sql = column.Sql.ToLowerInvariant();
        string[] shapes = column.Kind switch
        {
            Kind.Text when sql == "text" => ["'x'::text", "CAST('y' AS text)", "NULL", "NULL::text"],
            Kind.Text when sql.Contains("var", StringComparison.Ordinal) => ["'x'::varchar", "'it''s'::VARCHAR", "NULL"],
            Kind.Text => ["NULL"],
            Kind.Integer => ["'0'", "' 7 '", "'-5'", "CAST('3' AS int)", "NULL"],
            Kind.Number when sql.StartsWith("numeric", StringComparison.Ordinal) || sql.StartsWith("decimal", StringComparison.Ordinal) => ["'1.50'", "'001.5'", "'2'", "-1.25"],
            Kind.Number => ["'1.50'", "'0.1'", "'2'", "0"],
            Kind.Bool => ["'false'", "'t'", "'yes'", "'off'", "'false'::boolean", "NULL"],
            Kind.Time when sql.StartsWith("timestamp", StringComparison.Ordinal) && !sql.Contains("with time zone", StringComparison.Ordinal) && sql != "timestamptz"
                => ["'1970-01-01 00:00:00 +00:00'", "'2020-01-02'", "'2020-1-2 03:04:05.25'", "'2020-01-02T10:20:30Z'", "now ( )"],
            Kind.Time when sql == "date" => ["'2020-1-2'", "'1999-12-31'"],
            Kind.Enum when !_addedThisMigration.Contains(column.Enum!) => [Literal(Pick(column.Enum!.Labels)) + "::" + Qualified(column.Enum.Schema, column.Enum.Name)],
            Kind.Other when column.Enum is not null => ["'{}'", "NULL"],
            Kind.Other => sql switch
            {
                "jsonb" => ["'{\"b\":1,\"a\":2}'", "'[]'::jsonb", "'{\"aa\":1,\"b\":[1,2, {\"z\":null}],\"a\":\"x\"}'::jsonb", "'[1.50, 1e2, -0.5E-1, true,   \"x\\u00e9\\n\"]'", "'{\"a\":1,\"a\":2}'"],
                "json" => ["'{\"b\":1,\"a\":2}'", "'[]'::json"],
                "text[]" => ["ARRAY [] :: TEXT []", "ARRAY['a','b']", "'{}'::text[]", "ARRAY['x']::text[]"],
                "integer[]" or "int array" => ["ARRAY[1,2]", "ARRAY[]::int[]", "'{1,2}'", "ARRAY['3']::integer[]"],
                "varchar(5)[]" => ["ARRAY['x']::varchar(5)[]", "ARRAY['ab']", "ARRAY[]::varchar(5)[]"],
                // Only literals: gen_random_uuid() is built in only from PostgreSQL 13, and the differential also runs on 12.
                "uuid" => ["'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'"],
                _ => [],
            },
            _ => [],
        };
        return shapes.Length == 0 ? null : Pick(shapes);
    }
}
