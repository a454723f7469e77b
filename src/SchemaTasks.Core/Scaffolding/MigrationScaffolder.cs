using System.Globalization;
using System.Numerics;
using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Scaffolding;

/// <summary>
/// Names a new migration the way the folder's own tool would, so a scaffolded fix is just
/// the next migration: a Prisma folder with a timestamp, a golang-migrate up/down pair with
/// the next version and the same zero padding, the next Flyway version, a dbmate file with
/// both sections, or the next number of a plain folder.
/// </summary>
internal static class MigrationScaffolder
{
    private const string Header = "-- Scaffolded by SchemaTasks: values the code uses that the schema did not declare.\n";
    private const string TimestampFormat = "yyyyMMddHHmmss";

    /// <summary>The files of a new migration named <paramref name="name"/> holding <paramref name="sql"/>.</summary>
    public static IReadOnlyList<ScaffoldedFile> Create(MigrationSet set, string name, string sql, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(set);
        var slug = Slug(name);
        var up = Header + sql;
        var last = set.Migrations.Count == 0 ? null : set.Migrations[^1];
        switch (set.Layout)
        {
            case MigrationLayout.Prisma:
                return [new($"{Timestamp(last?.Version, utcNow)}_{slug}/migration.sql", up)];
            case MigrationLayout.GolangMigrate:
            {
                var version = NextNumber(last?.Version, utcNow, "000001");
                return
                [
                    new($"{version}_{slug}.up.sql", up),
                    new($"{version}_{slug}.down.sql", "-- Removing allowed values is not automatic: a row may already hold one.\n-- Restore the previous definition here if this migration must be undone.\n"),
                ];
            }

            case MigrationLayout.Flyway:
            {
                var major = last is null ? BigInteger.Zero : BigInteger.Parse(last.Version.Split('.')[0], CultureInfo.InvariantCulture);
                return [new($"V{major + 1}__{slug}.sql", up)];
            }

            case MigrationLayout.Dbmate:
                return [new($"{Timestamp(last?.Version, utcNow)}_{slug}.sql", "-- migrate:up\n" + up + "\n-- migrate:down\n")];

            case MigrationLayout.Goose:
                return [new($"{NextNumber(FileVersion(last), utcNow, "00001")}_{slug}.sql", "-- +goose Up\n" + up + "\n-- +goose Down\n")];

            case MigrationLayout.Sqlx when last?.RelativePath.EndsWith(".up.sql", StringComparison.OrdinalIgnoreCase) == true:
            {
                var version = NextNumber(FileVersion(last), utcNow, "0001");
                return
                [
                    new($"{version}_{slug}.up.sql", up),
                    new($"{version}_{slug}.down.sql", "-- Removing allowed values is not automatic: a row may already hold one.\n-- Restore the previous definition here if this migration must be undone.\n"),
                ];
            }

            case MigrationLayout.Sqlx:
                return [new($"{NextNumber(FileVersion(last), utcNow, "0001")}_{slug}.sql", up)];

            // drizzle-kit's folder form; a journal folder cannot take a new file without its
            // journal entry, which drizzle-kit writes (ScaffoldsWithoutTool says so).
            case MigrationLayout.Drizzle:
                return [new($"{Timestamp(last?.Name.Substring(0, Math.Min(14, last.Name.Length)), utcNow)}_{slug}/migration.sql", up)];
            // Liquibase: a new formatted SQL changelog beside the last one, named to sort after it
            // (includeAll runs the files in path order), holding one changeset.
            case MigrationLayout.Liquibase:
            {
                var folder = last is null || last.RelativePath.LastIndexOf('/') < 0 ? string.Empty : last.RelativePath.Substring(0, last.RelativePath.LastIndexOf('/') + 1);
                var lastName = last is null ? null : last.RelativePath.Substring(folder.Length);
                var digits = lastName is null ? null : new string(lastName.TakeWhile(char.IsAsciiDigit).ToArray()) is { Length: > 0 } d ? d : null;
                var prefix = NextNumber(digits, utcNow, utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture));
                return [new($"{folder}{prefix}_{slug}.sql", $"--liquibase formatted sql\n\n--changeset schematasks:{prefix}-{slug}\n" + up)];
            }

            // Atlas names new files '<timestamp>_<name>.sql'; its atlas.sum is rewritten by
            // `atlas migrate hash` once the file is reviewed (the build reports it missing until then).
            case MigrationLayout.Atlas:
                return [new($"{NextNumber(FileVersion(last), utcNow, utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture))}_{slug}.sql", up)];

            // diesel: a '<version>_<name>' folder holding up.sql and down.sql, the version written
            // as the last folder writes it ('2024-01-02-030405', as `diesel migration generate` does, or 14 digits).
            case MigrationLayout.Diesel:
            {
                var stamp = Timestamp(last?.Version, utcNow);
                var dashed = last is null || last.RelativePath.IndexOf('-') is var dash && dash >= 0 && dash < last.RelativePath.IndexOf('_');
                var version = dashed && stamp.Length == 14 ? $"{stamp[..4]}-{stamp[4..6]}-{stamp[6..8]}-{stamp[8..]}" : stamp;
                return
                [
                    new($"{version}_{slug}/up.sql", up),
                    new($"{version}_{slug}/down.sql", "-- Removing allowed values is not automatic: a row may already hold one.\n-- Restore the previous definition here if this migration must be undone.\n"),
                ];
            }

            // pop: an up/down pair (popx refuses an up file without its down file), the version
            // written as the last one's, and the last file's dialect part kept: the SQL is that dialect's.
            case MigrationLayout.Pop:
            {
                var version = NextNumber(last?.Version, utcNow, utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture));
                var dialect = last is null ? null : PopMigrationFile.Parse(last.RelativePath.Substring(last.RelativePath.LastIndexOf('/') + 1))?.Dialect;
                var stem = dialect is null ? $"{version}_{slug}" : $"{version}_{slug}.{dialect}";
                return
                [
                    new($"{stem}.up.sql", up),
                    new($"{stem}.down.sql", "-- Removing allowed values is not automatic: a row may already hold one.\n-- Restore the previous definition here if this migration must be undone.\n"),
                ];
            }

