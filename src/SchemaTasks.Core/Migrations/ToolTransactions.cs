namespace SchemaTasks.Migrations;

/// <summary>Whether a migration tool runs a whole PostgreSQL migration file inside one transaction.</summary>
internal enum ToolTransactionKind
{
    /// <summary>Always, in an explicit transaction or as one multi-statement query (an implicit one).</summary>
    One,

    /// <summary>It depends on how the folder is run, which the folder does not show.</summary>
    Unknown,

    /// <summary>Statement by statement, each committed on its own.</summary>
    None,
}

/// <summary>How a layout's tool runs one PostgreSQL migration file, in words for messages.</summary>
/// <param name="Kind">Whether the file runs in one transaction.</param>
/// <param name="Tool">The tool, as a message's subject.</param>
/// <param name="How">How the tool runs it, completing "{Tool} runs this migration …".</param>
/// <param name="Fix">The tool's own way to run the statements apart, besides splitting the migration; empty when it has none.</param>
internal sealed record ToolTransaction(ToolTransactionKind Kind, string Tool, string How, string Fix);

/// <summary>
/// How each layout's tool runs a PostgreSQL migration file, as its source does it (the table and
/// the sources read are in docs/dialects.md). A tool that sends the whole file as one query runs
/// it in one implicit transaction even when told not to open one: PostgreSQL's simple query
/// protocol runs every statement of one query string in a single transaction.
/// </summary>
internal static class ToolTransactions
{
    /// <summary>How the tool of <paramref name="layout"/> runs a file that does, or does not, ask to run outside a transaction.</summary>
    /// <param name="layout">The folder's layout.</param>
    /// <param name="noTransaction">Whether the file carries its tool's marker for running outside a transaction.</param>
    public static ToolTransaction Of(MigrationLayout layout, bool noTransaction) => layout switch
    {
        MigrationLayout.Prisma => One("Prisma", "as one query (Prisma's migrate sends the file with the simple query protocol), which PostgreSQL runs as one transaction", string.Empty),
        MigrationLayout.GolangMigrate => One("golang-migrate", "as one query (golang-migrate's postgres driver sends the whole file in one Exec unless the database URL sets x-multi-statement=true), which PostgreSQL runs as one transaction", string.Empty),
        MigrationLayout.Flyway when noTransaction => Unknown("Evolve", "without a transaction of its own (evolve-tx-off), which is safe only if its statements are sent one by one rather than as one command"),
        MigrationLayout.Flyway => One("Flyway", "in one transaction (Flyway's default on PostgreSQL 12 and later; a V<version>__<name>.sql.conf with executeInTransaction=false is not read)", string.Empty),
        MigrationLayout.Dbmate => One(
            "dbmate",
            noTransaction
                ? "as one query (transaction:false only leaves out dbmate's own BEGIN: the section is still sent in one Exec), which PostgreSQL runs as one transaction"
                : "in one transaction (dbmate wraps each file's up section in one)",
            string.Empty),
        MigrationLayout.Goose when noTransaction => None(),
        MigrationLayout.Goose => One("goose", "in one transaction (goose's default)", "mark the file -- +goose NO TRANSACTION, so goose runs its statements one by one"),
        MigrationLayout.Sqlx => One(
            "sqlx",
            noTransaction
                ? "as one query (-- no-transaction only leaves out sqlx's own BEGIN: the file is still sent in one query), which PostgreSQL runs as one transaction"
                : "in one transaction (sqlx's default)",
            string.Empty),
        MigrationLayout.Drizzle => One("drizzle", "in one transaction (drizzle's migrator runs every pending migration in a single transaction)", string.Empty),
        MigrationLayout.Atlas when noTransaction => None(),
        MigrationLayout.Atlas => One("Atlas", "in one transaction (Atlas's default txmode file)", "add -- atlas:txmode none to the file's header, so Atlas runs its statements one by one"),
        MigrationLayout.Liquibase when noTransaction => None(),
        MigrationLayout.Liquibase => One("Liquibase", "in one transaction (Liquibase runs each changeset in one)", "set runInTransaction:false on the changeset, so Liquibase runs its statements one by one"),
        MigrationLayout.Diesel => One("diesel", "in one transaction (diesel's default; with run_in_transaction = false in metadata.toml diesel still sends up.sql as one query, which PostgreSQL runs as one transaction)", string.Empty),
        MigrationLayout.Pop => One(
            "pop",
            noTransaction
                ? "as one query (popx's .autocommit only leaves out its own transaction: the file is still sent in one Exec), which PostgreSQL runs as one transaction"
                : "in one transaction (pop runs each migration in one)",
            string.Empty),
        MigrationLayout.SqlMigrate when noTransaction => None(),
        MigrationLayout.SqlMigrate => One("sql-migrate", "in one transaction (sql-migrate's default)", "add notransaction to the file's '-- +migrate Up' line, so sql-migrate runs its statements one by one"),
        _ => Unknown("The tool that runs a plain folder", "in one transaction or statement by statement, which the folder does not show: DbUp sends a file as one command, which PostgreSQL runs as one transaction (with or without WithTransactionPerScript); psql -f and SchemaTasks' migrator run it statement by statement"),
    };

    private static ToolTransaction One(string tool, string how, string fix) => new(ToolTransactionKind.One, tool, how, fix);

    private static ToolTransaction Unknown(string tool, string how) => new(ToolTransactionKind.Unknown, tool, how, string.Empty);

    private static ToolTransaction None() => new(ToolTransactionKind.None, string.Empty, string.Empty, string.Empty);
}
