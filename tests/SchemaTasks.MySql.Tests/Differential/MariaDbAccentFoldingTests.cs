using System.Globalization;
using System.Text;
using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// ENUM values MariaDB takes as one under the general_ci and unicode_ci collations (error 1291):
/// the engine's verdict on each pair of Latin characters (U+0020 to U+017F, with their other case,
/// their base letter, the previous character and the usual expansions) against the server's own
/// comparison under that collation, and a few lists the server itself refuses. Run against MariaDB only.
/// </summary>
public sealed class MariaDbAccentFoldingTests
{
    [MySqlTheory]
    [InlineData("utf8mb4_general_ci")]
    [InlineData("utf8mb4_unicode_ci")]
    [InlineData("utf8mb3_general_ci")]
    [InlineData("utf8mb3_unicode_ci")]
    public async Task Each_pair_is_one_value_for_the_engine_exactly_when_the_server_compares_it_so(string collation)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var pairs = Pairs().ToList();
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var charset = collation[..collation.IndexOf('_', StringComparison.Ordinal)];
        var mismatches = new List<string>();
        const int Chunk = 200;
        for (var start = 0; start < pairs.Count; start += Chunk)
        {
            var chunk = pairs.Skip(start).Take(Chunk).ToList();
            var query = "SELECT " + string.Join(", ", chunk.Select(p => $"_{charset}'{p.A}' = _{charset}'{p.B}' COLLATE {collation}"));
            await using var command = new MySqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < chunk.Count; i++)
            {
                var server = Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture) == 1;
                var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), $"CREATE TABLE e (a enum('{chunk[i].A}','{chunk[i].B}') COLLATE {collation});", "m.sql");
                var engine = diagnostics.Any(d => d.Code == DiagnosticCodes.RefusedValueList);
                if (engine != server) mismatches.Add($"'{chunk[i].A}' (U+{(int)chunk[i].A[0]:X4}) and '{chunk[i].B}': server {(server ? "one value" : "two")}, engine {(engine ? "refuses" : "takes")}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{collation}, {pairs.Count} pairs:\n  {string.Join("\n  ", mismatches)}");
    }

    [MySqlTheory]
    [InlineData("e and é", "CREATE TABLE e (a enum('e','é') COLLATE utf8mb4_general_ci);")]
    [InlineData("ß and ss", "CREATE TABLE e (a enum('ss','ß') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("ß and s in a SET", "CREATE TABLE e (a set('ß','s') COLLATE utf8mb4_general_ci);")]
    [InlineData("Œ and oe", "CREATE TABLE e (a enum('oe','Œ') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("a no-break space between letters", "CREATE TABLE e (a enum('a b','a\u00A0b') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("the table's collation", "CREATE TABLE e (a int) COLLATE utf8mb4_unicode_ci;\nALTER TABLE e ADD b enum('ü','u');")]
    public async Task Refused_at_its_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.RefusedValueList, 1291);
    }

    [MySqlFact]
    public async Task Values_the_collations_tell_apart_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "values told apart",
            "CREATE TABLE e (a enum('Æ','ae') COLLATE utf8mb4_unicode_ci, b enum('oe','Œ','ss','ß') COLLATE utf8mb4_general_ci, c enum('e','é') COLLATE utf8mb4_bin, d enum('a','a\u00A0') COLLATE utf8mb4_unicode_ci, f enum('a b','a\u00A0b') COLLATE utf8mb4_general_ci);",
            SqlDialect.MariaDb);
    }

    // Each Latin character with its other case, its base letter, the character before it and the
    // expansions unicode_ci knows; both sides within the range the engine judges.
    private static IEnumerable<(string A, string B)> Pairs()
    {
        for (var c = '\u0021'; c <= '\u017F'; c++)
        {
            if (!Judged(c.ToString())) continue;
            var partners = new HashSet<string>(StringComparer.Ordinal)
            {
                char.ToUpperInvariant(c).ToString(), char.ToLowerInvariant(c).ToString(),
                c.ToString().Normalize(NormalizationForm.FormD)[..1], ((char)(c - 1)).ToString(), "SS", "s", "OE", "ae", "IJ", "L\u00B7",
            };
            foreach (var partner in partners)
            {
                if (partner != c.ToString() && Judged(partner)) yield return (c.ToString(), partner);
            }
        }
    }

    private static bool Judged(string value) => value.All(c => c is >= '\u0021' and <= '\u017F' and not '\'' and not '\\' and not (>= '\u007F' and <= '\u009F'));
}
