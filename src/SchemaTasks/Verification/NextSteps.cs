namespace SchemaTasks.Verification;

/// <summary>The commands a person runs next, in the terms of the tool that owns the history.</summary>
internal static class NextSteps
{
    public static string Apply(MigrationHistoryKind kind) => kind switch
    {
        // Not `schematasks migrate`: it keeps its own history, so on a Prisma database it would apply everything again.
        MigrationHistoryKind.Prisma => "run `npx prisma migrate deploy`",
        MigrationHistoryKind.GolangMigrate => "run `migrate -path <migrations folder> -database <url> up`",
        MigrationHistoryKind.Flyway => "run `flyway migrate`",
        MigrationHistoryKind.Dbmate => "run `dbmate up`",
        MigrationHistoryKind.EfCore => "run `dotnet ef database update`",
        MigrationHistoryKind.DbUp => "run the application's DbUp upgrade (`PerformUpgrade()`)",
        MigrationHistoryKind.Goose => "run `goose -dir <migrations folder> <driver> <dsn> up`",
        MigrationHistoryKind.Sqlx => "run `sqlx migrate run`",
        MigrationHistoryKind.Drizzle => "run `npx drizzle-kit migrate`",
        MigrationHistoryKind.Atlas => "run `atlas migrate apply`",
        MigrationHistoryKind.Liquibase => "run `liquibase update`",
        MigrationHistoryKind.Evolve => "run Evolve's migrate (the application's `Migrate()`, or `evolve migrate`)",
        MigrationHistoryKind.SqlMigrate => "run `sql-migrate up`",
        _ => "run `schematasks migrate`",
    };

    /// <summary>How to get out of a failed migration: undo what it did, or finish it by hand.</summary>
    public static string Repair(MigrationHistoryKind kind, string id, string? previousId, IReadOnlyList<MigrationObjectCheck>? objects)
    {
        var undo = objects?.Where(o => o.Done).Select(Undo).ToList() ?? [];
        var finish = objects?.Where(o => !o.Done).Select(Finish).ToList() ?? [];
        var inspect = objects is null ? "Inspect what it left in the database. " : string.Empty;
        var (rollBack, forward) = kind switch
        {
            MigrationHistoryKind.Prisma => ($"run `npx prisma migrate resolve --rolled-back {id}` and `npx prisma migrate deploy`", $"run `npx prisma migrate resolve --applied {id}`"),
            MigrationHistoryKind.GolangMigrate => ($"run `migrate -path <migrations folder> -database <url> force {previousId ?? "-1"}` and `migrate ... up`", $"run `migrate -path <migrations folder> -database <url> force {id}`"),
            MigrationHistoryKind.Flyway => ("run `flyway repair` and `flyway migrate`", null),
            // sqlx refuses to go on past a row with success = false until it is deleted.
            MigrationHistoryKind.Sqlx => ($"delete its row (`DELETE FROM _sqlx_migrations WHERE version = {id}`) and run `sqlx migrate run`", $"run `UPDATE _sqlx_migrations SET success = true WHERE version = {id}`"),
            // Evolve ignores a row with success = false and runs the migration again; its transaction
            // was rolled back unless the file turned it off (evolve-tx-off).
            MigrationHistoryKind.Evolve => ("correct the script and run Evolve's migrate again, which runs it anew (with `evolve-tx-off` on its first line, undo what it did first)", null),
            // Atlas resumes a partly applied file at the statement that failed, after checking the
            // statements before it are unchanged; `migrate set` declares it done instead.
            MigrationHistoryKind.Atlas => ($"correct the failing statement of {id} (leave the statements before it as they are) and run `atlas migrate apply`, which resumes there", $"run `atlas migrate set {id}`"),
            // The migrator refuses to run over a failed row; repair clears it when nothing of the migration remains.
            MigrationHistoryKind.SchemaTasks => ("run `schematasks repair` (add `--apply` once its plan is right) and `schematasks migrate`", null),
            _ => ($"{Apply(kind)} again", null),
        };

        var text = inspect + "Roll back: " + (undo.Count > 0 ? string.Join(", ", undo) + ", then " : string.Empty) + rollBack + ".";
        if (forward is not null && objects is not null && finish.Count > 0)
        {
            text += " Or finish it: " + string.Join(", ", finish) + " as the migration does, then " + forward + ".";
        }

        return text;
    }

    public static string Edited(MigrationHistoryKind kind, string? path) =>
        $"Restore {path ?? "the file"} to the text that was applied, and make the change in a new migration"
        + kind switch
        {
            MigrationHistoryKind.Flyway => " (if the edit changes nothing, `flyway repair` records the new checksum).",
            MigrationHistoryKind.Evolve => " (if the edit changes nothing, Evolve's repair records the new checksum).",
            MigrationHistoryKind.Liquibase => " (if the edit changes nothing, `liquibase clear-checksums` lets Liquibase record the new one, or add a `--validCheckSum` line; `runOnChange:true` makes Liquibase run the changeset again instead).",
            _ => ".",
        };

    public static string Unknown(string id) =>
        $"Deploy a build that includes migration {id}, or make sure this build works with the newer schema.";

    public static string OutOfOrder(MigrationHistoryKind kind) => kind switch
    {
        MigrationHistoryKind.Flyway => "run `flyway migrate -outOfOrder=true`, after checking it does not depend on running before the later ones",
        MigrationHistoryKind.Evolve => "run Evolve's migrate with OutOfOrder enabled (`--out-of-order true`), after checking it does not depend on running before the later ones",
        MigrationHistoryKind.Atlas => "run `atlas migrate apply --exec-order non-linear`, after checking it does not depend on running before the later ones",
        MigrationHistoryKind.Goose => "run `goose -dir <migrations folder> -allow-missing <driver> <dsn> up`, after checking it does not depend on running before the later ones",
        // drizzle applies only migrations newer than the last created_at: it never runs this one.
        MigrationHistoryKind.Drizzle => "drizzle's migrator never applies a migration older than the last one recorded: give it a newer journal entry (drizzle-kit generate --custom) holding its SQL",
        _ => Apply(kind) + ", after checking it does not depend on running before the later ones",
    };

    public static string Drift(MigrationHistoryKind kind, bool failed, bool pending, bool isError) => failed
        ? "Repair the failed migration first (ST6002), then verify again."
        : pending
        ? $"Apply the pending migrations: {Apply(kind)}."
        : isError
            ? "Find what changed the database outside the migrations, and add a migration that makes it match; check the service points at the right database."
            : "Declare it in a migration if the code relies on it, or remove it from the database.";

    private static string Undo(MigrationObjectCheck o) => o.Change switch
    {
        MigrationObjectChange.Create => $"drop {o.Kind} {o.Name}",
        MigrationObjectChange.Drop => $"recreate {o.Kind} {o.Name}",
        _ => $"restore {o.Kind} {o.Name}",
    };

    private static string Finish(MigrationObjectCheck o) => o.Change switch
    {
        MigrationObjectChange.Create => $"create {o.Kind} {o.Name}",
        MigrationObjectChange.Drop => $"drop {o.Kind} {o.Name}",
        _ => $"alter {o.Kind} {o.Name}",
    };
}
