using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>What <see cref="MigrationDiscovery.Discover(IReadOnlyList{MigrationSourceFile}, MigrationLayout?)"/> found.</summary>
/// <param name="Set">The migrations, or <see langword="null"/> when an error makes them untrustworthy.</param>
/// <param name="Diagnostics">Every finding, errors first in file order.</param>
public sealed record MigrationDiscoveryResult(MigrationSet? Set, IReadOnlyList<SchemaDiagnostic> Diagnostics);
