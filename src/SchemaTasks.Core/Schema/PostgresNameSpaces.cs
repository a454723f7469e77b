namespace SchemaTasks.Schema;

/// <summary>The schema-wide name spaces PostgreSQL keeps a generated name free in.</summary>
[Flags]
internal enum PostgresNameSpaces
{
    None = 0,

    /// <summary>pg_class: tables, indexes (those of primary key, unique and exclusion constraints too) and sequences.</summary>
    Relation = 1,

    /// <summary>pg_constraint: the constraints of every table and domain.</summary>
    Constraint = 2,
}
