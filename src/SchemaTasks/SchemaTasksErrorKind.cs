namespace SchemaTasks;

/// <summary>
/// What a <see cref="SchemaTasksException"/> means, from the range of its <see cref="SchemaTasksException.Code"/>,
/// so that an application can tell a person the right thing without knowing every code.
/// See <c>docs/diagnostics.md</c>.
/// </summary>
public enum SchemaTasksErrorKind
{
    /// <summary>A code outside the ranges below.</summary>
    Other,

    /// <summary>
    /// <c>ST5001</c>–<c>ST5009</c>: the migrations embedded in the application are missing, unlisted or
    /// changed since its build, so it cannot tell which schema it needs. Rebuild the application; the
    /// database was not touched.
    /// </summary>
    EmbeddedMigrations,

    /// <summary>
    /// <c>ST5010</c>–<c>ST5099</c>: the database could not be checked — a bad connection string, a server
    /// that cannot be reached, a refused login, a denied read, or a server of another kind than the
    /// migrations. Nothing was compared; fix the connection settings or the server.
    /// </summary>
    Connection,

    /// <summary>
    /// <c>ST6000</c>–<c>ST6999</c>: the database does not match the migrations — pending, failed or edited
    /// migrations, a missing object, or a history table that cannot be read or is ambiguous.
    /// </summary>
    SchemaMismatch,

    /// <summary><c>ST7000</c>–<c>ST7999</c>: the migrator could not apply or repair the migrations.</summary>
    Migration,
}
