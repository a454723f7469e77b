namespace SchemaTasks.Migrations;

/// <summary>A file found in a migrations folder, before its layout gives it a meaning.</summary>
/// <param name="RelativePath">Path relative to the migrations folder, with <c>/</c> separators.</param>
/// <param name="Text">The file's text.</param>
public sealed record MigrationSourceFile(string RelativePath, string Text)
{
    /// <summary>
    /// The checksum of <see cref="Text"/> (<see cref="MigrationChecksum"/>), when the reader of
    /// the folder worked it out from the file's bytes, on the thread that read them.
    /// </summary>
    internal string? KnownChecksum { get; init; }

    /// <summary>The checksum a migration read from this file records.</summary>
    internal string Checksum => KnownChecksum ?? MigrationChecksum.Compute(Text);

    /// <summary>Equal when the paths and texts are: the checksum follows from the text.</summary>
    public bool Equals(MigrationSourceFile? other)
        => other is not null && string.Equals(RelativePath, other.RelativePath, StringComparison.Ordinal) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RelativePath) ^ StringComparer.Ordinal.GetHashCode(Text);
}
