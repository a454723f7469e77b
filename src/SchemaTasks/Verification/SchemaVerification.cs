using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Verification;

/// <summary>
/// Checks a database against a build, from what has already been read: the history table and,
/// optionally, the live schema. Pure: no I/O; the providers' checks (<c>PostgresSchemaCheck</c>, <c>MySqlSchemaCheck</c>) do the reading.
/// </summary>
public static class SchemaVerification
{
    private const int MaxErrorLength = 200;

    /// <summary>Verifies against the schema a snapshot records.</summary>
    /// <param name="migrations">The embedded migrations.</param>
    /// <param name="expected">The schema after the last migration (the embedded snapshot's).</param>
    /// <param name="history">The database's migration history.</param>
    /// <param name="live">The live schema, or <see langword="null"/> to check the history only.</param>
    public static VerificationReport Verify(EmbeddedMigrations migrations, Catalog expected, MigrationHistory history, Catalog? live)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(expected);
        return Verify(migrations.Migrations, expected, history, live, () => Rebuild(migrations, expected.Dialect));
    }

    /// <summary>Verifies against the schemas built from the migrations (every step known).</summary>
    /// <param name="migrations">The embedded migrations, in the order <paramref name="build"/> applied them.</param>
    /// <param name="build">The schema after each migration.</param>
    /// <param name="history">The database's migration history.</param>
    /// <param name="live">The live schema, or <see langword="null"/> to check the history only.</param>
    public static VerificationReport Verify(IReadOnlyList<EmbeddedMigration> migrations, SchemaBuildResult build, MigrationHistory history, Catalog? live)
    {
        ArgumentNullException.ThrowIfNull(build);
        return Verify(migrations, build.Final, history, live, () => build);
    }

    internal static VerificationReport Verify(
        IReadOnlyList<EmbeddedMigration> migrations,
        Catalog expected,
        MigrationHistory history,
        Catalog? live,
        Func<SchemaBuildResult?> steps)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(history);
        var status = MigrationStatusReport.Compute(migrations, history);
        var findings = new List<VerificationFinding>();
        var kind = history.Kind;
        Dictionary<string, int>? index = null; // Only a failed or edited migration needs it.
        SchemaBuildResult? built = null;
        var builtTried = false;

        foreach (var migration in status.Migrations)
        {
            var named = migration.RelativePath is { } path ? $"Migration {migration.Id} ({path})" : $"Migration {migration.Id}";
            switch (migration.State)
            {
                case MigrationState.Pending:
                    findings.Add(Error(DiagnosticCodes.PendingMigration, migration.Id, $"{named} has not been applied.") with { NextStep = Capitalise(NextSteps.Apply(kind)) + "." });
                    if (migration.OutOfOrder)
                    {
                        // drizzle: the later one may be a migration this build does not have.
                        var later = status.Migrations.SkipWhile(m => m != migration).First(m => m.State is MigrationState.Applied or MigrationState.Failed or MigrationState.Dirty or MigrationState.Unknown);
                        findings.Add(Warning(DiagnosticCodes.OutOfOrderMigration, migration.Id, $"{named} is pending, but migration {later.Id}, which comes after it, is already applied.")
                            with { NextStep = Capitalise(NextSteps.OutOfOrder(kind)) + "." });
                    }

                    break;

                case MigrationState.Failed or MigrationState.Dirty:
                    var i = IndexOf(migration.Id);
                    if (!builtTried && live is not null)
                    {
                        built = steps();
                        builtTried = true;
                    }

                    var objects = live is not null && built is not null && i < built.Steps.Count
                        ? FailedMigrationAnalysis.Analyze(built.Before(i), built.After(i), live)
                        : null;
                    findings.Add(Error(DiagnosticCodes.FailedMigration, migration.Id, FailedMessage(named, migration, objects, kind)) with
                    {
                        NextStep = NextSteps.Repair(kind, migration.Id, i > 0 ? migrations[i - 1].Id : null, objects),
                        Objects = objects ?? [],
                    });
                    break;

                case MigrationState.Applied when migration.IsEdited:
                    var embedded = migrations[IndexOf(migration.Id)];
                    var ours = ChecksumComparison.Ours(kind, embedded, migrations);
                    findings.Add(Error(DiagnosticCodes.EditedMigration, migration.Id,
                        $"{named} changed after it was applied: the history records checksum {migration.Applied!.Checksum}, this build's file has {ours}.")
                        with { NextStep = NextSteps.Edited(kind, migration.RelativePath) });
                    break;

                case MigrationState.Unknown:
                    var name = migration.Name is { Length: > 0 } n && n != migration.Id ? $" ({n})" : string.Empty;
                    findings.Add(Warning(DiagnosticCodes.UnknownMigration, migration.Id,
                        $"The database records migration {migration.Id}{name}, which this build does not have: the database is ahead of this build, or the file was removed.")
                        with { NextStep = NextSteps.Unknown(migration.Id) });
                    break;
            }
        }

        if (live is not null)
        {
            var failed = status.Migrations.Any(m => m.State is MigrationState.Failed or MigrationState.Dirty);
            var pending = status.Migrations.Any(m => m.State is MigrationState.Pending);
            findings.AddRange(SchemaDrift.Compare(expected, live)
                .Select(f => f with { NextStep = NextSteps.Drift(kind, failed, pending, f.Severity == DiagnosticSeverity.Error) }));
        }

        return new VerificationReport(status, findings, live is not null);

        int IndexOf(string id) => (index ??= migrations.Select((m, i) => (m.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal))[id];
    }

    private static string FailedMessage(string named, MigrationStatus migration, IReadOnlyList<MigrationObjectCheck>? objects, MigrationHistoryKind kind)
    {
        var row = migration.Applied;
        var text = migration.State == MigrationState.Dirty
            ? $"{named} is dirty: it started and did not finish"
            : $"{named} failed";
        if (row?.StartedAt is { } started)
        {
            text += " (started " + started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ")";
        }

        if (OneLine(row?.Error) is { } error)
        {
            text += ": " + error.TrimEnd('.');
        }
        else if (kind == MigrationHistoryKind.SchemaTasks && row is { StepsApplied: null })
        {
            // Only a migration run without a transaction (PostgreSQL) leaves such a row.
            text += ": it recorded no error, so the process applying it stopped while it ran; the statements before that point were committed";
        }
        else if (kind == MigrationHistoryKind.SchemaTasks && row?.StepsApplied is { } ran)
        {
            // The migrator counts each statement as it commits (MySQL); no error means the process died during the next.
            text += ran == 0
                ? ": the process applying it stopped before its first statement was recorded as done"
                : string.Create(CultureInfo.InvariantCulture, $": {(ran == 1 ? "statement 1 ran and was" : $"statements 1 to {ran} ran and were")} committed, then the process applying it stopped during statement {ran + 1}, which may or may not have finished");
        }

        text += ".";
        if (objects is { Count: > 0 })
        {
            text += " In the database: " + string.Join("; ", objects) + ".";
        }
        else if (objects is not null)
        {
            text += " It changes no object SchemaTasks tracks.";
        }

        return text;
    }

    private static string? OneLine(string? text)
    {
        // Tools log several short lines ("Database error code: 42P01", then the message): keep them, on one line.
        var line = string.Join(' ', (text ?? string.Empty).Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? null : line.Length <= MaxErrorLength ? line : line[..MaxErrorLength] + "…";
    }

    // The snapshot holds only the final schema; the schema before and after one migration is
    // rebuilt from the embedded text, and only when a failed migration needs it.
    internal static SchemaBuildResult? Rebuild(EmbeddedMigrations migrations, SqlDialect dialect)
    {
        var files = migrations.Migrations.Select(m => new MigrationSourceFile(m.RelativePath, m.Text)).ToList();
        // The dialect lets a pop folder's chosen files, some named for the dialect, be read again.
        var discovered = MigrationDiscovery.Discover(files, migrations.Manifest.Layout, MigrationSettingNames.Api, dialect);
        if (discovered.Set is not { } set || !set.Migrations.Select(m => m.Id).SequenceEqual(migrations.Migrations.Select(m => m.Id), StringComparer.Ordinal))
        {
            return null;
        }

        var build = SchemaEngine.Build(set, dialect);
        return build.HasErrors ? null : build;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static VerificationFinding Error(string code, string subject, string message) => new(DiagnosticSeverity.Error, code, subject, message);

    private static VerificationFinding Warning(string code, string subject, string message) => new(DiagnosticSeverity.Warning, code, subject, message);
}
