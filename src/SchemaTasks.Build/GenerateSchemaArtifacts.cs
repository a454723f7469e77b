using System.Text;
using Microsoft.Build.Framework;
using SchemaTasks.Diagnostics;
using SchemaTasks.Json;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Build;

/// <summary>
/// Reads the migrations folder in its layout, builds the schema they produce, and writes what
/// the rest of the build needs: the checksum manifest and the bundle of files to embed, the
/// committed schema snapshot (or, in locked mode, checks that it is current), and the value
/// sets the analyzer checks the code against. Every decision is made by the core; this task
/// only moves files and diagnostics between MSBuild and it.
/// </summary>
public sealed class GenerateSchemaArtifacts : Microsoft.Build.Utilities.Task
{
    /// <summary>The migrations folder (full path).</summary>
    [Required]
    public string MigrationsDirectory { get; set; } = "";

    /// <summary>The layout (<c>SchemaMigrationsLayout</c>); empty to detect it.</summary>
    public string? Layout { get; set; }

    /// <summary>The dialect (<c>SchemaDialect</c>); empty to take it from the layout's marker.</summary>
    public string? Dialect { get; set; }

    /// <summary>The table the migration tool keeps its history in (<c>SchemaMigrationsHistoryTable</c>); empty for the tool's default.</summary>
    public string? HistoryTable { get; set; }

    /// <summary>Flyway's placeholder values (<c>SchemaFlywayPlaceholders</c>): <c>name=value</c> pairs separated by ';'.</summary>
    public string? FlywayPlaceholders { get; set; }

    /// <summary>Whether Flyway replaces placeholders (<c>SchemaFlywayPlaceholderReplacement</c>); empty for its default, true.</summary>
    public string? FlywayPlaceholderReplacement { get; set; }

    /// <summary>pop's connection options (<c>SchemaPopOptions</c>), which pop renders into its migrations: <c>name=value</c> pairs separated by ';'.</summary>
    public string? PopOptions { get; set; }

    /// <summary>The committed snapshot (<c>SchemaSnapshotFile</c>).</summary>
    [Required]
    public string SnapshotFile { get; set; } = "";

    /// <summary>When true (<c>SchemaSnapshotLocked</c>), a stale snapshot is an error instead of being rewritten.</summary>
    public bool Locked { get; set; }

    /// <summary>Where to write the manifest.</summary>
    [Required]
    public string ManifestFile { get; set; } = "";

    /// <summary>Where to write the migration files to embed, in one bundle (the core's <c>MigrationBundle</c>).</summary>
    [Required]
    public string BundleFile { get; set; } = "";

    /// <summary>Where to write the value sets for the analyzer.</summary>
    [Required]
    public string ValueSetsFile { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticLogger(Log, MigrationsDirectory);
        if (MsBuildMigrationFolder.Read(MigrationsDirectory, Layout, Dialect, diagnostics, HistoryTable, FlywayPlaceholders, FlywayPlaceholderReplacement, PopOptions) is not { Set: { } set } reading)
        {
            return false;
        }

        var dialect = reading.Dialect;

        if (dialect is { } known && set.Migrations.Count > 0)
        {
            var schema = SchemaEngine.BuildFinal(set, known);
            diagnostics.Report(schema.Diagnostics);
            if (SchemaDiagnostic.AnyError(schema.Diagnostics) || !KeepSnapshotCurrent(SchemaSnapshot.Create(set, schema.Catalog)))
            {
                return false; // Nothing is written, so nothing downstream sees a half-understood schema.
            }

            OutputFile.WriteTextWhenChanged(ValueSetsFile, text => ValueSetWriter.Write(schema.Catalog, text));
        }

        var manifest = MigrationManifest.From(set, dialect);
        // A Liquibase changelog holds several migrations: each file is embedded once. The bytes
        // are read again, not re-encoded from the text: the assembly carries the files as they are.
        var files = new List<(string Path, byte[] Bytes)>();
        foreach (var path in manifest.Migrations.Select(m => m.Path).Distinct(StringComparer.Ordinal))
        {
            try
            {
                files.Add((path, File.ReadAllBytes(Path.Combine(MigrationsDirectory, path))));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Read a moment ago; changed or removed since, by another process.
                diagnostics.Report(SchemaDiagnostic.Error(
                    DiagnosticCodes.FolderEntryUnreadable,
                    $"'{path}' could be read a moment ago and now cannot ({ex.Message}), so the migrations were not embedded. Build again once nothing else is changing the migrations folder.",
                    path));
                return false;
            }
        }

        // The bundle before the manifest, both only once every file was read: a failed build
        // leaves the previous pair, which agree with each other.
        OutputFile.Write(BundleFile, stream => MigrationBundle.Write(stream, files));
        OutputFile.Write(ManifestFile, stream => ManifestJson.Write(manifest, stream));
        Log.LogMessage(
            MessageImportance.Normal,
            "SchemaTasks: {0} migration(s) in the {1} layout from '{2}'.",
            manifest.Migrations.Count,
            manifest.Layout.ToName(),
            MigrationsDirectory);
        return true;
    }

