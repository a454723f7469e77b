namespace SchemaTasks.Migrations;

/// <summary>A file found in a migrations folder, before its layout gives it a meaning.</summary>
/// <param name="RelativePath">Path relative to the migrations folder, with <c>/</c> separators.</param>
/// <param name="Text">The file's text.</param>
public sealed record MigrationSourceFile(string RelativePath, string Text);
