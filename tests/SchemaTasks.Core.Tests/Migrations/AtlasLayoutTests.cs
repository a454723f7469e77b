using System.Security.Cryptography;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class AtlasLayoutTests
{
    private const string CreateJobs = "CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL);\n";
    private const string IndexStatus = "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY jobs_status ON jobs (status);\n";

    // Computed once, independently, with Python's hashlib from Atlas's rule (sql/migrate/dir.go):
    // each entry is base64(SHA-256(name1 + bytes1 + ... + name + bytes)), the first line
    // base64(SHA-256(name1 + entry1 + name2 + entry2 ...)).
    private const string Sum = """
        h1:8Q5iFhUzFYDStHIgtyIJbipAEQ8yx6Gk/+SsIa89BeM=
        20240101000000_create_jobs.sql h1:iMh1UH9/lSF8aamZ8Gnb6EG/tLlEjA5Q7c7sjl7deOw=
        20240102000000_index_status.sql h1:W4ulWWFCI6UNx9Lceg1z2WzzMFUXEdkzi15no+xjB2Q=

        """;

    private static MigrationFolder Folder(string? sum = Sum, string first = CreateJobs) => new MigrationFolder()
        .With("20240102000000_index_status.sql", IndexStatus)
        .With("20240101000000_create_jobs.sql", first)
        .With(AtlasDirectory.SumFile, sum!);

    [Fact]
    public void Atlas_SumFile_ClaimsTheFolder_VersionBeforeTheFirstUnderscore_NameOrder()
    {
        var set = Folder().DiscoverClean();

        Assert.Equal(MigrationLayout.Atlas, set.Layout);
        Assert.Equal(
            [("20240101000000", "create_jobs"), ("20240102000000", "index_status")],
            set.Migrations.Select(m => (m.Id, m.Name)));
    }

    [Fact]
    public void Atlas_FileWithoutUnderscore_IsAllVersion()
    {
        // A layout found in public Atlas projects: '<version>.sql', no description.
        var sum = AtlasDirectory.Hashes([("20251129031948.sql", CreateJobs)]);
        var text = $"h1:{Total(("20251129031948.sql", sum[0]!))}\n20251129031948.sql h1:{sum[0]}\n";
        var set = new MigrationFolder().With("20251129031948.sql", CreateJobs).With("atlas.sum", text).DiscoverClean();

        Assert.Equal(("20251129031948", ""), (set.Migrations[0].Id, set.Migrations[0].Name));
    }

    [Fact]
    public void Atlas_KnownVectors_MatchTheSumAtlasWrites()
    {
        var hashes = AtlasDirectory.Hashes([("20240101000000_create_jobs.sql", CreateJobs), ("20240102000000_index_status.sql", IndexStatus)]);

        Assert.Equal(["iMh1UH9/lSF8aamZ8Gnb6EG/tLlEjA5Q7c7sjl7deOw=", "W4ulWWFCI6UNx9Lceg1z2WzzMFUXEdkzi15no+xjB2Q="], hashes);
    }

    [Fact]
    public void Atlas_SumIgnoreDirective_HashesTheNameOnly_AndHasNoLine()
    {
        // Python: 1_a.sql, then 2_b.sql starting with "-- atlas:sum ignore", then 3_c.sql.
        var hashes = AtlasDirectory.Hashes([("1_a.sql", "SELECT 1;\n"), ("2_b.sql", "-- atlas:sum ignore\nSELECT 2;\n"), ("3_c.sql", "SELECT 3;\n")]);

        Assert.Equal(["oHx7vmeRbxB72kdSGUkFhE08red3y82zeqcbzCxkGjo=", null, "9tAH5dHWrLyY7rp0oboSIWTvKTne4PrrKpTXHaHHcoc="], hashes);
    }

    [Fact]
    public void Atlas_FileReadWithoutItsByteOrderMark_StillMatchesItsLine()
    {
        // Python: the file's bytes start with EF BB BF; the text read here has lost them.
        const string sum = "h1:08USlh23SX6SM9EpQGYuRcdnF+06VPcRg9ybhfgMSJs=\n1_a.sql h1:eGWC6lObWW1qbDc3re62bK/KVIgtEx62uuO08ChsldY=\n";

        var set = new MigrationFolder().With("1_a.sql", "SELECT 1;\n").With("atlas.sum", sum).DiscoverClean();

        Assert.Single(set.Migrations);
    }

    [Fact]
    public void Atlas_SumWithCrlfLineEnds_IsRead()
    {
        Assert.Equal(2, Folder(Sum.Replace("\n", "\r\n", StringComparison.Ordinal)).DiscoverClean().Migrations.Count);
    }

    [Fact]
    public void Atlas_EditedFile_IsST1018_NamingTheFile()
    {
        var result = Folder(first: CreateJobs.Replace("text", "varchar(20)", StringComparison.Ordinal)).Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AtlasSumMismatch, error.Code);
        Assert.Equal("20240101000000_create_jobs.sql", error.File);
        Assert.Contains("edited after `atlas migrate hash`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_LineEndingsChanged_IsAnEditToAtlas()
    {
        // Atlas hashes bytes: a CRLF checkout of an LF-hashed folder fails `atlas migrate validate` too.
        var result = Folder(first: CreateJobs.Replace("\n", "\r\n", StringComparison.Ordinal)).Discover();

        Assert.Equal("20240101000000_create_jobs.sql", Assert.Single(result.Diagnostics).File);
    }

    [Fact]
    public void Atlas_FileAddedAfterHashing_IsST1018_NamingIt()
    {
        var result = Folder().With("20240101500000_extra.sql", "SELECT 1;\n").Discover();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AtlasSumMismatch, error.Code);
        Assert.Equal("20240101500000_extra.sql", error.File);
        Assert.Contains("is not in atlas.sum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_FileRemoved_IsST1018_AtTheSumLine()
    {
        var result = new MigrationFolder().With("20240101000000_create_jobs.sql", CreateJobs).With("atlas.sum", Sum).Discover();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("atlas.sum", 3), (error.File, error.Line));
        Assert.Contains("'20240102000000_index_status.sql', which is not in the migrations folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_SumEditedByHand_IsST1018_AtItsFirstLine()
    {
        var result = Folder(Sum.Replace("h1:iMh1", "h1:xMh1", StringComparison.Ordinal)).Discover();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("atlas.sum", 1), (error.File, error.Line));
        Assert.Contains("not the sum of its other lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_SumLineWithoutHash_IsST1018_AtThatLine()
    {
        var result = Folder("h1:x\n20240101000000_create_jobs.sql\n").Discover();

        Assert.Equal(("atlas.sum", 2), (Assert.Single(result.Diagnostics).File, Assert.Single(result.Diagnostics).Line));
    }

    [Fact]
    public void Atlas_ChosenWithoutSumFile_IsST1018()
    {
        var result = new MigrationFolder().With("1_a.sql").Discover(MigrationLayout.Atlas);

        Assert.Contains("no atlas.sum", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_TxmodeNone_RunsOutsideATransaction_OnlyInTheHeader()
    {
        Assert.True(MigrationScripts.Of(MigrationLayout.Atlas, "2_b.sql", IndexStatus).NoTransaction);
        Assert.False(MigrationScripts.Of(MigrationLayout.Atlas, "2_b.sql", "-- atlas:txmode file\n\nSELECT 1;\n").NoTransaction);
        Assert.False(MigrationScripts.Of(MigrationLayout.Atlas, "2_b.sql", "SELECT 1;\n-- atlas:txmode none\n\nSELECT 2;\n").NoTransaction);
        // CRLF: Atlas looks for "\n" right after the header lines, and "\r\n" is not it.
        Assert.False(MigrationScripts.Of(MigrationLayout.Atlas, "2_b.sql", "-- atlas:txmode none\r\n\r\nSELECT 1;\r\n").NoTransaction);
    }

    [Fact]
    public void Atlas_DirectiveWithoutBlankLine_IsAWarning_AtItsLine()
    {
        var text = "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
        var diagnostics = new List<SchemaDiagnostic>();

        Assert.False(AtlasDirectory.NoTransaction(new MigrationSourceFile("1_a.sql", text), diagnostics));
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.AtlasDirective, DiagnosticSeverity.Warning, 1), (warning.Code, warning.Severity, warning.Line));
    }

    [Theory]
    [InlineData("-- atlas:txmode all\n\nSELECT 1;\n", 1, "txmode all")]
    [InlineData("-- atlas:txmode never\n\nSELECT 1;\n", 1, "does not know")]
    [InlineData("-- atlas:txmode none\n-- atlas:txmode file\n\nSELECT 1;\n", 2, "2 times")]
    [InlineData("-- comment\n-- atlas:delimiter //\n\nSELECT 1//\n", 2, "atlas:delimiter //")]
    [InlineData("-- atlas:checkpoint\n\nCREATE TABLE t (a int);\n", 1, "checkpoint")]
    public void Atlas_DirectivesAtlasRefusesOrSchemaTasksCannotRead_AreST1019_AtTheirLine(string text, int line, string expected)
    {
        var diagnostics = new List<SchemaDiagnostic>();

        AtlasDirectory.NoTransaction(new MigrationSourceFile("1_a.sql", text), diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.AtlasDirective, DiagnosticSeverity.Error, "1_a.sql", line, 1), (error.Code, error.Severity, error.File, error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_RefusedDirective_FailsTheFolder()
    {
        var text = "-- atlas:txmode all\n\nSELECT 1;\n";
        var hash = AtlasDirectory.Hashes([("1_a.sql", text)])[0]!;
        var result = new MigrationFolder().With("1_a.sql", text).With("atlas.sum", $"h1:{Total(("1_a.sql", hash))}\n1_a.sql h1:{hash}\n").Discover();

        Assert.Null(result.Set);
        Assert.Equal(DiagnosticCodes.AtlasDirective, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Atlas_SubfolderFiles_AreNotRead_AndNotHashed()
    {
        var result = Folder().With("seeds/data.sql").Discover();

        Assert.NotNull(result.Set);
        Assert.Equal(DiagnosticCodes.FileNotRead, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Atlas_TwoFilesWithOneVersion_AreST1004()
    {
        var files = new[] { ("1_a.sql", "SELECT 1;\n"), ("1_b.sql", "SELECT 2;\n") };
        var hashes = AtlasDirectory.Hashes(files);
        var sum = $"h1:{Total(("1_a.sql", hashes[0]!), ("1_b.sql", hashes[1]!))}\n1_a.sql h1:{hashes[0]}\n1_b.sql h1:{hashes[1]}\n";
        var result = new MigrationFolder().With("1_a.sql", "SELECT 1;\n").With("1_b.sql", "SELECT 2;\n").With("atlas.sum", sum).Discover();

        Assert.Equal(DiagnosticCodes.DuplicateVersion, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Atlas_NameOrderIsByteOrder()
    {
        // Atlas sorts names as Go strings: "10_b" before "2_a".
        var files = new[] { ("10_b.sql", "SELECT 10;\n"), ("2_a.sql", "SELECT 2;\n") };
        var hashes = AtlasDirectory.Hashes(files);
        var sum = $"h1:{Total(("10_b.sql", hashes[0]!), ("2_a.sql", hashes[1]!))}\n10_b.sql h1:{hashes[0]}\n2_a.sql h1:{hashes[1]}\n";

        var set = new MigrationFolder().With("2_a.sql", "SELECT 2;\n").With("10_b.sql", "SELECT 10;\n").With("atlas.sum", sum).DiscoverClean();

        Assert.Equal(["10", "2"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void RunningSha256_AgreesWithSha256_AtEveryLength_AndAfterEachAppend()
    {
        var random = new Random(14);
        var running = new RunningSha256();
        var all = new List<byte>();
        for (var length = 0; length < 300; length += 7)
        {
            var data = new byte[length];
            random.NextBytes(data);
            running.Append(data);
            all.AddRange(data);
            Assert.Equal(SHA256.HashData(all.ToArray()), running.Current());
        }
    }

    [Fact]
    public void LayoutName_RoundTrips()
    {
        Assert.True(MigrationLayoutNames.TryParse("Atlas", out var layout));
        Assert.Equal(MigrationLayout.Atlas, layout);
        Assert.Equal("atlas", layout.ToName());
    }

    private static string Total(params (string Name, string Hash)[] entries)
    {
        var text = string.Concat(entries.Select(e => e.Name + e.Hash));
        return Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
