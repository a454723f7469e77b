using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using SchemaTasks.Testing;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Pins what the engine does on the scenario fixtures and 1,500 mutations of them (statement
/// boundaries, bodies, DELIMITER changes, unterminated text): every diagnostic and the
/// resulting schema of every input, checked in under <c>Schema/Expected/</c>, so a change of
/// behaviour shows in review as a diff of those files. A schema appears once, under a short
/// hash, and each input names it. When a change is intended, run the tests with
/// <c>SCHEMATASKS_UPDATE_EXPECTED=1</c> and commit the rewritten files with the change.
/// </summary>
public sealed class EngineFingerprintTests
{
    private const string UpdateVariable = "SCHEMATASKS_UPDATE_EXPECTED";

    // Constructs that decide where statements end, so mutations hit the splitter's edges.
    private const string Extra = """
        CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
        DO $$ BEGIN RAISE NOTICE 'a;b'; END $$;
        CREATE TABLE t1 (id int PRIMARY KEY, s text CHECK (s IN ('a', 'b')), n int DEFAULT 0);
        ALTER TABLE t1 ADD COLUMN x varchar(10) NOT NULL DEFAULT 'x', DROP COLUMN n;
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
        DELIMITER $$
        CREATE PROCEDURE p() BEGIN DECLARE x INT; CASE x WHEN 1 THEN SET x = 2; END CASE; IF x THEN SET x = 1; END IF; WHILE x DO SET x = 0; END WHILE; END$$
        DELIMITER ;
        CREATE TRIGGER tr BEFORE INSERT ON t1 FOR EACH ROW BEGIN SET NEW.s = 'a'; END;
        /*!40101 SET NAMES utf8mb4 */;
        CREATE TABLE `t2` (`id` int NOT NULL, `e` enum('x','y') DEFAULT 'x', PRIMARY KEY (`id`)) ENGINE=InnoDB;
        ALTER TABLE `t2` MODIFY COLUMN `e` enum('x','y','z') NOT NULL;
        # comment ; with CREATE TABLE inside
        RENAME TABLE t2 TO t3;
        """;

    private const string Alphabet = "'\"`$;()[],.:-/*#!\\ \nEeaZ0_";

    private static readonly string[] Words = [" BEGIN ", " END ", " CASE ", " ATOMIC ", "\nDELIMITER $$\n", "\nDELIMITER ;\n", " PROCEDURE ", " IF ", " CREATE ", " ALTER ", " DROP ", "$$", "$x$", "/*", "*/", "--"];

    [Fact]
    public void Postgres_BehavesAsExpected() => AssertAsExpected(SqlDialect.Postgres, "engine-postgres.txt");

    [Fact]
    public void MySql_BehavesAsExpected() => AssertAsExpected(SqlDialect.MySql, "engine-mysql.txt");

    [Fact]
    public void MariaDb_BehavesAsExpected() => AssertAsExpected(SqlDialect.MariaDb, "engine-mariadb.txt");

    private static void AssertAsExpected(SqlDialect dialect, string fileName)
    {
        var actual = Outcomes(dialect);
        var path = Path.Combine(RepositoryRoot.Path, "tests", "SchemaTasks.Core.Tests", "Schema", "Expected", fileName);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (expected == actual) return;

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = 0;
        while (first < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[first] == actualLines[first]) first++;
        Assert.Fail(
            $"The engine's outcomes differ from {fileName} from line {first + 1} on:\n"
            + $"  expected: {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n"
            + $"  actual:   {(first < actualLines.Length ? actualLines[first] : "<end>")}\n"
            + $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff of the file.");
    }

    /// <summary>Each input's diagnostics and a reference to its schema, then every distinct schema.</summary>
    private static string Outcomes(SqlDialect dialect)
    {
        var text = new StringBuilder();
        var schemas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var input in Inputs())
        {
            var (diagnostics, schema) = Describe(input, dialect);
            var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..10].ToLowerInvariant();
            schemas[id] = schema;
            text.Append("## input ").Append(index++).Append('\n');
            foreach (var diagnostic in diagnostics) text.Append(diagnostic).Append('\n');
            text.Append("schema ").Append(id).Append('\n');
        }

        foreach (var (id, schema) in schemas)
        {
            text.Append("\n## schema ").Append(id).Append('\n').Append(schema.ReplaceLineEndings("\n"));
        }

        return text.ToString();
    }

    /// <summary>Everything observable about applying <paramref name="text"/>: diagnostics and the schema.</summary>
    internal static (IReadOnlyList<SchemaTasks.Diagnostics.SchemaDiagnostic> Diagnostics, string Schema) Describe(string text, SqlDialect dialect)
    {
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(dialect), text, "f.sql", firstLine: 3);
        var snapshot = new SchemaSnapshot(dialect, ImmutableArray<SnapshotMigration>.Empty, catalog);
        return (diagnostics, SnapshotJson.Write(snapshot));
    }

    private static IEnumerable<string> Inputs()
    {
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scenarios"), "*.sql", SearchOption.AllDirectories);
        Array.Sort(fixtures, StringComparer.Ordinal);
        var seeds = fixtures.Select(File.ReadAllText).Append(Extra).ToList();
        foreach (var seed in seeds) yield return seed;

        var random = new Random(4242);
        for (var i = 0; i < 1500; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Count)]);
            for (var m = 0; m < 1 + random.Next(6); m++)
            {
                var at = random.Next(text.Length);
                if (random.Next(3) == 0) text.Insert(at, Words[random.Next(Words.Length)]);
                else text[at] = Alphabet[random.Next(Alphabet.Length)];
            }

            yield return text.ToString(0, random.Next(text.Length + 1));
        }
    }
}
