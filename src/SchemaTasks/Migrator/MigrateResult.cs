namespace SchemaTasks.Migrator;

/// <summary>What one run of a migrator did.</summary>
/// <param name="Applied">The migrations this run applied, in order; empty when the database was current.</param>
/// <param name="AlreadyApplied">How many of the embedded migrations the history already recorded as applied.</param>
public sealed record MigrateResult(IReadOnlyList<MigrationApplied> Applied, int AlreadyApplied);

/// <summary>One migration a migrator applied.</summary>
/// <param name="Id">The migration id recorded in <c>schematasks_history</c>.</param>
/// <param name="Name">The migration's description.</param>
/// <param name="Statements">How many statements it ran.</param>
/// <param name="InTransaction">Whether it ran in one transaction (PostgreSQL only; MySQL DDL always commits as it goes).</param>
/// <param name="Duration">How long it took.</param>
public sealed record MigrationApplied(string Id, string Name, int Statements, bool InTransaction, TimeSpan Duration);
