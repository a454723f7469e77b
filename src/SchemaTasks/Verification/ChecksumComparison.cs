using System.Security.Cryptography;
using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Verification;

/// <summary>Whether a migration's recorded checksum agrees with the embedded text.</summary>
public enum ChecksumStatus
{
    /// <summary>The history keeps no checksum for this migration (golang-migrate, dbmate, goose, EF Core, DbUp, baselines).</summary>
    NotRecorded,

    /// <summary>The recorded checksum matches the embedded text.</summary>
    Matches,

    /// <summary>The recorded checksum differs: the file was edited after it was applied.</summary>
    Differs,

    /// <summary>A checksum is recorded, but in a form SchemaTasks cannot reproduce.</summary>
    NotComparable,
}

/// <summary>Compares a recorded checksum with the embedded text the way the recording tool computes it.</summary>
internal static class ChecksumComparison
{
    /// <param name="kind">The tool that recorded <paramref name="applied"/>.</param>
    /// <param name="applied">The history row.</param>
    /// <param name="embedded">The migration it records.</param>
    /// <param name="atlasHash">For Atlas, the folder's chained hash up to <paramref name="embedded"/> (see <see cref="AtlasHashes"/>).</param>
    public static ChecksumStatus Compare(MigrationHistoryKind kind, AppliedMigration applied, EmbeddedMigration embedded, string? atlasHash = null)
    {
        if (string.IsNullOrWhiteSpace(applied.Checksum) || applied.State == AppliedMigrationState.Baseline)
        {
            return ChecksumStatus.NotRecorded;
        }

        var recorded = applied.Checksum.Trim();
        switch (kind)
        {
            case MigrationHistoryKind.SchemaTasks:
                return Status(string.Equals(recorded, embedded.Sha256, StringComparison.OrdinalIgnoreCase));

            case MigrationHistoryKind.Prisma:
                // Prisma hashes the file as it was on disk, so a CRLF checkout records the hash of
                // the CRLF text; Prisma itself accepts either line ending, and so do we.
                var normalised = MigrationChecksum.NormaliseLineEndings(embedded.Text);
                return Status(
                    string.Equals(recorded, embedded.Sha256, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(recorded, Sha256(embedded.Text), StringComparison.OrdinalIgnoreCase)
                    || string.Equals(recorded, Sha256(normalised.Replace("\n", "\r\n", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase));

            case MigrationHistoryKind.Flyway:
                return int.TryParse(recorded, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var crc)
                    ? Status(crc == FlywayChecksum.Compute(embedded.Text))
                    : ChecksumStatus.NotComparable;

            case MigrationHistoryKind.Sqlx:
                // sqlx hashes the file's bytes as they are (SHA-384), line endings and a byte-order mark
                // included; the text here may have lost its mark when it was read, so both are tried.
                return Status(WithOrWithoutBom(embedded.Text).Any(text => string.Equals(recorded, Sqlx(text), StringComparison.OrdinalIgnoreCase)));

            case MigrationHistoryKind.Drizzle:
                // drizzle hashes the file's text as read (SHA-256, CRLF included, as drizzle-orm 0.45 does);
                // the same text with LF line endings is accepted too, so a checkout with other line
                // endings is not an edit. drizzle itself never compares: SchemaTasks does.
                return Status(WithOrWithoutBom(embedded.Text).Any(text =>
                    string.Equals(recorded, Sha256(text), StringComparison.OrdinalIgnoreCase)
                    || string.Equals(recorded, Sha256(text.Replace("\r\n", "\n", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase)));

            case MigrationHistoryKind.Evolve:
                // Evolve: upper-case MD5 of the text read as UTF-8 (a byte-order mark dropped) with
                // CRLF turned into LF; before Evolve 1.8 the MD5 of the file's bytes, still accepted.
                return Status(
                    recorded == Evolve(embedded.Text)
                    || WithOrWithoutBom(embedded.Text).Any(text => recorded == Md5(Encoding.UTF8.GetBytes(text))));

            case MigrationHistoryKind.Liquibase:
                return LiquibaseStatus(recorded, embedded);

            case MigrationHistoryKind.Atlas:
                // Atlas records the file's atlas.sum entry: SHA-256 of every file name and file up to
                // this one, so it also changes when an earlier file changed or a file was added before it.
                return atlasHash is null ? ChecksumStatus.NotComparable : Status(recorded == atlasHash);

            default:
                return ChecksumStatus.NotComparable;
        }
    }

    /// <summary>
    /// The <c>atlas.sum</c> entry of each of <paramref name="migrations"/> (the whole folder, in
    /// Atlas's order), as Atlas records it in a revision's <c>hash</c>; <paramref name="recorded"/>
    /// gives the recorded hash of a migration, if any, so a byte-order mark lost on reading still matches.
    /// </summary>
    public static IReadOnlyList<string?> AtlasHashes(IReadOnlyList<EmbeddedMigration> migrations, Func<EmbeddedMigration, string?>? recorded = null) =>
        AtlasDirectory.Hashes(migrations.Select(m => (m.RelativePath[(m.RelativePath.LastIndexOf('/') + 1)..], m.Text)).ToList(), i => recorded?.Invoke(migrations[i]));

    /// <summary>The checksum of <paramref name="embedded"/> in the form <paramref name="kind"/> records, for messages.</summary>
    public static string Ours(MigrationHistoryKind kind, EmbeddedMigration embedded, IReadOnlyList<EmbeddedMigration> all) => kind switch
    {
        MigrationHistoryKind.Atlas => AtlasHashes(all)[all.ToList().IndexOf(embedded)] ?? "no atlas.sum entry (atlas:sum ignore)",
        MigrationHistoryKind.Flyway => FlywayChecksum.ComputeText(embedded.Text),
        MigrationHistoryKind.Sqlx => Sqlx(embedded.Text),
        MigrationHistoryKind.Evolve => Evolve(embedded.Text),
        MigrationHistoryKind.Liquibase => LiquibaseChangelog.Find(embedded.RelativePath, embedded.Text, embedded.Id) is { } changeset ? LiquibaseChangelog.CheckSum(changeset.Sql) : "no changeset",
        MigrationHistoryKind.Drizzle => Sha256(embedded.Text),
        _ => embedded.Sha256,
    };

    private static IEnumerable<string> WithOrWithoutBom(string text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? [text, text.Substring(1)] : [text, "\uFEFF" + text];

    private static string Sqlx(string text) =>
        Convert.ToHexString(Sqlx384(text)).ToLowerInvariant();

    /// <summary>sqlx's checksum of a file: SHA-384 of its bytes.</summary>
    public static byte[] Sqlx384(string text) => SHA384.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>Whether the changeset <paramref name="embedded"/> has <c>runOnChange:true</c>: Liquibase runs it again when it changes.</summary>
    public static bool RunsOnChange(EmbeddedMigration embedded) =>
        LiquibaseChangelog.Find(embedded.RelativePath, embedded.Text, embedded.Id) is { RunOnChange: true };

    // Liquibase's rule (ChangeSet.isCheckSumValid): a validCheckSum of ANY, ALL or * accepts any
    // checksum; else the recorded one must equal the changeset's current one, or a validCheckSum
    // must equal either. Only version 9 (Liquibase 4.24 and later) is computed here.
    private static ChecksumStatus LiquibaseStatus(string recorded, EmbeddedMigration embedded)
    {
        if (LiquibaseChangelog.Find(embedded.RelativePath, embedded.Text, embedded.Id) is not { } changeset) return ChecksumStatus.NotComparable;
        var valid = changeset.ValidCheckSums.Select(v => v.Contains(':', StringComparison.Ordinal) ? v : "1:" + v).ToList();
        if (valid.Any(v => v.Equals("1:any", StringComparison.OrdinalIgnoreCase) || v.Equals("1:all", StringComparison.OrdinalIgnoreCase) || v == "1:*")) return ChecksumStatus.Matches;
        if (!recorded.StartsWith("9:", StringComparison.Ordinal)) return valid.Contains(recorded) ? ChecksumStatus.Matches : ChecksumStatus.NotComparable;
        var current = LiquibaseChangelog.CheckSum(changeset.Sql);
        return Status(recorded == current || valid.Contains(current) || valid.Contains(recorded));
    }

    private static string Evolve(string text) => Md5(Encoding.UTF8.GetBytes((text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text).Replace("\r\n", "\n", StringComparison.Ordinal)));

#pragma warning disable CA5351 // Evolve's checksum is MD5; it identifies a file's version, it protects nothing.
    private static string Md5(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes));
#pragma warning restore CA5351

    private static ChecksumStatus Status(bool matches) => matches ? ChecksumStatus.Matches : ChecksumStatus.Differs;

    /// <summary>Lower-case hexadecimal SHA-256 of the text's UTF-8 bytes: the file as it is on disk.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
