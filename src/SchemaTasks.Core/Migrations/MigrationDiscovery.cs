using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

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

    // sqlx runs a migration without a transaction when its text starts with this.
    private const string SqlxNoTransaction = "-- no-transaction";

    // Each pattern is built when first used: a folder of one layout needs a few of them, and
    // building all eleven took about a tenth of the native tool's cold run on one migration.
    // Prisma names a folder '<timestamp>_<name>', '<timestamp>_' when the name was left empty,
    // and (since 2025) just '<timestamp>'; the name claims a folder for Prisma.
    private static Regex PrismaPath => field ??= new(@"^(?<version>\d+)(?:_(?<name>[^/]*))?/migration\.sql$", RegexOptions.CultureInvariant);

    // What Prisma itself reads: the migration.sql of every folder, whatever its name.
    private static Regex PrismaMigration => field ??= new(@"^(?<folder>(?<version>\d*)_?(?<name>[^/]*))/migration\.sql$", RegexOptions.CultureInvariant);
    private static Regex GolangFile => field ??= new(@"^(?<version>\d+)_(?<name>.+)\.(?<direction>up|down)\.sql$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static Regex FlywayFile => field ??= new(@"^(?<prefix>[VUBvub])(?<version>\d+(?:[._]\d+)*)__(?<name>.+)\.sql$|^(?<prefix>[Rr])__(?<name>.+)\.sql$", RegexOptions.CultureInvariant);
    // dbmate's own rule is a version of digits at the start of a .sql file's name
    // ('^(\d+).*\.sql$'): '<version>_<name>.sql' by default, '<version>-<name>.sql' as well.
    private static Regex DbmateFile => field ??= new(@"^(?<version>\d+)[_\-.]?(?<name>.*)\.sql$", RegexOptions.CultureInvariant);
    private static Regex DbmateUp => field ??= new(@"^--\s*migrate:up\b.*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static Regex GooseFile => field ??= new(@"^(?<version>\d+)_(?<name>.*)\.sql$", RegexOptions.CultureInvariant);
    private static Regex GooseCodeFile => field ??= new(@"^(?<version>\d+)_(?<name>.*)\.go$", RegexOptions.CultureInvariant);
    private static Regex SqlxFile => field ??= new(@"^(?<version>[^_]*)_(?<name>.*?)(?<direction>\.up|\.down)?\.sql$", RegexOptions.CultureInvariant);
    private static Regex DrizzleFolder => field ??= new(@"^(?<version>\d{14})[^/]*$", RegexOptions.CultureInvariant);
    private static Regex PrismaProvider => field ??= new(@"^\s*provider\s*=\s*""(?<provider>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>
    /// Reads the migrations among <paramref name="files"/>.
    /// </summary>
    /// <param name="files">Every <c>.sql</c> file of the folder, and Prisma's lock file if there is one.</param>
    /// <param name="layout">The layout to read, or <see langword="null"/> to detect it from the file names.</param>
    /// <returns>The set when there is no error, and every diagnostic found.</returns>
    public static MigrationDiscoveryResult Discover(IReadOnlyList<MigrationSourceFile> files, MigrationLayout? layout = null)
        => Discover(files, layout, MigrationSettingNames.MsBuild);

    /// <summary>Reads the migrations among <paramref name="files"/>; messages name the settings as <paramref name="names"/> does.</summary>
    /// <param name="files">Every <c>.sql</c> file of the folder, and Prisma's lock file if there is one.</param>
    /// <param name="layout">The layout to read, or <see langword="null"/> to detect it from the file names.</param>
    /// <param name="names">How the settings are named in messages.</param>
    /// <param name="dialect">The dialect set, which chooses among a pop folder's files for several dialects.</param>
    /// <param name="flyway">What Flyway is configured with that changes what its migrations run; its defaults when <see langword="null"/>.</param>
    /// <param name="popOptions">The connection options pop renders into its migrations; none when <see langword="null"/>.</param>
    internal static MigrationDiscoveryResult Discover(IReadOnlyList<MigrationSourceFile> files, MigrationLayout? layout, MigrationSettingNames names, SqlDialect? dialect = null, FlywayReading? flyway = null, IReadOnlyDictionary<string, string>? popOptions = null)
    {
        var diagnostics = new DiscoveryDiagnostics(names.Layout) { Names = names, Dialect = dialect, Flyway = flyway ?? FlywayReading.Default, PopOptions = popOptions ?? new Dictionary<string, string>(StringComparer.Ordinal) };
        var lockFile = files.FirstOrDefault(f => string.Equals(f.RelativePath, PrismaLockFile, StringComparison.OrdinalIgnoreCase));
        var sqlFiles = files
            .Where(f => f.RelativePath.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();

        var folder = new FolderFiles(files, sqlFiles);
        var master = files.FirstOrDefault(LiquibaseMasterChangelog.IsMaster);
        // A journal or goose's Go migrations alone still make a folder to read (and check).
        if (sqlFiles.Count == 0 && folder.Journal is null && !(layout is null or MigrationLayout.Goose && folder.GoCode.Any(IsGooseCode)))
        {
            diagnostics.Add(SchemaDiagnostic.Warning(
                DiagnosticCodes.NoMigrations,
                "The migrations folder holds no .sql file. Add migrations, or point SchemaMigrationsDirectory at the folder that has them."));
            return new MigrationDiscoveryResult(new MigrationSet(layout ?? MigrationLayout.Plain, null, []), diagnostics);
        }

        var chosen = layout ?? DetectLayout(folder, lockFile, diagnostics);
        if (chosen is null)
        {
            return new MigrationDiscoveryResult(null, diagnostics);
        }

        diagnostics.Layout = chosen.Value;

        SqlDialect? declared = lockFile is null ? null : ReadPrismaDialect(lockFile, diagnostics);
        var migrations = new List<(Migration Migration, IComparable Order)>();
        if (chosen == MigrationLayout.Drizzle && folder.Journal is { } journal)
        {
            return DrizzleFromJournal(journal, sqlFiles, diagnostics);
        }

        if (chosen == MigrationLayout.Liquibase)
        {
            return LiquibaseFromChangelogs(sqlFiles, master, dialect, diagnostics);
        }

        // A plain folder of up/down pairs is read without its down files; one that mixes them with
        // other files is refused rather than guessed at (PlainDownFiles).
        var downFiles = chosen == MigrationLayout.Plain ? PlainDownFiles.Find(sqlFiles, diagnostics.LayoutSetting, diagnostics) : [];
        if (downFiles is null)
        {
            return new MigrationDiscoveryResult(null, diagnostics);
        }

        // A fizz migration changes the schema in pop's own language: the snapshot cannot follow it.
        if (chosen is MigrationLayout.Pop or MigrationLayout.GolangMigrate or MigrationLayout.Plain)
        {
            foreach (var fizz in files.Where(f => f.RelativePath.EndsWith(PopMigrationFile.FizzUpSuffix, StringComparison.Ordinal)))
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FizzMigration,
                    $"'{fizz.RelativePath}' is a fizz migration, pop's own language for schema changes, which SchemaTasks does not read, so the schema after it would be a guess. pop runs SQL migrations the same way: write it as '{fizz.RelativePath.Substring(0, fizz.RelativePath.Length - ".fizz".Length)}.sql'.",
                    fizz.RelativePath));
            }
        }

        // pop keeps several dialects' files for one version side by side; only the dialect's choice runs.
        var popFiles = chosen == MigrationLayout.Pop ? PopMigrationFolder.Choose(sqlFiles, dialect, names, diagnostics) : null;
        if (chosen == MigrationLayout.Pop && popFiles is null)
        {
            return new MigrationDiscoveryResult(null, diagnostics);
        }

        foreach (var file in sqlFiles)
        {
            if (downFiles.Contains(file.RelativePath))
            {
                continue;
            }

            if (!Reads(chosen.Value, file.RelativePath))
            {
                diagnostics.Add(new SchemaDiagnostic(
                    DiagnosticCodes.FileNotRead,
                    DiagnosticSeverity.Info,
                    $"'{file.RelativePath}' is not a migration and was skipped: the {chosen.Value.ToName()} layout reads {ReadScope(chosen.Value)}.",
                    file.RelativePath));
                continue;
            }

            // Another tool's up/down markers in a plain file: its down section would run as well.
            if (chosen == MigrationLayout.Plain && PlainForeignMarkers.Report(file, diagnostics.LayoutSetting, diagnostics))
            {
                continue;
            }

            var migration = Read(chosen.Value, file, diagnostics, popFiles);
            if (migration is var (found, order))
            {
                // The file's own marker for running outside a transaction, read as its tool reads it.
                var noTransaction = MigrationScripts.Of(chosen.Value, file.RelativePath, file.Text).NoTransaction;
                migrations.Add((found with { NoTransaction = noTransaction }, order));
            }
        }

        if (chosen == MigrationLayout.Atlas)
        {
            // Atlas hashes every .sql file of the folder itself, in name order, byte by byte.
            var topLevel = sqlFiles.Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal)).OrderBy(f => f.RelativePath, CodePointOrder.Instance).ToList();
            AtlasDirectory.Verify(topLevel, folder.AtlasSum, diagnostics);
        }

        if (chosen == MigrationLayout.Diesel)
        {
            foreach (var down in DieselMigrationFolder.DownWithoutUp(sqlFiles))
            {
                Unrecognised(down, "diesel runs the 'up.sql' of each folder directly inside the migrations folder, and refuses a folder without one", diagnostics);
            }
        }

        if (chosen == MigrationLayout.Goose)
        {
            // goose runs Go-function migrations in the same sequence as its SQL files.
            foreach (var code in folder.GoCode)
            {
                var match = GooseCodeFile.Match(FileName(code.RelativePath));
                if (GooseVersion(code, match, diagnostics) is not { } version) continue;
                var (sql, line) = GooseCodeMigration.Declared(code, version, diagnostics);
                var migration = Create(version, match, code, version) with { Sql = sql, SqlStartLine = line };
                migrations.Add((migration, new OrderKey(version, NaturalStringComparer.Instance)));
            }
        }

        var ordered = InOrder(migrations);
        if (chosen == MigrationLayout.Flyway)
        {
            ordered = FlywayBaselines.Choose(ordered, diagnostics);
        }

        ReportDuplicateVersions(chosen.Value, ordered, diagnostics);

        // A layout set by hand that reads none of the files is almost surely the wrong one: an
        // empty history would pass every check while the folder holds the schema.
        if (layout is not null && ordered.Count == 0 && sqlFiles.Count > 0 && !SchemaDiagnostic.AnyError(diagnostics))
        {
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.NoFileFollowsLayout,
                $"The {chosen.Value.ToName()} layout reads {ReadScope(chosen.Value)}, and none of the folder's {sqlFiles.Count} .sql file(s) is one (the first is '{sqlFiles[0].RelativePath}'). Set {diagnostics.LayoutSetting} to the layout the folder follows, or leave it unset to detect it."));
        }

        var failed = SchemaDiagnostic.AnyError(diagnostics);
        // Flyway runs repeatable migrations by description ('_' read as ' '), as Java compares strings (UTF-16 code units).
        var repeatables = diagnostics.FlywayRepeatables.OrderBy(r => r.Name.Replace('_', ' '), StringComparer.Ordinal).ThenBy(r => r.RelativePath, StringComparer.Ordinal).ToList();
        return new MigrationDiscoveryResult(failed ? null : new MigrationSet(chosen.Value, declared, ordered) { Repeatables = repeatables }, diagnostics);
    }

    private static MigrationLayout? DetectLayout(FolderFiles folder, MigrationSourceFile? lockFile, DiscoveryDiagnostics diagnostics)
    {
        var claims = new Dictionary<MigrationLayout, string>();
        void Claim(MigrationLayout layout, string path)
        {
            if (!claims.ContainsKey(layout)) claims[layout] = path;
        }

        if (lockFile is not null) Claim(MigrationLayout.Prisma, lockFile.RelativePath);
        if (folder.Journal is not null) Claim(MigrationLayout.Drizzle, folder.Journal.RelativePath);
        if (folder.AtlasSum is not null) Claim(MigrationLayout.Atlas, folder.AtlasSum.RelativePath);
        if (folder.LiquibaseMaster is not null) Claim(MigrationLayout.Liquibase, folder.LiquibaseMaster.RelativePath);
        foreach (var code in folder.GoCode)
        {
            if (IsGooseCode(code)) Claim(MigrationLayout.Goose, code.RelativePath);
        }

        foreach (var file in folder.Sql)
        {
            var fileName = FileName(file.RelativePath);
            // goose, sqlx, golang-migrate, dbmate and sql-migrate read only the folder's own files, so only those claim it for them.
            var inFolderItself = !file.RelativePath.Contains('/', StringComparison.Ordinal);
            if (PrismaPath.IsMatch(file.RelativePath))
            {
                // drizzle-kit's folder form has Prisma's shape, with a snapshot.json beside each migration.sql.
                Claim(folder.DrizzleFolders.Contains(file.RelativePath.Substring(0, file.RelativePath.IndexOf('/'))) ? MigrationLayout.Drizzle : MigrationLayout.Prisma, file.RelativePath);
                continue;
            }

            if (DieselMigrationFolder.IsGeneratedMigration(file.RelativePath)) Claim(MigrationLayout.Diesel, file.RelativePath);
            if (PopMigrationFile.Parse(fileName) is { IsPopOnly: true }) Claim(MigrationLayout.Pop, file.RelativePath);
            if (FlywayFile.IsMatch(fileName)) Claim(MigrationLayout.Flyway, file.RelativePath);
            if (LiquibaseChangelog.IsChangelog(file.Text)) Claim(MigrationLayout.Liquibase, file.RelativePath);
            if (!inFolderItself) continue;

            // The names alone do not tell goose, dbmate, sql-migrate, sqlx and plain files apart: the content
            // markers do. A file may carry two, and then both claim the folder.
            if (DbmateFile.IsMatch(fileName) && DbmateUp.IsMatch(file.Text)) Claim(MigrationLayout.Dbmate, file.RelativePath);
            if (GooseFile.IsMatch(fileName) && GooseScript.HasUpAnnotation(file.Text)) Claim(MigrationLayout.Goose, file.RelativePath);
            if (fileName.EndsWith(".sql", StringComparison.Ordinal) && SqlMigrateScript.HasSectionCommand(file.Text)) Claim(MigrationLayout.SqlMigrate, file.RelativePath);
            if (SqlxFile.IsMatch(fileName) && file.Text.StartsWith(SqlxNoTransaction, StringComparison.Ordinal)) Claim(MigrationLayout.Sqlx, file.RelativePath);
            if (GolangFile.IsMatch(fileName)) Claim(MigrationLayout.GolangMigrate, file.RelativePath);
        }

        // sqlx reads golang-migrate's .up.sql/.down.sql names too; its marker decides for it.
        if (claims.ContainsKey(MigrationLayout.Sqlx)) claims.Remove(MigrationLayout.GolangMigrate);

        // pop's names are golang-migrate's with a dialect part or popx's autocommit flag, which decide for pop.
        if (claims.ContainsKey(MigrationLayout.Pop)) claims.Remove(MigrationLayout.GolangMigrate);

        // Atlas writes atlas.sum beside folders it keeps in another tool's format (its migration
        // "format" setting: goose, golang-migrate, flyway, dbmate, liquibase), which that tool applies.
        if (claims.Count > 1) claims.Remove(MigrationLayout.Atlas);

        if (claims.Count == 0)
        {
            return MigrationLayout.Plain;
        }

        if (claims.Count == 1)
        {
            var (detected, evidence) = claims.Single();
            diagnostics.DetectedFrom = evidence;
            return detected;
        }

        var claimed = string.Join(", ", claims.OrderBy(c => c.Key).Select(c => $"{c.Key.ToName()} ('{c.Value}')"));
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.AmbiguousLayout,
            $"The migrations folder mixes layouts: {claimed}. Keep one tool's migrations per folder, or set {diagnostics.LayoutSetting} to the layout to read."));
        return null;
    }

    private static (Migration, IComparable)? Read(MigrationLayout layout, MigrationSourceFile file, DiscoveryDiagnostics diagnostics, HashSet<string>? popFiles)
    {
        var fileName = FileName(file.RelativePath);
        switch (layout)
        {
            case MigrationLayout.Prisma:
            {
                var match = PrismaMigration.Match(file.RelativePath);
                if (!match.Success)
                {
                    return Unrecognised(file, "Prisma runs the 'migration.sql' of each folder ('<timestamp>_<name>/migration.sql')", diagnostics);
                }

                // The whole folder name is the migration's name in _prisma_migrations, so two
                // folders may share a timestamp; they apply in the order Prisma sorts names.
                // Prisma asks nothing more of the name: an empty one ('<timestamp>_') is as good.
                var folder = match.Groups["folder"].Value;
                var version = match.Groups["version"].Value is { Length: > 0 } digits ? digits : folder;
                return (Create(folder, match, file, version), new OrderKey(folder, PrismaMigrationOrder.Instance));
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
                    return diagnostics.DetectedFrom is null
                        ? FlywayIgnored(file, diagnostics)
                        : Unrecognised(file, "Flyway names versioned migrations 'V<version>__<description>.sql'", diagnostics);
                }

                var prefix = match.Groups["prefix"].Value;
                if (prefix.Equals("R", StringComparison.OrdinalIgnoreCase))
                {
                    // Not history: kept aside to be checked against the schema the versioned ones build.
                    var text = FlywayPlaceholders.Replace(file, diagnostics.Flyway.Placeholders, diagnostics.Dialect, diagnostics.Flyway.HistoryTable, diagnostics.Names, diagnostics, diagnostics.FlywayPlaceholdersReported);
                    diagnostics.FlywayRepeatables.Add(new Migration(match.Groups["name"].Value, string.Empty, match.Groups["name"].Value, file.RelativePath, file.Checksum, text));
                    return null;
                }

                if (!prefix.Equals("V", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("B", StringComparison.OrdinalIgnoreCase))
                {
                    return null; // Undo (U) scripts do not shape the versioned schema.
                }

                var version = match.Groups["version"].Value.Replace('_', '.');
                var sql = FlywayPlaceholders.Replace(file, diagnostics.Flyway.Placeholders, diagnostics.Dialect, diagnostics.Flyway.HistoryTable, diagnostics.Names, diagnostics, diagnostics.FlywayPlaceholdersReported);
                return (Create(version, match, file, version) with { Sql = sql }, new OrderKey(version, NaturalStringComparer.Instance));
            }

            case MigrationLayout.Dbmate:
            {
                var match = DbmateFile.Match(fileName);
                var up = DbmateUp.Match(file.Text);
                if (!match.Success || !up.Success)
                {
                    return Unrecognised(file, "dbmate runs '.sql' files whose names start with their version's digits ('<version>_<name>.sql') and that have a '-- migrate:up' section", diagnostics);
                }

                var version = match.Groups["version"].Value;
                var sections = DbmateSections.Read(file.Text);
                if (sections.Refusal != DbmateRefusal.None) return DbmateRefuses(file, sections, diagnostics);
                var bodyStart = sections.BodyStart;
                var body = file.Text.Substring(bodyStart, sections.BodyEnd - bodyStart);
                var startLine = TextPosition.LineOf(file.Text, bodyStart);

                // dbmate sorts its files by name, byte by byte (Go's <): "10_b" before "2_a".
                return (Create(version, match, file) with { Sql = body, SqlStartLine = startLine }, new OrderKey(fileName, CodePointOrder.Instance));
            }

            case MigrationLayout.Goose:
            {
                var match = GooseFile.Match(fileName);
                if (!match.Success)
                {
                    return Unrecognised(file, "goose names migrations '<version>_<name>.sql' (or '.go'), the version a whole number from 1", diagnostics);
                }

                if (GooseVersion(file, match, diagnostics) is not { } version) return null;
                var script = GooseScript.Read(file.Text, file.RelativePath);
                diagnostics.AddRange(script.Diagnostics);
                if (script.HasErrors) return null;

                // goose records the version as a number (goose_db_version.version_id bigint) and sorts by it.
                return (Create(version, match, file, version) with { Sql = script.Up(file.Text), SqlStartLine = script.UpStartLine }, new OrderKey(version, NaturalStringComparer.Instance));
            }

            case MigrationLayout.Sqlx:
            {
                var match = SqlxFile.Match(fileName);
                if (!match.Success || !long.TryParse(match.Groups["version"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return Unrecognised(file, "sqlx names migrations '<version>_<description>.sql' (or '.up.sql' and '.down.sql'), the version a whole number", diagnostics);
                }

                if (match.Groups["direction"].Value.Equals(".down", StringComparison.Ordinal))
                {
                    return null; // Reverting migrations undo history; they are not part of it.
                }

                // sqlx records the version as a BIGINT and the description with '_' read as ' '.
                var version = NumericVersionKey(match.Groups["version"].Value);
                var migration = new Migration(version, version, match.Groups["name"].Value.Replace('_', ' '), file.RelativePath, file.Checksum, file.Text);
                return (migration, new OrderKey(version, NaturalStringComparer.Instance));
            }

            case MigrationLayout.Drizzle:
            {
                // The folder form: '<timestamp>_<name>/migration.sql', sorted by folder name as
                // drizzle-kit sorts it (JavaScript's localeCompare, as Prisma); created_at is the
                // folder's 14-digit timestamp read as UTC, in milliseconds.
                var slash = file.RelativePath.IndexOf('/');
                var folder = slash < 0 ? string.Empty : file.RelativePath.Substring(0, slash);
                var match = DrizzleFolder.Match(folder);
                if (!match.Success || !file.RelativePath.EndsWith("/migration.sql", StringComparison.Ordinal)
                    || !DateTime.TryParseExact(match.Groups["version"].Value, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var stamp))
                {
                    return Unrecognised(file, "drizzle-kit keeps each migration in '<yyyyMMddHHmmss>_<name>/migration.sql', or lists '<tag>.sql' files in meta/_journal.json", diagnostics);
                }

                var when = DrizzleJournal.Id((long)(stamp - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalMilliseconds);
                var migration = new Migration(when, when, folder, file.RelativePath, file.Checksum, DrizzleBreakpoints.Sql(file.Text));
                return (migration, new OrderKey(folder, PrismaMigrationOrder.Instance));
            }

            case MigrationLayout.Atlas:
            {
                // Atlas: the version is the name up to the first '_', the description the rest;
                // files run in name order, byte by byte. A file without '_' is all version.
                var stem = fileName.Substring(0, fileName.Length - ".sql".Length);
                var underscore = stem.IndexOf('_');
                var version = underscore < 0 ? stem : stem.Substring(0, underscore);
                var name = underscore < 0 ? string.Empty : stem.Substring(underscore + 1);
                var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                AtlasDirectory.NoTransaction(file, diagnostics);
                if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errors) return null;
                var migration = new Migration(version, version, name, file.RelativePath, file.Checksum, file.Text);
                return (migration, new OrderKey(fileName, CodePointOrder.Instance));
            }

            case MigrationLayout.Diesel:
            {
                if (fileName == DieselMigrationFolder.DownFile)
                {
                    return null; // down.sql reverts its folder's migration; it is not history.
                }

                var folder = DieselMigrationFolder.Folder(file.RelativePath);
                var version = DieselMigrationFolder.Version(folder);
                if (version.Length == 0)
                {
                    return Unrecognised(file, "diesel keeps each migration in '<version>_<name>/up.sql', the version the folder name up to the first '_'", diagnostics);
                }

                var migration = new Migration(version, version, DieselMigrationFolder.Name(folder), file.RelativePath, file.Checksum, file.Text);
                return (migration, new OrderKey(version, StringComparer.Ordinal));
            }

            case MigrationLayout.Pop:
            {
                if (PopMigrationFile.Parse(fileName) is not { } pop)
                {
                    return Unrecognised(file, "pop names migrations '<version>_<name>[.<dialect>][.autocommit].up.sql' and '.down.sql', the version digits and the name without '.'", diagnostics);
                }

                if (popFiles is null || !popFiles.Contains(file.RelativePath))
                {
                    return null; // A down file, another dialect's file, or one without a dialect that the dialect's own file replaces.
                }

                // pop records the version as text in schema_migration and sorts by it, byte by byte (Go's <).
                var sql = PopTemplateOptions.Render(file, diagnostics.PopOptions, diagnostics.Dialect, diagnostics.Names, diagnostics, diagnostics.PopOptionsReported);
                var migration = new Migration(pop.Version, pop.Version, pop.Name, file.RelativePath, file.Checksum, sql);
                return (migration, new OrderKey(pop.Version, StringComparer.Ordinal));
            }

            case MigrationLayout.SqlMigrate:
            {
                var (version, name) = SqlMigrateOrder.Parts(fileName);
                if (version.Length > 0 && !long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return Unrecognised(file, $"sql-migrate reads the digits a file name starts with as a 64-bit number to order the files, and stops (\"Could not parse\") at '{version}', which is larger", diagnostics);
                }

                var script = SqlMigrateScript.Read(file.Text, file.RelativePath);
                diagnostics.AddRange(script.Diagnostics);
                if (script.HasErrors) return null;

                // gorp_migrations keys a migration by its whole file name, '.sql' included.
                var migration = new Migration(fileName, version.Length > 0 ? version : fileName, name, file.RelativePath, MigrationChecksum.Compute(file.Text), script.Up, script.UpStartLine);
                return (migration, new OrderKey(fileName, SqlMigrateOrder.Instance));
            }

            default:
            {
                var stem = fileName.Substring(0, fileName.Length - ".sql".Length);
                var migration = new Migration(stem, stem, stem, file.RelativePath, file.Checksum, file.Text);
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
            file.Checksum,
            file.Text);

    private static (Migration, IComparable)? Unrecognised(MigrationSourceFile file, string rule, DiscoveryDiagnostics diagnostics)
    {
        // A detected layout is a guess from one file's name: say which, so that a folder of plain
        // files that happens to hold a '.up.sql' is not read as a mistake in every other file.
        var fix = diagnostics.DetectedFrom is { } evidence
            ? $"The folder was read as {diagnostics.Layout.ToName()} because '{evidence}' follows that layout. Rename the file, move it out of the migrations folder, or set {diagnostics.LayoutSetting} to the layout the folder follows (plain reads every .sql file in name order, without the down files of up/down pairs)."
            : $"Rename it, move it out of the migrations folder, or correct {diagnostics.LayoutSetting}.";
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.UnrecognisedMigrationFile,
            $"'{file.RelativePath}' does not follow the {diagnostics.Layout.ToName()} layout's naming rule: {rule}. {fix}",
            file.RelativePath));
        return null;
    }

    // dbmate parses a whole file before it runs any of it, and stops at the first it refuses:
    // that file and every later one never run.
    private static (Migration, IComparable)? DbmateRefuses(MigrationSourceFile file, DbmateSections sections, DiscoveryDiagnostics diagnostics)
    {
        var why = sections.Refusal switch
        {
            DbmateRefusal.MissingUp => "it has no '-- migrate:up' line (the marker must start its line and be followed by a space or the line's end)",
            DbmateRefusal.StatementBeforeUp => "this line comes before '-- migrate:up' and is neither blank nor a '--' comment (dbmate: \"does not support statements preceding the '-- migrate:up' block\")",
            DbmateRefusal.MissingDown when file.Text[sections.RefusalIndex] != '-' => "its '-- migrate:down' line is indented, and dbmate reads the marker only at the start of a line, so the section has no down block (dbmate: \"requires each migration to define a down block\"); SchemaTasks would otherwise have run the down SQL as part of the up",
            DbmateRefusal.MissingDown => "this '-- migrate:up' section has no '-- migrate:down' line (dbmate: \"requires each migration to define a down block\"); add one, even with nothing after it",
            DbmateRefusal.SeveralDowns => "a second '-- migrate:down' follows one '-- migrate:up' (dbmate: \"requires every '-- migrate:down' to be preceded by a '-- migrate:up'\")",
            _ => "a second '-- migrate:up' section starts here: dbmate runs each section and records the version after each, so the second record fails on the history table's key once the first section is committed; write one section per file",
        };
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.DbmateRefusesFile,
            $"dbmate refuses '{file.RelativePath}': {why}.",
            file.RelativePath,
            TextPosition.LineOf(file.Text, sections.RefusalIndex),
            1));
        return null;
    }

    // Flyway skips a file whose name it cannot read unless validateMigrationNaming is on (it is
    // off by default), so the history has no such file. A folder set to flyway follows Flyway; a
    // folder only detected as flyway may be another layout, and stays an error there.
    private static (Migration, IComparable)? FlywayIgnored(MigrationSourceFile file, DiscoveryDiagnostics diagnostics)
    {
        diagnostics.Add(SchemaDiagnostic.Warning(
            DiagnosticCodes.FlywayIgnoresFile,
            $"Flyway ignores '{file.RelativePath}': its name is not a migration's ('V<version>__<description>.sql', 'R__<description>.sql'), so it is not part of the history SchemaTasks reads either (with validateMigrationNaming=true, Flyway refuses the folder instead). Rename it if it should run, or move it out of the migrations folder.",
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

            // goose stops with "found duplicate migration version"; sqlx's version is its table's
            // primary key; drizzle matches history rows by created_at, the entry's "when".
            MigrationLayout.Goose or MigrationLayout.Sqlx => NumericVersionKey,
            MigrationLayout.Drizzle => version => version,

            // Atlas keys atlas_schema_revisions by the version text: a second file with it would
            // be taken for the first one's revision.
            MigrationLayout.Atlas => version => version,

            // diesel keys __diesel_schema_migrations by the version text, and keeps one migration per version.
            MigrationLayout.Diesel => version => version,

            // pop keys schema_migration by the version text and takes a version it finds there as
            // applied: a second file chosen for it would never run.
            MigrationLayout.Pop => version => version,

            // The plain layout names a migration by its file name without '.sql', and the history
            // table is keyed by that name: 'a/up.sql' and 'b/up.sql' would share one row.
            MigrationLayout.Plain => version => version,
            _ => null,
        };
        if (key is null)
        {
            return;
        }

        foreach (var group in migrations.GroupBy(m => key(m.Version)).Where(g => g.Count() > 1))
        {
            var paths = group.Select(m => m.RelativePath).ToList();
            var listed = string.Join(", ", paths.Select(p => $"'{p}'"));
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.DuplicateVersion,
                layout == MigrationLayout.Plain
                    ? $"The plain layout names a migration by its file name without '.sql', and '{group.Key}' names more than one: {listed}. Rename them, or set the layout their tool reads (a folder per migration holding up.sql and down.sql is diesel's)."
                    : $"Version {group.First().Version} is used by more than one migration: {listed}. Give each migration its own version.",
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
            MigrationLayout.GolangMigrate or MigrationLayout.Dbmate or MigrationLayout.Goose or MigrationLayout.Sqlx or MigrationLayout.Atlas => depth == 0,

            // sql-migrate lists the folder's own entries whose names end in '.sql', in that case.
            MigrationLayout.SqlMigrate => depth == 0 && relativePath.EndsWith(".sql", StringComparison.Ordinal),
            MigrationLayout.Drizzle => depth == 1, // The folder form; the journal form is read from its journal.
            MigrationLayout.Diesel => DieselMigrationFolder.Reads(relativePath),
            _ => true,
        };
    }

    private static string ReadScope(MigrationLayout layout) => layout switch
    {
        MigrationLayout.Prisma => "only the folders directly inside the migrations folder, as Prisma does",
        MigrationLayout.Drizzle => "only the '<timestamp>_<name>/migration.sql' folders directly inside the migrations folder, as drizzle-kit does",
        MigrationLayout.Diesel => "only 'up.sql' and 'down.sql' in the folders directly inside the migrations folder, as diesel does",
        MigrationLayout.SqlMigrate => "only the files directly in the migrations folder whose names end in '.sql' (in lower case), not subfolders, as sql-migrate does",
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
            TextPosition.LineOf(lockFile.Text, match.Index)));
        return null;
    }

    private static string FileName(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.Substring(slash + 1);
    }

    private static MigrationDiscoveryResult DrizzleFromJournal(MigrationSourceFile journal, List<MigrationSourceFile> sqlFiles, List<SchemaDiagnostic> diagnostics)
    {
        var entries = DrizzleJournal.Read(journal, diagnostics);
        if (entries is null)
        {
            return new MigrationDiscoveryResult(null, diagnostics);
        }

        var byPath = sqlFiles.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var migrations = new List<Migration>(entries.Count);
        foreach (var entry in entries)
        {
            var path = entry.Tag + ".sql";
            named.Add(path);
            if (!byPath.TryGetValue(path, out var file))
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.JournalFileMissing,
                    $"drizzle-kit's journal names migration '{entry.Tag}', but '{path}' is not in the migrations folder; drizzle's migrator stops there. Restore the file, or remove the entry with drizzle-kit drop.",
                    journal.RelativePath,
                    entry.Line));
                continue;
            }

            // drizzle records "when" as created_at; its statements are split on "--> statement-breakpoint".
            var id = DrizzleJournal.Id(entry.When);
            migrations.Add(new Migration(id, id, entry.Tag, file.RelativePath, file.Checksum, DrizzleBreakpoints.Sql(file.Text)));
        }

        foreach (var file in sqlFiles.Where(f => !named.Contains(f.RelativePath)))
        {
            if (file.RelativePath.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Add(new SchemaDiagnostic(
                    DiagnosticCodes.FileNotRead,
                    DiagnosticSeverity.Info,
                    $"'{file.RelativePath}' is not a migration and was skipped: drizzle-kit reads only the files its journal '{journal.RelativePath}' names.",
                    file.RelativePath));
                continue;
            }

            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.FileNotInJournal,
                $"'{file.RelativePath}' is not named in drizzle-kit's journal '{journal.RelativePath}', so drizzle's migrator never applies it. Add it with drizzle-kit (generate --custom), or move it out of the migrations folder.",
                file.RelativePath,
                1,
                1));
        }

        ReportDuplicateVersions(MigrationLayout.Drizzle, migrations, diagnostics);
        var failed = SchemaDiagnostic.AnyError(diagnostics);
        return new MigrationDiscoveryResult(failed ? null : new MigrationSet(MigrationLayout.Drizzle, DrizzleJournal.DeclaredDialect(journal), migrations), diagnostics);
    }

    // Liquibase: the changelogs in the master changelog's order, or without one in path order (as
    // includeAll lists them); each changeset a migration keyed as Liquibase keys it (file::id::author).
    // With the dialect known, a changeset's dbms list decides as Liquibase decides on that server.
    private static MigrationDiscoveryResult LiquibaseFromChangelogs(List<MigrationSourceFile> sqlFiles, MigrationSourceFile? master, SqlDialect? dialect, List<SchemaDiagnostic> diagnostics)
    {
        var migrations = new List<Migration>();
        var ordered = master is null ? [.. sqlFiles.OrderBy(f => f.RelativePath, StringComparer.Ordinal)] : LiquibaseMasterChangelog.Order(master, sqlFiles, diagnostics);
        foreach (var skipped in sqlFiles.Where(f => !ordered.Contains(f)))
        {
            diagnostics.Add(new SchemaDiagnostic(
                DiagnosticCodes.FileNotRead,
                DiagnosticSeverity.Info,
                $"'{skipped.RelativePath}' is not a migration and was skipped: the master changelog '{master!.RelativePath}' does not include it, so Liquibase never runs it.",
                skipped.RelativePath));
        }

        foreach (var file in ordered)
        {
            if (!LiquibaseChangelog.IsChangelog(file.Text))
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.LiquibaseChangelog,
                    $"'{file.RelativePath}' does not start with '--liquibase formatted sql', so it is not a formatted SQL changelog (Liquibase would run the whole file as one raw changeset). Add the header and its '--changeset' lines, or move it out of the migrations folder.",
                    file.RelativePath,
                    1,
                    1));
                continue;
            }

            var checksum = file.Checksum;
            foreach (var changeset in LiquibaseChangelog.Read(file, diagnostics))
            {
                if (changeset.Ignore)
                {
                    // Liquibase's ignore filter passes it over: it neither runs nor is recorded.
                    diagnostics.Add(new SchemaDiagnostic(
                        DiagnosticCodes.LiquibaseUndecidable,
                        DiagnosticSeverity.Info,
                        $"Changeset '{changeset.Author}:{changeset.Id}' is marked ignore:true: Liquibase neither runs nor records it, so it is not part of the schema.",
                        file.RelativePath,
                        changeset.Line,
                        1));
                    continue;
                }

                if (dialect is { } server)
                {
                    if (!LiquibaseChangelog.RunsOn(changeset.Dbms, server))
                    {
                        diagnostics.Add(new SchemaDiagnostic(
                            DiagnosticCodes.LiquibaseUndecidable,
                            DiagnosticSeverity.Info,
                            $"Changeset '{changeset.Author}:{changeset.Id}' has dbms:{changeset.Dbms}, which does not match Liquibase's name for this dialect's server ('{LiquibaseChangelog.ShortName(server)}'): Liquibase neither runs nor records it there, so it is not part of the schema.",
                            file.RelativePath,
                            changeset.Line,
                            1));
                        continue;
                    }
                }
                else if (!LiquibaseChangelog.MayRunOnSupportedServer(changeset.Dbms))
                {
                    diagnostics.Add(new SchemaDiagnostic(
                        DiagnosticCodes.LiquibaseUndecidable,
                        DiagnosticSeverity.Info,
                        $"Changeset '{changeset.Author}:{changeset.Id}' runs only on dbms:{changeset.Dbms}, never on PostgreSQL, MySQL or MariaDB: it is not part of the schema.",
                        file.RelativePath,
                        changeset.Line,
                        1));
                    continue;
                }

                if (dialect is null && !LiquibaseChangelog.RunsOnEverySupportedServer(changeset.Dbms))
                {
                    diagnostics.Add(SchemaDiagnostic.Warning(
                        DiagnosticCodes.LiquibaseUndecidable,
                        $"Changeset '{changeset.Author}:{changeset.Id}' runs only on dbms:{changeset.Dbms}; SchemaTasks includes it. Keep such changesets out of the folder for a dialect they do not run on.",
                        file.RelativePath,
                        changeset.Line,
                        1));
                }

                if (changeset.Context is { Length: > 0 })
                {
                    diagnostics.Add(new SchemaDiagnostic(
                        DiagnosticCodes.LiquibaseUndecidable,
                        DiagnosticSeverity.Info,
                        $"Changeset '{changeset.Author}:{changeset.Id}' has context {changeset.Context}: Liquibase skips it when it is given other --contexts. The snapshot includes it, as Liquibase does when no --contexts are given.",
                        file.RelativePath,
                        changeset.Line,
                        1));
                }

                var key = changeset.Key(file.RelativePath);
                migrations.Add(new Migration(key, changeset.Id, changeset.Comment ?? $"{changeset.Author}:{changeset.Id}", file.RelativePath, checksum, changeset.Sql, changeset.SqlStartLine) { NoTransaction = !changeset.RunInTransaction });
            }
        }

        var failed = SchemaDiagnostic.AnyError(diagnostics);
        return new MigrationDiscoveryResult(failed ? null : new MigrationSet(MigrationLayout.Liquibase, null, migrations), diagnostics);
    }

    // A Go file named as a migration that calls goose is a goose Go-function migration.
    private static bool IsGooseCode(MigrationSourceFile code) => code.Text.Contains("goose.", StringComparison.Ordinal);

    // goose reads the digits before the first '_' as a whole number, from 1: goose_db_version keeps 0 for its own first row.
    private static string? GooseVersion(MigrationSourceFile file, Match match, DiscoveryDiagnostics diagnostics)
    {
        if (match.Success
            && long.TryParse(match.Groups["version"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number > 0)
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Unrecognised(file, "goose names migrations '<version>_<name>.sql' or '<version>_<name>.go', the version a whole number from 1 (0 is goose's own first row)", diagnostics);
        return null;
    }

    /// <summary>One discovery's diagnostics, and what its messages need to tell how the layout was chosen.</summary>
    private sealed class DiscoveryDiagnostics(string layoutSetting) : List<SchemaDiagnostic>
    {
        /// <summary>The layout setting as the user writes it (<c>SchemaMigrationsLayout</c>, <c>--layout</c>).</summary>
        public string LayoutSetting { get; } = layoutSetting;

        /// <summary>The layout being read.</summary>
        public MigrationLayout Layout { get; set; }

        /// <summary>The file that made detection choose the layout; <see langword="null"/> when the layout was set.</summary>
        public string? DetectedFrom { get; set; }

        /// <summary>How the settings are named in messages.</summary>
        public MigrationSettingNames Names { get; init; } = MigrationSettingNames.MsBuild;

        /// <summary>The dialect set, if any.</summary>
        public SqlDialect? Dialect { get; init; }

        /// <summary>What Flyway is configured with.</summary>
        public FlywayReading Flyway { get; init; } = FlywayReading.Default;

        /// <summary>Flyway's repeatable migrations, as they were found.</summary>
        public List<Migration> FlywayRepeatables { get; } = [];

        /// <summary>The Flyway placeholders already reported as without a value: each once per folder.</summary>
        public HashSet<string> FlywayPlaceholdersReported { get; } = new(StringComparer.Ordinal);

        /// <summary>The connection options pop is given.</summary>
        public IReadOnlyDictionary<string, string> PopOptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The pop options already reported as without a value: each once per folder.</summary>
        public HashSet<string> PopOptionsReported { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The files of the folder, sorted by what each layout makes of them.</summary>
    private sealed class FolderFiles
    {
        public FolderFiles(IReadOnlyList<MigrationSourceFile> files, List<MigrationSourceFile> sql)
        {
            Sql = sql;
            GoCode = files
                .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal)
                    && GooseCodeFile.IsMatch(f.RelativePath)
                    && !f.RelativePath.EndsWith("_test.go", StringComparison.Ordinal))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .ToList();
            Journal = files.FirstOrDefault(f => string.Equals(f.RelativePath, DrizzleJournal.Path, StringComparison.Ordinal));
            AtlasSum = files.FirstOrDefault(f => string.Equals(f.RelativePath, AtlasDirectory.SumFile, StringComparison.Ordinal));
            LiquibaseMaster = files.FirstOrDefault(LiquibaseMasterChangelog.IsMaster);
            DrizzleFolders = new HashSet<string>(
                files.Where(f => f.RelativePath.EndsWith("/snapshot.json", StringComparison.Ordinal) && f.RelativePath.Count(c => c == '/') == 1)
                    .Select(f => f.RelativePath.Substring(0, f.RelativePath.IndexOf('/'))),
                StringComparer.Ordinal);
        }

        public List<MigrationSourceFile> Sql { get; }

        /// <summary>goose Go-function migrations: <c>&lt;version&gt;_&lt;name&gt;.go</c> directly in the folder, tests excluded.</summary>
        public List<MigrationSourceFile> GoCode { get; }

        /// <summary>drizzle-kit's meta/_journal.json, if any.</summary>
        public MigrationSourceFile? Journal { get; }

        /// <summary>A Liquibase master changelog (YAML or XML) directly in the folder, if any.</summary>
        public MigrationSourceFile? LiquibaseMaster { get; }

        /// <summary>Atlas's atlas.sum, if any.</summary>
        public MigrationSourceFile? AtlasSum { get; }

        /// <summary>The folders directly inside that hold a drizzle-kit snapshot.json.</summary>
        public HashSet<string> DrizzleFolders { get; }
    }

    /// <summary>
    /// The migrations in their layout's order, then by path; migrations that tie on both stay in
    /// the order they were found.
    /// </summary>
    private static List<Migration> InOrder(List<(Migration Migration, IComparable Order)> migrations)
    {
        // Positions are sorted, not the pairs: the framework's sorting over int is compiled ahead
        // of time, while LINQ's over a tuple would be compiled by the JIT at every build in the
        // task's fresh process (docs/benchmarks.md, "The framework's generic code in the task's image").
        var positions = new int[migrations.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (a, b) =>
        {
            var order = migrations[a].Order.CompareTo(migrations[b].Order);
            if (order == 0)
            {
                order = string.CompareOrdinal(migrations[a].Migration.RelativePath, migrations[b].Migration.RelativePath);
            }

            return order != 0 ? order : a.CompareTo(b);
        });
        var ordered = new List<Migration>(positions.Length);
        foreach (var position in positions)
        {
            ordered.Add(migrations[position].Migration);
        }

        return ordered;
    }

    private sealed record OrderKey(string Value, IComparer<string> Order) : IComparable
    {
        public int CompareTo(object? obj) => Order.Compare(Value, ((OrderKey)obj!).Value);
    }
}
