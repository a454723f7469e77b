namespace SchemaTasks.Migrations;

/// <summary>An entry of a folder (<see cref="FolderListing"/>): its name, and whether it is, or leads to, a folder.</summary>
/// <remarks>
/// A class, not a struct: the framework's enumeration and sorting code over reference types is
/// already compiled ahead of time, while over a struct of ours the build task's process would
/// compile it at every build (docs/benchmarks.md, "The framework's generic code in the task's image").
/// </remarks>
internal sealed record FolderEntry(string Name, bool IsFolder);