            // sql-migrate: `sql-migrate new` writes '<timestamp>-<name>.sql' with both sections; the
            // separator after the number follows the last file's.
            case MigrationLayout.SqlMigrate:
            {
                var version = NextNumber(FileVersion(last), utcNow, utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture));
                var lastName = last?.RelativePath.Substring(last.RelativePath.LastIndexOf('/') + 1);
                var separator = lastName is not null && FileVersion(last) is { } digits && lastName.Length > digits.Length && lastName[digits.Length] == '_' ? '_' : '-';
                return [new($"{version}{separator}{slug}.sql", "-- +migrate Up\n" + up + "\n-- +migrate Down\n")];
            }

            default:
            {
                var leadingDigits = last is null ? "001" : new string(last.Id.TakeWhile(char.IsAsciiDigit).ToArray());
                var prefix = leadingDigits.Length == 0 ? Timestamp(null, utcNow) : NextNumber(leadingDigits, utcNow, "001");
                return [new($"{prefix}_{slug}.sql", up)];
            }
        }
    }

    /// <summary>
    /// Whether <see cref="Create"/> can name the next migration of <paramref name="set"/> by
    /// itself: not for a drizzle-kit journal folder, whose new migration needs a journal entry
    /// only drizzle-kit writes (<c>drizzle-kit generate --custom</c>).
    /// </summary>
    public static bool ScaffoldsWithoutTool(MigrationSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Layout != MigrationLayout.Drizzle || set.Migrations.Count == 0 || set.Migrations[^1].RelativePath.Contains('/', StringComparison.Ordinal);
    }

    /// <summary>A name made of lower-case letters, digits and underscores, as migration tools expect.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        var text = slug.ToString().Trim('_');
        text = text.Length > 60 ? text[..60].TrimEnd('_') : text;
        return text.Length == 0 ? "schematasks_fix" : text;
    }

    // Timestamped layouts order by the stamp: a clock behind the last migration must not put
    // the new one first.
    private static string Timestamp(string? lastVersion, DateTime utcNow)
    {
        var now = utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        if (lastVersion is null || NaturalStringComparer.Instance.Compare(now, lastVersion) > 0)
        {
            return now;
        }

        return (BigInteger.Parse(lastVersion, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
    }

    // The digits a file name starts with, as written (zero padding kept).
    private static string? FileVersion(Migration? last) =>
        last is null ? null : new string(last.RelativePath.TakeWhile(char.IsAsciiDigit).ToArray()) is { Length: > 0 } digits ? digits : null;

    // The next number with the previous one's zero padding; timestamp versions stay timestamps.
    private static string NextNumber(string? lastVersion, DateTime utcNow, string first)
    {
        if (string.IsNullOrEmpty(lastVersion))
        {
            return first;
        }

        if (lastVersion.Length == TimestampFormat.Length)
        {
            return Timestamp(lastVersion, utcNow);
        }

        var next = (BigInteger.Parse(lastVersion, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return next.PadLeft(lastVersion.Length, '0');
    }
}
