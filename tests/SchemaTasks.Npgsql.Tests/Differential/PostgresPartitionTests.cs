using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// PostgreSQL partitions (<c>CREATE TABLE ... PARTITION OF</c>, the partitioned event and audit
/// tables many histories keep) and a parent's ALTER TABLE passed into its partitions and its
/// inheritance children: the engine builds what the server holds, and what the server refuses
/// is reported at that statement, with the server's SQLSTATE checked.
/// </summary>
public sealed class PostgresPartitionTests
{
    private const string Events = """
        CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, kind text NOT NULL DEFAULT 'a' CHECK (kind IN ('a','b')), at timestamptz NOT NULL, n int, g int GENERATED ALWAYS AS (n * 2) STORED, PRIMARY KEY (id, at), UNIQUE (kind, at)) PARTITION BY RANGE (at);
        """;

    private const string Ranges = "CREATE TABLE r (a int, d date) PARTITION BY RANGE (a);\nCREATE TABLE r1 PARTITION OF r FOR VALUES FROM (1) TO (10);";
    private const string Rows = "CREATE TABLE m (a int, b int) PARTITION BY RANGE (a, b);\nCREATE TABLE m1 PARTITION OF m FOR VALUES FROM (1, 1) TO (1, 10);\nCREATE TABLE m2 PARTITION OF m FOR VALUES FROM (1, 10) TO (2, 0);";
    private const string Lists = "CREATE TABLE l (a int, b text) PARTITION BY LIST (b);\nCREATE TABLE l1 PARTITION OF l FOR VALUES IN ('x', 'Y z', NULL);";
    private const string Keyed = "CREATE TABLE z (a int, b int, c text) PARTITION BY RANGE (a);";
    private const string Hashes = "CREATE TABLE h (a int) PARTITION BY HASH (a);\nCREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 0);";

