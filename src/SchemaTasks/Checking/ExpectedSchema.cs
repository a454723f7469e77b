using System.Reflection;
using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Checking;

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
    /// Reads migration files as the build does (<see cref="MigrationDiscovery"/>, then
    /// <see cref="SchemaEngine"/>): for a folder that no assembly embeds.
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
        var discovered = MigrationDiscovery.Discover(files, layout);
        ThrowOnError(discovered.Diagnostics);
        var set = discovered.Set ?? throw new SchemaTasksException(DiagnosticCodes.ManifestMissing, "The folder holds no migrations.");
        var chosen = dialect ?? set.Dialect ?? throw new SchemaTasksException(
            DiagnosticCodes.DialectRequired,
            $"The {set.Layout.ToName()} migrations do not declare their SQL dialect. Give it (postgres, mysql or mariadb).");
        var build = SchemaEngine.Build(set, chosen);
        ThrowOnError(build.Diagnostics);

        // The full file text, not the layout's up section: checksums are computed over the file.
        var texts = files.ToDictionary(f => f.RelativePath, f => f.Text, StringComparer.Ordinal);
        var migrations = set.Migrations.Select(m => new EmbeddedMigration(m.Id, m.Name, m.RelativePath, m.Checksum, texts[m.RelativePath])).ToList();
        return new ExpectedSchema(
            new EmbeddedMigrations(MigrationManifest.From(set, chosen), migrations, snapshot: null),
            build.Final,
            (history, live) => SchemaVerification.Verify(migrations, build, history, live));
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
            throw new SchemaTasksException(error.Code, error.ToString());
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
