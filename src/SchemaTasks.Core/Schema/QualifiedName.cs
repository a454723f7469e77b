namespace SchemaTasks.Schema;

/// <summary>
/// A schema-qualified object name as the database stores it (after identifier folding).
/// For MySQL, <see cref="Schema"/> is the database named in the migration, or empty for the
/// database the migrations run in. Ordered ordinally so every listing is the same everywhere.
/// </summary>
/// <param name="Schema">The PostgreSQL schema (default <c>public</c>) or MySQL database (default empty).</param>
/// <param name="Name">The object's own name.</param>
public readonly record struct QualifiedName(string Schema, string Name) : IComparable<QualifiedName>
{
    /// <inheritdoc />
    public int CompareTo(QualifiedName other)
    {
        var bySchema = string.CompareOrdinal(Schema, other.Schema);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>The name as <c>schema.name</c>, or <c>name</c> when the schema is empty; no quoting.</summary>
    public override string ToString() => Schema.Length == 0 ? Name : $"{Schema}.{Name}";
}