    [PostgresTheory]
    [InlineData("partitions by range and default: the parent's columns, checks and keys", Events + """
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE events_other PARTITION OF events DEFAULT;
        """)]
    [InlineData("a partition's own options and constraints", Events + """
        CREATE TABLE events_2025 PARTITION OF events (n WITH OPTIONS DEFAULT 5 NOT NULL CHECK (n < 10), kind DEFAULT 'b', CONSTRAINT own CHECK (id > 0), UNIQUE (n, at), CONSTRAINT events_kind_check CHECK (kind IN ('a','b'))) FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """)]
    [InlineData("nested partitions, and a foreign key cloned under its name", """
        CREATE TABLE r (id int PRIMARY KEY);
        CREATE TABLE m (a int NOT NULL, b text, c int REFERENCES r, PRIMARY KEY (a, b)) PARTITION BY LIST (b);
        CREATE TABLE m1 PARTITION OF m (c WITH OPTIONS NOT NULL, UNIQUE (a, b, c), CHECK (c > 0)) FOR VALUES IN ('x') PARTITION BY RANGE (a);
        CREATE TABLE m1a PARTITION OF m1 FOR VALUES FROM (0) TO (10);
        CREATE TABLE m2 PARTITION OF m FOR VALUES IN ('y');
        """)]
    [InlineData("a partitioned parent's later changes reach every partition", """
        CREATE TABLE r (id int PRIMARY KEY);
        CREATE TABLE q (a int, b int, c text) PARTITION BY LIST (c);
        CREATE TABLE q1 PARTITION OF q FOR VALUES IN ('x');
        CREATE TABLE q2 PARTITION OF q FOR VALUES IN ('y') PARTITION BY RANGE (a);
        CREATE TABLE q2a PARTITION OF q2 FOR VALUES FROM (1) TO (5);
        ALTER TABLE q ADD COLUMN d int NOT NULL DEFAULT 4, ADD COLUMN e int CHECK (e > 0);
        ALTER TABLE q ADD CONSTRAINT qk UNIQUE (a, c), ADD CONSTRAINT q_b_fkey FOREIGN KEY (b) REFERENCES r;
        ALTER TABLE q ALTER COLUMN b TYPE bigint, ALTER COLUMN b SET DEFAULT 7, ALTER COLUMN a SET NOT NULL;
        ALTER TABLE q RENAME COLUMN e TO e2;
        ALTER TABLE q RENAME CONSTRAINT q_e_check TO q_e2_check;
        ALTER TABLE q DROP COLUMN d;
        ALTER TABLE q DROP CONSTRAINT qk;
        ALTER TABLE q ALTER COLUMN b DROP DEFAULT, ALTER COLUMN a DROP NOT NULL;
        """)]
    [InlineData("a partitioned parent dropped takes its partitions", Events + """
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE keep (a int);
        DROP TABLE events;
        """)]
    [InlineData("an inheritance parent's changes: merged, local and twice-inherited columns", """
        CREATE TABLE pa (a int, b int DEFAULT 1, c int);
        CREATE TABLE pb (a int);
        CREATE TABLE ch (c int DEFAULT 9, d int NOT NULL, e int) INHERITS (pa, pb);
        CREATE TABLE gc () INHERITS (ch);
        ALTER TABLE pa ADD COLUMN d int;
        ALTER TABLE pa ADD COLUMN e int NOT NULL DEFAULT 0;
        ALTER TABLE pa ADD COLUMN f int DEFAULT 3 CHECK (f > 0);
        ALTER TABLE pa ALTER COLUMN c SET DEFAULT 5;
        ALTER TABLE pa ALTER COLUMN b SET NOT NULL;
        ALTER TABLE pa ADD CONSTRAINT ck CHECK (a > 0);
        ALTER TABLE pa DROP COLUMN a;
        ALTER TABLE pa DROP COLUMN c;
        ALTER TABLE pa DROP COLUMN e;
        ALTER TABLE pa ALTER COLUMN b TYPE bigint;
        ALTER TABLE pa ALTER COLUMN b DROP NOT NULL;
        ALTER TABLE pa RENAME COLUMN f TO f2;
        ALTER TABLE pa RENAME CONSTRAINT pa_f_check TO fck;
        """)]
    [InlineData("checks merged and kept, ONLY drops leave the children's own", """
        CREATE TABLE pa (a int, b int, g text);
        CREATE TABLE ch () INHERITS (pa);
        CREATE TABLE gc () INHERITS (ch);
        ALTER TABLE ch ADD CONSTRAINT ck3 CHECK (b > 1);
        ALTER TABLE pa ADD CONSTRAINT ck3 CHECK (b > 1);
        ALTER TABLE pa ADD CONSTRAINT ck2 CHECK (b > 0) NO INHERIT;
        ALTER TABLE pa DROP CONSTRAINT ck3;
        ALTER TABLE ONLY pa DROP COLUMN g;
        ALTER TABLE ch DROP COLUMN g;
        ALTER TABLE ONLY pa ALTER COLUMN a SET DEFAULT 3, ALTER COLUMN b SET NOT NULL;
        ALTER TABLE pa DROP COLUMN b;
        """)]
    [InlineData("a parent's primary key makes the children's columns NOT NULL, not their keys", """
        CREATE TABLE pk_p (a int, b int);
        CREATE TABLE pk_c () INHERITS (pk_p);
        CREATE TABLE pk_g () INHERITS (pk_c);
        ALTER TABLE pk_p ADD PRIMARY KEY (a);
        ALTER TABLE pk_p ADD COLUMN d int UNIQUE NOT NULL;
        """)]
    [InlineData("bounds that meet but do not overlap: ranges, two-column ranges, lists, hashes", Ranges + """

        CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (10) TO (15);
        CREATE TABLE r0 PARTITION OF r FOR VALUES FROM (MINVALUE) TO (1);
        CREATE TABLE r3 PARTITION OF r FOR VALUES FROM (15) TO (MAXVALUE);
        CREATE TABLE rd PARTITION OF r DEFAULT;
        CREATE TABLE x (a int, d date);
        ALTER TABLE r DETACH PARTITION r2;
        ALTER TABLE r ATTACH PARTITION x FOR VALUES FROM (10) TO (12);
        """ + Rows + """

        CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (3, MINVALUE) TO (4, MINVALUE);
        CREATE TABLE m4 PARTITION OF m FOR VALUES FROM (2, 0) TO (3, MINVALUE);
        """ + Lists + """

        CREATE TABLE l2 PARTITION OF l FOR VALUES IN ('X', 'y z');
        """ + Hashes + """

        CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 8, REMAINDER 1);
        CREATE TABLE h3 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
        """)]
    [InlineData("unique keys and indexes that hold the partition key, here and in partitioned partitions", Keyed + """

        CREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
        CREATE UNIQUE INDEX zo ON ONLY z (a);
        ALTER TABLE z ADD PRIMARY KEY (a, b);
        CREATE TABLE u (a int, b int, UNIQUE (b, a)) PARTITION BY RANGE (a, b);
        CREATE TABLE u1 PARTITION OF u FOR VALUES FROM (0, 0) TO (1, 1);
        """)]
    [InlineData("ONLY ADD PRIMARY KEY and UNIQUE stay in the partitioned table; later partitions get them", """
        CREATE TABLE o (a int NOT NULL, b int) PARTITION BY RANGE (a);
        CREATE TABLE o1 PARTITION OF o FOR VALUES FROM (0) TO (10);
        ALTER TABLE ONLY o ADD PRIMARY KEY (a);
        ALTER TABLE ONLY o ADD CONSTRAINT ok UNIQUE (a, b);
        ALTER TABLE ONLY o RENAME CONSTRAINT ok TO ok2;
        CREATE TABLE o2 PARTITION OF o FOR VALUES FROM (10) TO (20);
        CREATE TABLE ip (a int, b int);
        CREATE TABLE ic () INHERITS (ip);
        ALTER TABLE ONLY ip ADD PRIMARY KEY (a);
        """)]
    public Task The_engine_builds_the_servers_schema(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("a partition of a table that is not partitioned", "CREATE TABLE plain (a int);", "CREATE TABLE x PARTITION OF plain DEFAULT;", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a second default partition", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "CREATE TABLE d2 PARTITION OF events DEFAULT;", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("options for a column the parent lacks", Events, "CREATE TABLE y PARTITION OF events (zz WITH OPTIONS NOT NULL) DEFAULT;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("options for a column twice", Events, "CREATE TABLE y PARTITION OF events (n WITH OPTIONS NOT NULL, n WITH OPTIONS DEFAULT 1) DEFAULT;", DiagnosticCodes.ColumnExists, "42701")]
    [InlineData("a CHECK of the parent's name with another expression", Events, "CREATE TABLE y PARTITION OF events (CONSTRAINT events_kind_check CHECK (kind IN ('a'))) DEFAULT;", DiagnosticCodes.ConstraintExists, "42710")]
    [InlineData("a second primary key", Events, "CREATE TABLE y PARTITION OF events (PRIMARY KEY (id)) DEFAULT;", DiagnosticCodes.MultiplePrimaryKeys, "42P16")]
    [InlineData("INHERITS of a partitioned table", Events, "CREATE TABLE y () INHERITS (events);", DiagnosticCodes.PartitionRefused, "42809")]
    [InlineData("INHERITS of a partition", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "CREATE TABLE y () INHERITS (d1);", DiagnosticCodes.PartitionRefused, "42809")]
    [InlineData("a column added to a partition", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE d1 ADD COLUMN z int;", DiagnosticCodes.PartitionRefused, "42809")]
    [InlineData("NO INHERIT of a partition", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE d1 NO INHERIT events;", DiagnosticCodes.PartitionRefused, "42809")]
    [InlineData("NOT NULL dropped in a partition", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE d1 ALTER COLUMN kind DROP NOT NULL;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("a cloned key dropped in a partition", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE d1 DROP CONSTRAINT d1_pkey;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("a partition's inherited column dropped", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE d1 DROP COLUMN n;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("a column added whose type a child has otherwise", "CREATE TABLE pa (a int);\nCREATE TABLE ch (h int) INHERITS (pa);", "ALTER TABLE pa ADD COLUMN h text;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("a check added whose name a child has otherwise", "CREATE TABLE pa (b int);\nCREATE TABLE ch (CONSTRAINT ck CHECK (b > 1)) INHERITS (pa);", "ALTER TABLE pa ADD CONSTRAINT ck CHECK (b > 2);", DiagnosticCodes.ConstraintExists, "42710")]
    [InlineData("a column renamed that a child has from two parents", "CREATE TABLE pa (a int);\nCREATE TABLE pb (a int);\nCREATE TABLE ch () INHERITS (pa, pb);", "ALTER TABLE pa RENAME COLUMN a TO a2;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY ADD COLUMN with children", "CREATE TABLE pa (a int);\nCREATE TABLE ch () INHERITS (pa);", "ALTER TABLE ONLY pa ADD COLUMN z int;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY TYPE with children", "CREATE TABLE pa (a int);\nCREATE TABLE ch () INHERITS (pa);", "ALTER TABLE ONLY pa ALTER COLUMN a TYPE bigint;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY RENAME COLUMN with children", "CREATE TABLE pa (a int);\nCREATE TABLE ch () INHERITS (pa);", "ALTER TABLE ONLY pa RENAME COLUMN a TO b;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY ADD CHECK with children", "CREATE TABLE pa (a int);\nCREATE TABLE ch () INHERITS (pa);", "ALTER TABLE ONLY pa ADD CHECK (a > 0);", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY DROP COLUMN of a partitioned table", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE ONLY events DROP COLUMN g;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY SET NOT NULL of a partitioned table", Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;", "ALTER TABLE ONLY events ALTER COLUMN n SET NOT NULL;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("a range overlapping another partition's", Ranges, "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (5) TO (15);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a range from MINVALUE overlapping another", Ranges, "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (MINVALUE) TO (2);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("an empty range", Ranges, "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (3) TO (3);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("NULL in a range", Ranges, "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (NULL) TO (30);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a list bound for a range-partitioned table", Ranges, "CREATE TABLE r2 PARTITION OF r FOR VALUES IN (20);", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("two range values for a one-column key", Ranges, "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (20, 1) TO (30, 1);", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a partition attached over another's range", Ranges + "CREATE TABLE x (a int, d date);", "ALTER TABLE r ATTACH PARTITION x FOR VALUES FROM (9) TO (12);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("date ranges that overlap", Ranges + "CREATE TABLE e PARTITION OF r FOR VALUES FROM (100) TO (200) PARTITION BY RANGE (d);\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');", "CREATE TABLE e2 PARTITION OF e FOR VALUES FROM (DATE '2024-06-01') TO ('2024-07-01');", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("two-column ranges that overlap in the second column", Rows, "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (1, 5) TO (1, 6);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("two-column ranges, MINVALUE under an equal first column", Rows, "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (2, MINVALUE) TO (2, MAXVALUE);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("two-column ranges, MAXVALUE in the second column", Rows, "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (1, MAXVALUE) TO (2, 0);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a list value another partition has", Lists, "CREATE TABLE l2 PARTITION OF l FOR VALUES IN ('q', 'Y z');", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("NULL in two list partitions", Lists, "CREATE TABLE l2 PARTITION OF l FOR VALUES IN (NULL);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a hash remainder another covers", Hashes, "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 8, REMAINDER 4);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a hash modulus that does not divide the next", Hashes, "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 3, REMAINDER 1);", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("a hash remainder not below its modulus", Hashes, "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 4);", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a default partition of a hash-partitioned table", Hashes, "CREATE TABLE h2 PARTITION OF h DEFAULT;", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a primary key without the partition key", "CREATE TABLE keep (k int);", "CREATE TABLE u (a int, b int, PRIMARY KEY (b)) PARTITION BY RANGE (a);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("a unique column without the partition key", "CREATE TABLE keep (k int);", "CREATE TABLE u (a int, b int UNIQUE) PARTITION BY RANGE (a);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("a unique constraint with an expression in the partition key", "CREATE TABLE keep (k int);", "CREATE TABLE u (a int, b int, UNIQUE (a, b)) PARTITION BY RANGE (a, (b + 1));", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("an exclusion constraint on a partitioned table", "CREATE TABLE keep (k int);", "CREATE TABLE u (a int, b int, EXCLUDE (a WITH =)) PARTITION BY RANGE (a);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("ADD PRIMARY KEY without the partition key", Keyed, "ALTER TABLE z ADD PRIMARY KEY (b);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("ADD COLUMN ... UNIQUE on a partitioned table", Keyed, "ALTER TABLE z ADD COLUMN d int UNIQUE;", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("CREATE UNIQUE INDEX without the partition key", Keyed, "CREATE UNIQUE INDEX zi ON z (b);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("an unnamed partial unique index without the partition key", Keyed, "CREATE UNIQUE INDEX ON z (b) WHERE b > 0;", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("ADD UNIQUE reaching a partition partitioned by another column", Keyed + "\nCREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);", "ALTER TABLE z ADD UNIQUE (a);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("a unique index reaching a partition partitioned by another column", Keyed + "\nCREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);", "CREATE UNIQUE INDEX ON z (a DESC);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("a partition partitioned by a column its parent's primary key lacks", "CREATE TABLE w (a int, b int, c int, PRIMARY KEY (a, b)) PARTITION BY RANGE (a);", "CREATE TABLE w1 PARTITION OF w FOR VALUES FROM (0) TO (10) PARTITION BY LIST (c);", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("ADD CONSTRAINT ... USING INDEX on a partitioned table", Keyed + "\nCREATE UNIQUE INDEX zi ON z (a);", "ALTER TABLE z ADD CONSTRAINT zk UNIQUE USING INDEX zi;", DiagnosticCodes.PartitionRefused, "0A000")]
    [InlineData("ONLY RENAME CONSTRAINT of a check the partitions have", Keyed + "\nALTER TABLE z ADD CONSTRAINT zc CHECK (b > 0);\nCREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10);", "ALTER TABLE ONLY z RENAME CONSTRAINT zc TO zc2;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY RENAME CONSTRAINT of a check the children inherit", "CREATE TABLE ip (a int, CONSTRAINT ipc CHECK (a > 0));\nCREATE TABLE ic () INHERITS (ip);", "ALTER TABLE ONLY ip RENAME CONSTRAINT ipc TO ipc2;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY ADD PRIMARY KEY while a partition's column may be NULL", Keyed + "\nCREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10);", "ALTER TABLE ONLY z ADD PRIMARY KEY (a);", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("ONLY ADD FOREIGN KEY on a partitioned table", "CREATE TABLE rr (a int PRIMARY KEY);\n" + Keyed, "ALTER TABLE ONLY z ADD FOREIGN KEY (b) REFERENCES rr;", DiagnosticCodes.InheritedObjectInUse, "42809")]
    [InlineData("a partition key's column dropped", Keyed, "ALTER TABLE z DROP COLUMN a;", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a partition key's column retyped", Keyed, "ALTER TABLE z ALTER COLUMN a TYPE bigint;", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a column a partitioned partition's key has dropped from its parent", Keyed + "\nCREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);", "ALTER TABLE z DROP COLUMN b;", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a NO INHERIT CHECK added to a partitioned table", Keyed, "ALTER TABLE z ADD CONSTRAINT zc CHECK (b > 0) NO INHERIT;", DiagnosticCodes.PartitionRefused, "42P16")]
    [InlineData("a partitioned table created with a NO INHERIT CHECK", "CREATE TABLE keep (k int);", "CREATE TABLE k2 (a int, b int, CONSTRAINT k2c CHECK (b > 0) NO INHERIT) PARTITION BY RANGE (a);", DiagnosticCodes.PartitionRefused, "42P16")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var setupLines = setup.TrimEnd('\n').Split('\n').Length;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup.TrimEnd('\n') + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setupLines + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }
}
