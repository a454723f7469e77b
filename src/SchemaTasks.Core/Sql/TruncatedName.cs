namespace SchemaTasks.Sql;

/// <summary>A name PostgreSQL shortened to 63 bytes: where it was written, as written, and as kept.</summary>
internal sealed record TruncatedName(SqlToken At, string Written, string Kept);
