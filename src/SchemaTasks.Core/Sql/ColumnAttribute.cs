namespace SchemaTasks.Sql;

/// <summary>
/// One attribute of a MySQL or MariaDB column definition, where it was written. The attributes
/// are kept in written order because MariaDB's grammar, unlike MySQL 8's, accepts only some
/// orders (<see cref="Schema.MariaDbColumnGrammar"/>).
/// </summary>
/// <param name="At">Where the attribute starts (for a named constraint, at <c>CONSTRAINT</c>).</param>
/// <param name="Kind">What the attribute is.</param>
internal readonly record struct ColumnAttribute(SqlToken At, ColumnAttributeKind Kind);

/// <summary>The kinds of column attribute that MariaDB's grammar places differently.</summary>
internal enum ColumnAttributeKind
{
    /// <summary><c>NULL</c> or <c>NOT NULL</c>.</summary>
    Nullability,

    /// <summary><c>DEFAULT ...</c>, or <c>SERIAL DEFAULT VALUE</c>.</summary>
    Default,

    /// <summary><c>CHECK (...)</c>.</summary>
    Check,

    /// <summary><c>PRIMARY KEY</c>, or <c>KEY</c> alone.</summary>
    PrimaryKey,

    /// <summary><c>UNIQUE</c> or <c>UNIQUE KEY</c>.</summary>
    Unique,

    /// <summary><c>REFERENCES ...</c>.</summary>
    References,

    /// <summary><c>[GENERATED ALWAYS] AS (...) [VIRTUAL | STORED | PERSISTENT]</c>.</summary>
    Generated,

    /// <summary><c>COLLATE</c>, <c>CHARACTER SET</c>, <c>BINARY</c>, ...: part of the column's type.</summary>
    TypeOption,

    /// <summary><c>COMMENT '...'</c>.</summary>
    Comment,

    /// <summary><c>INVISIBLE</c>.</summary>
    Invisible,

    /// <summary><c>AUTO_INCREMENT</c>.</summary>
    AutoIncrement,

    /// <summary><c>FIRST</c> or <c>AFTER col</c> (ALTER TABLE): where the column goes, after its definition.</summary>
    Placement,

    /// <summary>Any other attribute (<c>ON UPDATE</c>, <c>VISIBLE</c>, <c>COLUMN_FORMAT</c>, ...).</summary>
    Other,
}