    /// <summary>Writes the snapshot when it changed, or in locked mode fails saying what changed.</summary>
    private bool KeepSnapshotCurrent(SchemaSnapshot current)
    {
        var committed = File.Exists(SnapshotFile);
        IReadOnlyList<string> changes = committed ? Changes(current) : ["it does not exist yet"];
        if (committed && changes.Count == 0)
        {
            // Built from the same migrations: only the whole text can tell whether it is current.
            if (IsCommitted(current))
            {
                return true;
            }

            changes = [SnapshotChanges.SameMigrationsOtherSchema];
        }

        var fileName = Path.GetFileName(SnapshotFile);
        if (Locked)
        {
            Log.LogError(
                null, DiagnosticCodes.SnapshotStale, null, SnapshotFile, 0, 0, 0, 0,
                "{0} is not current: {1}. Build once without ContinuousIntegrationBuild (or with SchemaSnapshotLocked=false) to update it, review the change and commit it.",
                fileName,
                string.Join("; ", changes));
            return false;
        }

        OutputFile.Write(SnapshotFile, stream => SnapshotJson.Write(current, stream));
        Log.LogMessage(
            null, DiagnosticCodes.SnapshotUpdated, null, SnapshotFile, 0, 0, 0, 0, MessageImportance.High,
            committed ? "SchemaTasks updated {0}: {1}. Commit it with the migrations." : "SchemaTasks created {0} from {1} migration(s). Commit it with the migrations.",
            fileName,
            committed ? string.Join("; ", changes) : current.Migrations.Length);
        return true;
    }

    /// <summary>
    /// Whether the committed file holds the snapshot's text, line endings aside (a Windows checkout
    /// may turn its LF into CRLF).
    /// </summary>
    private bool IsCommitted(SchemaSnapshot current)
    {
        // Compared as it is written, piece by piece: see SameTextStream.
        using var committed = OpenCommitted();
        var comparison = new SameTextStream(committed);
        SnapshotJson.Write(current, comparison);
        return comparison.Finish();
    }

    /// <summary>The committed snapshot's text, decoded as <see cref="File.ReadAllText(string)"/> decodes it.</summary>
    private StreamReader OpenCommitted() => new(SnapshotFile, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// How what the committed snapshot was built from differs from the current one's, read from
    /// the start of the file only; empty when they were built from the same.
    /// </summary>
    private IReadOnlyList<string> Changes(SchemaSnapshot current)
    {
        try
        {
            using var committed = OpenCommitted();
            return SnapshotChanges.Describe(SnapshotJson.ReadOrigin(committed), current);
        }
        catch (FormatException ex)
        {
            return [$"it cannot be read ({ex.Message})"];
        }
    }
}
