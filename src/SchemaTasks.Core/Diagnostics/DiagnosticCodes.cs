namespace SchemaTasks.Diagnostics;

/// <summary>
/// Every diagnostic code SchemaTasks reports. Codes never change meaning once released;
/// each has a section in <c>docs/diagnostics.md</c>.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The migrations folder does not exist.</summary>
    public const string MigrationsDirectoryMissing = "ST1001";

    /// <summary>The migrations folder holds no migration file.</summary>
    public const string NoMigrations = "ST1002";

    /// <summary>The files match more than one migration layout, or none that was asked for.</summary>
    public const string AmbiguousLayout = "ST1003";

    /// <summary>Two migrations have the same version.</summary>
    public const string DuplicateVersion = "ST1004";

    /// <summary>A file in the migrations folder does not follow the layout's naming rule.</summary>
    public const string UnrecognisedMigrationFile = "ST1005";

    /// <summary>The layout or dialect named by a property is not one SchemaTasks knows.</summary>
    public const string UnknownSetting = "ST1006";

    /// <summary>A layout marker (such as Prisma's <c>migration_lock.toml</c>) names a dialect that differs from the one set.</summary>
    public const string DialectConflict = "ST1007";

    /// <summary>The embedded manifest is missing or unreadable.</summary>
    public const string ManifestMissing = "ST5001";

    /// <summary>A migration listed in the manifest is not embedded.</summary>
    public const string EmbeddedMigrationMissing = "ST5002";

    /// <summary>An embedded migration's text does not match its manifest checksum.</summary>
    public const string EmbeddedMigrationTampered = "ST5003";

    /// <summary>A migration is embedded but not listed in the manifest.</summary>
    public const string EmbeddedMigrationUnlisted = "ST5004";

    /// <summary>A database connection string is malformed, has a key the provider does not support, or a value it cannot use.</summary>
    public const string InvalidConnectionString = "ST5010";
}
