namespace SchemaTasks.Migrations;

/// <summary>An entry of a folder (<see cref="FolderListing"/>): its name, and whether it is, or leads to, a folder.</summary>
internal readonly record struct FolderEntry(string Name, bool IsFolder);
