using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Pins what the engine does on thousands of mutated migrations (statement boundaries,
/// bodies, DELIMITER changes, unterminated text, every diagnostic and the resulting schema)
/// as one hash. The hash was taken before the parser was optimised; a change to it means
/// behaviour changed, not just speed. If a change is intended, find the first differing
/// input with <see cref="Describe"/> and update the hash in the same commit.
/// Last intended change: PostgreSQL DO blocks run; of 1,513 inputs, four differ, each a
/// mutated DO body that now reports the server's failure (an unclosed string inside it, a
/// RAISE whose level was mangled into an exception).
/// </summary>
public sealed class EngineFingerprintTests
{
    private const string ExpectedPostgres = "8B45D9C4CE4BE608003186851EEBC2CF0CEEF27C9A4602FEAFCBF3F7646A319E";
    private const string ExpectedMySql = "A80F2EEF4E7FD8A403A593EA7B22FC5364D874AE0489BF69C50B770F6666A839";

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
    public void Postgres_BehavesAsBefore() => Assert.Equal(ExpectedPostgres, Fingerprint(SqlDialect.Postgres));

    [Fact]
    public void MySql_BehavesAsBefore() => Assert.Equal(ExpectedMySql, Fingerprint(SqlDialect.MySql));

    private static string Fingerprint(SqlDialect dialect)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var text in Inputs())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Describe(text, dialect)));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Everything observable about applying <paramref name="text"/>: diagnostics and the schema.</summary>
    internal static string Describe(string text, SqlDialect dialect)
    {
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(dialect), text, "f.sql", firstLine: 3);
        var snapshot = new SchemaSnapshot(dialect, ImmutableArray<SnapshotMigration>.Empty, catalog);
        return string.Join("\n", diagnostics) + "\n" + SnapshotJson.Write(snapshot) + "\n";
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
