using System.Reflection;
using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Verification;

/// <summary>
/// What a database is checked against: the migrations of one build and the schema they produce.
/// Comes from an assembly the build embedded them into, or from a migrations folder read by the
/// core (for repositories whose application is not .NET).
/// </summary>
public sealed class ExpectedSchema
{
    private readonly Func<MigrationHistory, Catalog?, VerificationReport> _verify;

    private ExpectedSchema(EmbeddedMigrations applicable, Catalog schema, Func<MigrationHistory, Catalog?, VerificationReport> verify)
    {
        Applicable = applicable;
        Migrations = applicable.Migrations;
        Layout = applicable.Manifest.Layout;
        Schema = schema;
        _verify = verify;
    }

    /// <summary>The migrations, in the order they apply.</summary>
    public IReadOnlyList<EmbeddedMigration> Migrations { get; }

    /// <summary>The layout they were read in, which names the tool whose history table is read by default.</summary>
    public MigrationLayout Layout { get; }

    /// <summary>The schema after the last migration.</summary>
    public Catalog Schema { get; }

    /// <summary>The SQL dialect the migrations were read in.</summary>
    public SqlDialect Dialect => Schema.Dialect;

    /// <summary>The migrations as a migrator takes them (the start-up policy that migrates first).</summary>
    internal EmbeddedMigrations Applicable { get; }

    /// <summary>Reads and verifies the migrations and snapshot embedded in <paramref name="assembly"/>.</summary>
    /// <exception cref="SchemaTasksException">
    /// <c>ST5001</c>–<c>ST5005</c>: the manifest, a migration or the snapshot is missing, tampered or unreadable.
    /// </exception>
    public static ExpectedSchema FromAssembly(Assembly assembly) => FromEmbedded(EmbeddedMigrations.Load(assembly));

    /// <summary>Uses migrations already read with <see cref="EmbeddedMigrations.Load(Assembly)"/>.</summary>
    /// <exception cref="SchemaTasksException"><c>ST5005</c>: the build embedded no snapshot (it had no dialect).</exception>
    public static ExpectedSchema FromEmbedded(EmbeddedMigrations migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var snapshot = migrations.Snapshot ?? throw new SchemaTasksException(
            DiagnosticCodes.EmbeddedSnapshotMismatch,
            "The assembly embeds migrations but no schema snapshot, because its build did not know their SQL dialect. Set SchemaDialect (postgres, mysql or mariadb) in the project that holds the migrations and rebuild.");
        return new ExpectedSchema(
            migrations,
            snapshot.Schema,
            (history, live) => SchemaVerification.Verify(migrations, snapshot.Schema, history, live));
    }

    /// <summary>
    /// Reads a migrations folder as the build does (<see cref="MigrationFolderReader"/>, then
    /// <see cref="SchemaEngine"/>): for a folder that no assembly embeds.
    /// </summary>
    /// <param name="directory">The migrations folder.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it.</param>
    /// <param name="dialect">The dialect, or <see langword="null"/> for the one the layout declares (Prisma's lock file).</param>
    /// <exception cref="SchemaTasksException">
    /// The folder cannot be read as migrations, or no dialect is known (<c>ST1008</c>); the code and message are the build's.
    /// </exception>
    public static ExpectedSchema FromFolder(string directory, MigrationLayout? layout = null, SqlDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return FromFolder(MigrationFolderReader.Read(directory, Settings(layout, dialect)));
    }

    /// <summary>
    /// As <see cref="FromFolder(string, MigrationLayout?, SqlDialect?)"/>, for files already in memory.
    /// </summary>
    /// <param name="files">The folder's files, paths relative to it.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it.</param>
    /// <param name="dialect">The dialect, or <see langword="null"/> for the one the layout declares (Prisma's lock file).</param>
    /// <exception cref="SchemaTasksException">
    /// A file cannot be read as a migration, or no dialect is known (<c>ST1008</c>); the code and message are the build's.
    /// </exception>
    public static ExpectedSchema FromFiles(IReadOnlyList<MigrationSourceFile> files, MigrationLayout? layout = null, SqlDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return FromFolder(MigrationFolderReader.ReadFiles(files, Settings(layout, dialect)));
    }

    private static MigrationFolderSettings Settings(MigrationLayout? layout, SqlDialect? dialect) =>
        new() { Layout = layout, Dialect = dialect, Names = MigrationSettingNames.Api };

    /// <summary>
    /// As <see cref="FromFolder(string, MigrationLayout?, SqlDialect?)"/>, for a folder the caller
    /// read with <see cref="MigrationFolderReader"/> (to show the reader's findings itself).
    /// </summary>
    /// <param name="reading">The folder as the reader found it.</param>
    /// <exception cref="SchemaTasksException">The reading, or the schema it builds, has an error: the first one's code and message.</exception>
    public static ExpectedSchema FromFolder(MigrationFolderReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ThrowOnError(reading.Diagnostics);
        var set = reading.Set ?? throw new SchemaTasksException(DiagnosticCodes.ManifestMissing, "The folder holds no migrations.");

        // The reader requires a dialect only when there are migrations; a schema needs one anyway.
        var chosen = reading.Dialect ?? throw new SchemaTasksException(
            DiagnosticCodes.DialectRequired,
            $"The {set.Layout.ToName()} migrations do not declare their SQL dialect. {MigrationSettingNames.Api.HowToSetDialect}");

        var build = SchemaEngine.Build(set, chosen);
        ThrowOnError(build.Diagnostics);

        var applicable = EmbeddedMigrations.FromFolder(reading);
        return new ExpectedSchema(
            applicable,
            build.Final,
            (history, live) => SchemaVerification.Verify(applicable.Migrations, build, history, live));
    }

    /// <summary>Verifies what a provider read; the providers do the reading.</summary>
    internal VerificationReport Verify(MigrationHistory history, Catalog? live) => _verify(history, live);

    /// <summary>The history kind to read: the configured one, else the one detection chooses.</summary>
    internal MigrationHistoryKind ChooseHistory(SchemaCheckOptions options, IReadOnlyCollection<MigrationHistoryKind> found) =>
        options.HistoryKind ?? MigrationHistoryKinds.Choose(found, Layout);

    private static void ThrowOnError(IReadOnlyList<SchemaDiagnostic> diagnostics)
    {
        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            // The exception carries the code; the message says where, relative to the migrations folder.
            var at = error.File is null ? null : error.Line > 0 ? $"{error.File}({error.Line},{Math.Max(error.Column, 1)})" : error.File;
            throw new SchemaTasksException(error.Code, at is null ? error.Message : $"{at}: {error.Message}");
        }
    }

    /// <summary>Fails when the provider's server speaks another dialect than the migrations (MySQL 8 and MariaDB share one provider).</summary>
    internal void RequireDialect(SqlDialect server, string serverName)
    {
        if (Dialect != server && !(Dialect.IsMySqlFamily() && server.IsMySqlFamily()))
        {
            throw new SchemaTasksException(
                DiagnosticCodes.DialectMismatch,
                $"The migrations are read as {Dialect.ToName()} SQL, but the check connects to {serverName}. Use the {Dialect.ToName()} provider, or set the migrations' dialect to {server.ToName()}.");
        }
    }
}
