namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>The differential runs alone: no other test of the assembly changes catalogs on the servers meanwhile.</summary>
[CollectionDefinition(nameof(PostgresDifferentialTests), DisableParallelization = true)]
public sealed class PostgresDifferentialCollection;
