using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Turns the files of a migrations folder into an ordered <see cref="MigrationSet"/>, reading
/// the folder as the tool that owns it does (see <see cref="MigrationLayout"/>), so adopting
/// SchemaTasks never means moving migrations.
/// </summary>
public static class MigrationDiscovery
{
    /// <summary>The marker file Prisma keeps beside its migration folders.</summary>
    public const string PrismaLockFile = "migration_lock.toml";

    private static readonly Regex PrismaPath = new(@"^(?<version>\d+)_(?<name>[^/]+)/migration\.sql$", RegexOptions.CultureInvariant);
    private static readonly Regex GolangFile = new(@"^(?<version>\d+)_(?<name>.+)\.(?<direction>up|down)\.sql$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex FlywayFile = new(@"^(?<prefix>[VUBvub])(?<version>\d+(?:[._]\d+)*)__(?<name>.+)\.sql$|^(?<prefix>[Rr])__(?<name>.+)\.sql$", RegexOptions.CultureInvariant);
    private static readonly Regex DbmateFile = new(@"^(?<version>\d+)_(?<name>.+)\.sql$", RegexOptions.CultureInvariant);
    private static readonly Regex DbmateUp = new(@"^--\s*migrate:up\b.*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex DbmateDown = new(@"^--\s*migrate:down\b.*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex PrismaProvider = new(@"^\s*provider\s*=\s*""(?<provider>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>
    /// Reads the migrations among <paramref name="files"/>.
    /// </summary>
    /// <param name="files">Every <c>.sql</c> file of the folder, and Prisma's lock file if there is one.</param>
    /// <param name="layout">The layout to read, or <see langword="null"/> to detect it from the file names.</param>
    /// <returns>The set when there is no error, and every diagnostic found.</returns>
    public static MigrationDiscoveryResult Discover(IReadOnlyList<MigrationSourceFile> files, MigrationLayout? layout = null)
    {
        var diagnostics = new List<SchemaDiagnostic>();
        var lockFile = files.FirstOrDefault(f => string.Equals(f.RelativePath, PrismaLockFile, StringComparison.OrdinalIgnoreCase));
        var sqlFiles = files
            .Where(f => f.RelativePath.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();

        if (sqlFiles.Count == 0)
        {
            diagnostics.Add(SchemaDiagnostic.Warning(
                DiagnosticCodes.NoMigrations,
                "The migrations folder holds no .sql file. Add migrations, or point SchemaMigrationsDirectory at the folder that has them."));
            return new MigrationDiscoveryResult(new MigrationSet(layout ?? MigrationLayout.Plain, null, []), diagnostics);
        }

        var chosen = layout ?? DetectLayout(sqlFiles, lockFile, diagnostics);
        if (chosen is null)
        {
            return new MigrationDiscoveryResult(null, diagnostics);
        }

        SqlDialect? dialect = lockFile is null ? null : ReadPrismaDialect(lockFile, diagnostics);
        var migrations = new List<(Migration Migration, IComparable Order)>();
        foreach (var file in sqlFiles)
        {
            if (!Reads(chosen.Value, file.RelativePath))
            {
                diagnostics.Add(new SchemaDiagnostic(
                    DiagnosticCodes.FileNotRead,
                    DiagnosticSeverity.Info,
                    $"'{file.RelativePath}' is not a migration and was skipped: the {chosen.Value.ToName()} layout reads {ReadScope(chosen.Value)}.",
                    file.RelativePath));
                continue;
            }

            var migration = Read(chosen.Value, file, diagnostics);
            if (migration is not null)
            {
                migrations.Add(migration.Value);
            }
        }

        var ordered = migrations
            .OrderBy(m => m.Order)
            .ThenBy(m => m.Migration.RelativePath, StringComparer.Ordinal)
            .Select(m => m.Migration)
            .ToList();
        if (chosen == MigrationLayout.Flyway)
        {
            ordered = FlywayBaselines.Choose(ordered, diagnostics);
        }

        ReportDuplicateVersions(chosen.Value, ordered, diagnostics);

        var failed = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new MigrationDiscoveryResult(failed ? null : new MigrationSet(chosen.Value, dialect, ordered), diagnostics);
    }

    private static MigrationLayout? DetectLayout(List<MigrationSourceFile> sqlFiles, MigrationSourceFile? lockFile, List<SchemaDiagnostic> diagnostics)
    {
        var claims = new Dictionary<MigrationLayout, string>();
        if (lockFile is not null)
        {
            claims[MigrationLayout.Prisma] = lockFile.RelativePath;
        }

        foreach (var file in sqlFiles)
        {
            var fileName = FileName(file.RelativePath);
            // golang-migrate and dbmate read only the folder's own files, so only those claim it for them.
            var inFolderItself = !file.RelativePath.Contains('/', StringComparison.Ordinal);
            MigrationLayout? claimant =
                PrismaPath.IsMatch(file.RelativePath) ? MigrationLayout.Prisma
                : inFolderItself && GolangFile.IsMatch(fileName) ? MigrationLayout.GolangMigrate
                : FlywayFile.IsMatch(fileName) ? MigrationLayout.Flyway
                : inFolderItself && DbmateFile.IsMatch(fileName) && DbmateUp.IsMatch(file.Text) ? MigrationLayout.Dbmate
                : null;
            if (claimant is not null && !claims.ContainsKey(claimant.Value))
            {
                claims[claimant.Value] = file.RelativePath;
            }
        }

        if (claims.Count == 0)
        {
            return MigrationLayout.Plain;
        }

        if (claims.Count == 1)
        {
            return claims.Keys.Single();
        }

        var evidence = string.Join(", ", claims.OrderBy(c => c.Key).Select(c => $"{c.Key.ToName()} ('{c.Value}')"));
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.AmbiguousLayout,
            $"The migrations folder mixes layouts: {evidence}. Keep one tool's migrations per folder, or set SchemaMigrationsLayout to the layout to read."));
        return null;
    }

    private static (Migration, IComparable)? Read(MigrationLayout layout, MigrationSourceFile file, List<SchemaDiagnostic> diagnostics)
    {
        var fileName = FileName(file.RelativePath);
        switch (layout)
        {
            case MigrationLayout.Prisma:
            {
                var match = PrismaPath.Match(file.RelativePath);
                if (!match.Success)
                {
                    return Unrecognised(file, "Prisma keeps each migration in '<timestamp>_<name>/migration.sql'", diagnostics);
                }

                // The whole folder name is the migration's name in _prisma_migrations, so two
                // folders may share a timestamp; they apply in the order Prisma sorts names.
                var folder = file.RelativePath.Substring(0, file.RelativePath.IndexOf('/'));
                return (Create(folder, match, file), new OrderKey(folder, PrismaMigrationOrder.Instance));
            }

            case MigrationLayout.GolangMigrate:
            {
                var match = GolangFile.Match(fileName);
                if (!match.Success)
                {
                    return Unrecognised(file, "golang-migrate names migrations '<version>_<name>.up.sql' and '<version>_<name>.down.sql'", diagnostics);
                }

                if (match.Groups["direction"].Value.Equals("down", StringComparison.OrdinalIgnoreCase))
                {
                    return null; // Down files undo history; they are not part of it.
                }

                // golang-migrate records the version as a number (schema_migrations.version bigint),
                // so "000001_init.up.sql" is version 1 in its history table.
                var version = match.Groups["version"].Value;
                return (Create(NumericVersionKey(version), match, file), new OrderKey(version, NaturalStringComparer.Instance));
            }

            case MigrationLayout.Flyway:
            {
                var match = FlywayFile.Match(fileName);
                if (!match.Success)
                {
                    return Unrecognised(file, "Flyway names versioned migrations 'V<version>__<description>.sql'", diagnostics);
                }

                var prefix = match.Groups["prefix"].Value;
                if (!prefix.Equals("V", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("B", StringComparison.OrdinalIgnoreCase))
                {
                    return null; // Repeatable (R__) and undo (U) scripts do not shape the versioned schema.
                }

                var version = match.Groups["version"].Value.Replace('_', '.');
                return (Create(version, match, file, version), new OrderKey(version, NaturalStringComparer.Instance));
            }

            case MigrationLayout.Dbmate:
            {
                var match = DbmateFile.Match(fileName);
                var up = DbmateUp.Match(file.Text);
                if (!match.Success || !up.Success)
                {
                    return Unrecognised(file, "dbmate names migrations '<version>_<name>.sql' with a '-- migrate:up' section", diagnostics);
                }

                var version = match.Groups["version"].Value;
                var bodyStart = up.Index + up.Length;
                var down = DbmateDown.Match(file.Text, bodyStart);
                var body = file.Text.Substring(bodyStart, (down.Success ? down.Index : file.Text.Length) - bodyStart);
                var startLine = LineOf(file.Text, bodyStart);

                // dbmate sorts its files by name, byte by byte (Go's <): "10_b" before "2_a".
                return (Create(version, match, file) with { Sql = body, SqlStartLine = startLine }, new OrderKey(fileName, CodePointOrder.Instance));
            }

            default:
            {
                var stem = fileName.Substring(0, fileName.Length - ".sql".Length);
                var migration = new Migration(stem, stem, stem, file.RelativePath, MigrationChecksum.Compute(file.Text), file.Text);
                return (migration, new OrderKey(file.RelativePath, NaturalStringComparer.Instance));
            }
        }
    }

    private static Migration Create(string id, Match match, MigrationSourceFile file, string? version = null)
        => new(
            id,
            version ?? match.Groups["version"].Value,
            match.Groups["name"].Value,
            file.RelativePath,
            MigrationChecksum.Compute(file.Text),
            file.Text);

    private static (Migration, IComparable)? Unrecognised(MigrationSourceFile file, string rule, List<SchemaDiagnostic> diagnostics)
    {
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.UnrecognisedMigrationFile,
            $"'{file.RelativePath}' does not follow the layout's naming rule: {rule}. Rename it, move it out of the migrations folder, or set SchemaMigrationsLayout.",
            file.RelativePath));
        return null;
    }

    // Only where the version is the migration's id and the tool itself refuses a second file with
    // it. Prisma's id is the whole folder name and a plain file's id is its name: neither repeats
    // within one folder.
    private static void ReportDuplicateVersions(MigrationLayout layout, List<Migration> migrations, List<SchemaDiagnostic> diagnostics)
    {
        Func<string, string>? key = layout switch
        {
            // golang-migrate parses the version as a number and refuses a second up file for it
            // ("duplicate migration file"): "1" and "001" collide.
            MigrationLayout.GolangMigrate => NumericVersionKey,

            // Flyway compares versions numerically part by part, "1.0" equal to "1", and stops
            // with "Found more than one migration with version 1".
            MigrationLayout.Flyway => FlywayVersionKey,

            // dbmate keys schema_migrations by the version text: a second file with the same text
            // fails to record on a new database and is taken as applied on an old one.
            MigrationLayout.Dbmate => version => version,
            _ => null,
        };
        if (key is null)
        {
            return;
        }

        foreach (var group in migrations.GroupBy(m => key(m.Version)).Where(g => g.Count() > 1))
        {
            var paths = group.Select(m => m.RelativePath).ToList();
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.DuplicateVersion,
                $"Version {group.First().Version} is used by more than one migration: {string.Join(", ", paths.Select(p => $"'{p}'"))}. Give each migration its own version.",
                paths[1]));
        }
    }

    // golang-migrate records the version as a number: "000001" is 1.
    private static string NumericVersionKey(string version) => version.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    private static string FlywayVersionKey(string version)
    {
        var parts = version.Split('.').Select(NumericVersionKey).ToList();
        while (parts.Count > 1 && parts[^1] == "0") parts.RemoveAt(parts.Count - 1);
        return string.Join(".", parts);
    }

    /// <summary>Whether <paramref name="layout"/> reads the file at <paramref name="relativePath"/>, as its tool lists files.</summary>
    private static bool Reads(MigrationLayout layout, string relativePath)
    {
        var depth = relativePath.Count(c => c == '/');
        return layout switch
        {
            MigrationLayout.Prisma => depth == 1,
            MigrationLayout.GolangMigrate or MigrationLayout.Dbmate => depth == 0,
            _ => true,
        };
    }

    private static string ReadScope(MigrationLayout layout) => layout switch
    {
        MigrationLayout.Prisma => "only the folders directly inside the migrations folder, as Prisma does",
        _ => $"only the files directly in the migrations folder, not subfolders, as {layout.ToName()} does",
    };

    private static SqlDialect? ReadPrismaDialect(MigrationSourceFile lockFile, List<SchemaDiagnostic> diagnostics)
    {
        var match = PrismaProvider.Match(lockFile.Text);
        if (!match.Success)
        {
            return null;
        }

        var provider = match.Groups["provider"].Value;
        if (SqlDialectNames.TryParse(provider, out var dialect))
        {
            return dialect;
        }

        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.UnknownSetting,
            $"'{lockFile.RelativePath}' declares provider \"{provider}\"; SchemaTasks reads \"postgresql\" and \"mysql\" migrations.",
            lockFile.RelativePath,
            LineOf(lockFile.Text, match.Index)));
        return null;
    }

    private static string FileName(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.Substring(slash + 1);
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n') line++;
        }

        return line;
    }

    private sealed record OrderKey(string Value, IComparer<string> Order) : IComparable
    {
        public int CompareTo(object? obj) => Order.Compare(Value, ((OrderKey)obj!).Value);
    }
}
