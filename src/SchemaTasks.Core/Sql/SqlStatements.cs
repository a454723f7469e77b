using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// The statements that shape tracked objects, as plain data. Names are already folded and
// qualified with the dialect's default schema; each node keeps the token it starts at, so
// the catalog can report problems at their place in the file.

internal abstract record SqlStatement(SqlToken At)
{
    /// <summary>MySQL under ANSI_QUOTES: a DEFAULT or CHECK of the statement holds a <see cref="DoubleQuotedName"/>, which the engine then resolves.</summary>
    public bool HasDoubleQuotedNames { get; init; }

    /// <summary>Names in the statement PostgreSQL shortens to 63 bytes.</summary>
    public IReadOnlyList<TruncatedName> TruncatedNames { get; init; } = [];

    /// <summary>The table names the statement writes without a schema (PostgreSQL: they may name a temporary table); <see langword="null"/> when there are none.</summary>
    /// <remarks>Set once by the parser after it built the statement, so that no copy of the statement is made for it.</remarks>
    public ISet<QualifiedName>? UnqualifiedTables { get; set; }
}

internal sealed record CreateSchemaStatement(SqlToken At, string Name, bool IfNotExists) : SqlStatement(At);

internal sealed record DropSchemaStatement(SqlToken At, IReadOnlyList<string> Names, bool IfExists, bool Cascade) : SqlStatement(At);

internal sealed record RenameSchemaStatement(SqlToken At, string Name, string NewName) : SqlStatement(At);

internal sealed record CreateEnumTypeStatement(SqlToken At, QualifiedName Name, IReadOnlyList<string> Labels) : SqlStatement(At);

/// <summary>A composite, range or base type: in the snapshot by name only, so later statements about it are understood.</summary>
internal sealed record CreateOtherTypeStatement(SqlToken At, QualifiedName Name) : SqlStatement(At)
{
    /// <summary>A composite type's attributes (<c>AS (a int, b text)</c>), in order; <see langword="null"/> for a range, base or shell type.</summary>
    public IReadOnlyList<CompositeAttributeSpec>? Attributes { get; init; }
}

/// <summary>One attribute of <c>CREATE TYPE ... AS (...)</c> or <c>ALTER TYPE ... ADD ATTRIBUTE</c>, at its name.</summary>
internal sealed record CompositeAttributeSpec(SqlToken At, string Name, TypeSpec Type);

internal enum CompositeActionKind
{
    Add,
    Drop,
    Retype,
    Rename,
}

/// <summary>
/// One action of <c>ALTER TYPE ... ADD/DROP/ALTER ATTRIBUTE</c> (several, comma-separated) or the
/// one of <c>RENAME ATTRIBUTE a TO b</c>. <see cref="Type"/> is the added or new type;
/// <see cref="NewName"/> the name a rename gives.
/// </summary>
internal sealed record CompositeAttributeAction(SqlToken At, CompositeActionKind Kind, string Name, TypeSpec? Type, bool IfExists, string? NewName)
{
    /// <summary>Whether the action says CASCADE: without it, PostgreSQL refuses it on a type a typed table has (2BP01).</summary>
    public bool Cascade { get; init; }
}

/// <summary><c>ALTER TYPE</c> with attribute actions: the server runs them all or none.</summary>
internal sealed record AlterCompositeTypeStatement(SqlToken At, QualifiedName Type, IReadOnlyList<CompositeAttributeAction> Actions) : SqlStatement(At);

internal sealed record AddEnumValueStatement(SqlToken At, QualifiedName Type, string Label, bool IfNotExists, string? Neighbour, bool Before) : SqlStatement(At);

internal sealed record RenameEnumValueStatement(SqlToken At, QualifiedName Type, string From, string To) : SqlStatement(At);

/// <summary>RENAME TO or SET SCHEMA of a type or domain.</summary>
internal sealed record RenameTypeStatement(SqlToken At, QualifiedName Type, QualifiedName NewName, bool IsDomain) : SqlStatement(At);

internal sealed record DropTypeStatement(SqlToken At, IReadOnlyList<QualifiedName> Names, bool IfExists, bool Cascade, bool IsDomain) : SqlStatement(At);

internal sealed record CreateDomainStatement(SqlToken At, QualifiedName Name, TypeSpec BaseType, string? Default, bool NotNull, IReadOnlyList<ConstraintSpec> Checks) : SqlStatement(At);

internal sealed record AlterDomainStatement(SqlToken At, QualifiedName Name, AlterAction Action) : SqlStatement(At);

internal sealed record CreateTableStatement(SqlToken At, QualifiedName Name, bool IfNotExists, bool OrReplace, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<ConstraintSpec> Constraints) : SqlStatement(At)
{
    /// <summary>MySQL: the table's default charset as the options write it (<see cref="MySqlCharsets"/>); <see langword="null"/> when they do not.</summary>
    public string? DefaultCharset { get; init; }

    /// <summary>MySQL: the table's default collation as a <c>COLLATE</c> option writes it, in lower case; <see langword="null"/> when none does.</summary>
    public string? DefaultCollation { get; init; }

    /// <summary>PostgreSQL <c>CREATE TABLE t OF type</c>: the composite type its columns come from (<see cref="Columns"/> then give only their options); null otherwise.</summary>
    public QualifiedName? OfType { get; init; }

    /// <summary>Where <c>OF</c> is written, when it is.</summary>
    public SqlToken OfTypeAt { get; init; }

    /// <summary>PostgreSQL <c>INHERITS (parent, ...)</c>: the parents, in order; empty without it.</summary>
    public IReadOnlyList<QualifiedName> Inherits { get; init; } = [];

    /// <summary>Where <c>INHERITS</c> is written, when it is.</summary>
    public SqlToken InheritsAt { get; init; }

    /// <summary>PostgreSQL <c>PARTITION OF parent</c>: <see cref="Inherits"/> holds the parent; the columns are its options (no type of their own).</summary>
    public bool PartitionOf { get; init; }

    /// <summary>PostgreSQL <c>PARTITION OF parent DEFAULT</c>: the parent's default partition.</summary>
    public bool DefaultPartition { get; init; }

    /// <summary>PostgreSQL <c>PARTITION BY</c>: a partitioned table, which takes partitions and no other children.</summary>
    public bool Partitioned { get; init; }

    /// <summary>PostgreSQL <c>PARTITION BY</c>'s key; <see langword="null"/> without it, or when it is not read.</summary>
    public PartitionKey? PartitionKey { get; init; }

    /// <summary>PostgreSQL <c>PARTITION OF parent FOR VALUES ...</c>: the bound; <see langword="null"/> for DEFAULT.</summary>
    public PartitionBound? Bound { get; init; }

    /// <summary>MySQL <c>PARTITION BY</c>: the names its partitioning functions use; null without one.</summary>
    public IReadOnlyList<string>? PartitionColumns { get; init; }

    /// <summary>PostgreSQL <c>LIKE source [INCLUDING ...]</c> elements, in order; empty without one.</summary>
    public IReadOnlyList<TableLikeSpec> Likes { get; init; } = [];
}

/// <summary>What PostgreSQL's <c>LIKE source</c> in a CREATE TABLE copies besides columns, types and NOT NULL.</summary>
[Flags]
internal enum TableLikeOptions
{
    None = 0,
    Defaults = 1,
    Constraints = 2,
    Indexes = 4,
    Identity = 8,
    Generated = 16,
    All = Defaults | Constraints | Indexes | Identity | Generated,
}

/// <summary>A <c>LIKE source [{INCLUDING | EXCLUDING} option ...]</c> element of a CREATE TABLE.</summary>
/// <param name="At">Where <c>LIKE</c> is written.</param>
/// <param name="Source">The table copied.</param>
/// <param name="Options">What it copies besides its columns.</param>
/// <param name="Position">How many of the table's own columns are written before it.</param>
internal sealed record TableLikeSpec(SqlToken At, QualifiedName Source, TableLikeOptions Options, int Position);

internal sealed record AlterTableStatement(SqlToken At, QualifiedName Name, bool IfExists, IReadOnlyList<AlterAction> Actions) : SqlStatement(At)
{
    /// <summary>PostgreSQL <c>ALTER TABLE ONLY name</c>: the change does not pass into the tables that inherit from it.</summary>
    public bool Only { get; init; }

    /// <summary>MySQL <c>PARTITION BY</c> after the actions, or alone: the names its partitioning functions use (<see cref="DdlParser"/>); null without one.</summary>
    public IReadOnlyList<string>? PartitionColumns { get; init; }
}

internal sealed record RenameTablesStatement(SqlToken At, IReadOnlyList<(QualifiedName From, QualifiedName To)> Renames) : SqlStatement(At);

internal sealed record DropTableStatement(SqlToken At, IReadOnlyList<QualifiedName> Names, bool IfExists, bool Cascade) : SqlStatement(At)
{
    /// <summary>MySQL <c>DROP TEMPORARY TABLE</c>: only temporary tables.</summary>
    public bool Temporary { get; init; }
}

/// <summary>
/// PostgreSQL's <c>CREATE UNIQUE INDEX</c>, kept only so that a later <c>USING INDEX</c>
/// constraint knows its columns.
/// </summary>
/// <param name="At">Where the statement starts.</param>
/// <param name="Table">The indexed table.</param>
/// <param name="Name">The index's name.</param>
/// <param name="Columns">
/// Its key columns, or <see langword="null"/> when it is not an index a constraint can be made
/// from (an expression, a non-default ordering, another method than B-tree, a WHERE clause).
/// </param>
internal sealed record CreateUniqueIndexStatement(SqlToken At, QualifiedName Table, string Name, IReadOnlyList<string>? Columns) : SqlStatement(At)
{
    /// <summary><c>ON ONLY table</c>: a partitioned table's index made for it alone.</summary>
    public bool Only { get; init; }

    /// <summary><c>IF NOT EXISTS</c>: a taken name skips the statement.</summary>
    public bool IfNotExists { get; init; }

    /// <summary>Its elements, as <see cref="CreateIndexStatement.UniqueElements"/>.</summary>
    public IReadOnlyList<PartitionKeyPart>? UniqueElements { get; init; }
}

/// <summary>
/// PostgreSQL's <c>ALTER INDEX ... RENAME TO</c>: renames a kept unique index, or the primary key,
/// unique or exclusion constraint the index belongs to (the server renames both).
/// </summary>
internal sealed record RenameIndexStatement(SqlToken At, QualifiedName Name, string To) : SqlStatement(At);

/// <summary>PostgreSQL's <c>DROP INDEX</c>: the names, each with its schema as written or implied.</summary>
internal sealed record DropIndexStatement(SqlToken At, IReadOnlyList<QualifiedName> Names) : SqlStatement(At)
{
    /// <summary><c>CASCADE</c>: the foreign keys that need a dropped index go with it.</summary>
    public bool Cascade { get; init; }
}

/// <summary>
/// PostgreSQL's <c>ALTER SEQUENCE ... RENAME TO</c> or <c>SET SCHEMA</c>: followed only for the
/// sequences column defaults use (<see cref="Schema.SequenceDefaults"/>).
/// </summary>
internal sealed record RenameSequenceStatement(SqlToken At, QualifiedName Name, QualifiedName NewName, bool IfExists) : SqlStatement(At);

/// <summary>PostgreSQL's <c>DROP SEQUENCE</c>: followed only for the sequences column defaults use.</summary>
internal sealed record DropSequenceStatement(SqlToken At, IReadOnlyList<QualifiedName> Names, bool Cascade) : SqlStatement(At);

/// <summary>A temporary table: it lives until the session ends and is tracked only within one migration.</summary>
internal sealed record CreateTemporaryTableStatement(SqlToken At, string Name, bool IfNotExists) : SqlStatement(At);

/// <summary>A column type as written, normalised.</summary>
/// <param name="Text">Normalised text for built-in types; for user types, the written name (resolved when applied).</param>
/// <param name="UserType">The name of a non-built-in type, to resolve against the catalog.</param>
/// <param name="IsArray">Whether the type is an array.</param>
/// <param name="Inline">MySQL ENUM/SET values.</param>
/// <param name="IsSerial">PostgreSQL serial: NOT NULL with a sequence default.</param>
internal sealed record TypeSpec(string Text, QualifiedName? UserType, bool IsArray, InlineValueList? Inline, bool IsSerial)
{
    /// <summary>Whether the user type was written with its schema; an unqualified one is looked up in <c>pg_catalog</c> first.</summary>
    public bool IsQualified { get; init; }

    /// <summary>MySQL <c>SERIAL</c>: the column is also NOT NULL and UNIQUE.</summary>
    public bool ImpliesUniqueNotNull { get; init; }

    /// <summary>MySQL <c>NCHAR</c>, <c>NATIONAL VARCHAR</c> and the like: the charset the type implies.</summary>
    public string? ImpliedCharset { get; init; }
}

internal sealed record ColumnSpec(SqlToken At, string Name, TypeSpec Type, bool? NotNull, string? Default, bool PrimaryKey, IReadOnlyList<ConstraintSpec> Constraints)
{
    /// <summary>MySQL <c>FIRST</c>: the column goes first (ADD, MODIFY, CHANGE).</summary>
    public bool First { get; init; }

    /// <summary>MySQL under ANSI_QUOTES: the DEFAULT is one double-quoted name, a column of the table (<see cref="DoubleQuotedName"/>).</summary>
    public DoubleQuotedName? DefaultName { get; init; }

    /// <summary>MySQL <c>AFTER col</c>: the column goes right after that one.</summary>
    public string? After { get; init; }

    /// <summary>Whether the definition ends up saying <c>NULL</c> (MySQL 8 refuses that on a primary key column).</summary>
    public bool ExplicitNull { get; init; }

    /// <summary>PostgreSQL <c>GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY</c>.</summary>
    public bool IsIdentity { get; init; }

    /// <summary>A generated column (<c>[GENERATED ALWAYS] AS (expression)</c>): the names in its expression, folded; <see langword="null"/> otherwise.</summary>
    public IReadOnlyList<string>? GeneratedFrom { get; init; }

    /// <summary>A generated column's expression as written; <see langword="null"/> for other columns.</summary>
    public string? GeneratedExpression { get; init; }

    /// <summary>A generated column written <c>STORED</c> (MariaDB also <c>PERSISTENT</c>); not for a <c>VIRTUAL</c> one, the default.</summary>
    public bool GeneratedStored { get; init; }

    /// <summary>MySQL and MariaDB: the attributes in written order (empty for PostgreSQL).</summary>
    public IReadOnlyList<ColumnAttribute> Attributes { get; init; } = [];

    /// <summary>MySQL's <c>ON UPDATE</c> clause, where it is written; <see langword="default"/> without one.</summary>
    public SqlToken OnUpdateAt { get; init; }

    /// <summary>MySQL: the charset the definition writes or its type implies (<see cref="MySqlCharsets"/>); <see langword="null"/> when it takes the table's.</summary>
    public string? Charset { get; init; }

    /// <summary>
    /// MySQL: the collation the definition writes (<c>COLLATE</c>), in lower case, or
    /// <see cref="DdlParser.BinaryAttributeCollation"/> for the <c>BINARY</c> attribute (the
    /// charset's <c>_bin</c> collation); <see langword="null"/> when it writes none.
    /// </summary>
    public string? Collation { get; init; }
}

internal enum ConstraintKind
{
    Check,
    PrimaryKey,
    Unique,
    ForeignKey,
    Other,

    /// <summary>Not a constraint: a PostgreSQL unique index, kept for <c>USING INDEX</c>.</summary>
    UniqueIndex,

    /// <summary>
    /// Not a constraint: a MySQL index that is not unique (KEY, INDEX, FULLTEXT, SPATIAL), kept
    /// because its name is taken from the names the server gives unnamed keys.
    /// </summary>
    PlainIndex,

    /// <summary>
    /// Not a constraint: any other PostgreSQL index (not unique, on expressions, partial, of
    /// another method), kept by name for existence tests and generated names, with the columns it
    /// mentions, whose DROP COLUMN drops it.
    /// </summary>
    Index,
}

/// <summary>A table, column or domain constraint.</summary>
/// <param name="At">Where it starts.</param>
/// <param name="Name">The given name, or <see langword="null"/> for one the server generates.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Columns">The columns it names (primary key, unique, foreign key).</param>
/// <param name="Check">For CHECK: the expression and any value set.</param>
internal sealed record ConstraintSpec(SqlToken At, string? Name, ConstraintKind Kind, IReadOnlyList<string> Columns, CheckSpec? Check)
{
    /// <summary>
    /// PostgreSQL's <c>UNIQUE USING INDEX</c>: the key takes an existing index's columns, which the
    /// engine does not know (it keeps no PostgreSQL indexes), so <see cref="Columns"/> is empty.
    /// </summary>
    public bool ColumnsUnknown { get; init; }

    /// <summary>PostgreSQL's <c>PRIMARY KEY USING INDEX</c> / <c>UNIQUE USING INDEX</c>: the index made into the constraint.</summary>
    public string? UsingIndex { get; init; }

    /// <summary>PostgreSQL: the parts of a primary key's or unique constraint's index other than its columns.</summary>
    public KeyIndexOptions Index { get; init; } = KeyIndexOptions.Plain;

    /// <summary>MariaDB's <c>ADD INDEX IF NOT EXISTS name</c> (also UNIQUE, FOREIGN KEY, PRIMARY KEY, and CONSTRAINT name CHECK): an existing name is kept as it is.</summary>
    public bool IfNotExists { get; init; }

    /// <summary>The table and columns a foreign key references, when read.</summary>
    public ForeignKeyTarget? References { get; init; }

    /// <summary>MySQL: an index that cannot serve a foreign key: FULLTEXT, SPATIAL, or with a prefix length or an expression among its parts.</summary>
    public bool Unfit { get; init; }
}

/// <summary>A CHECK expression; <see cref="Column"/> is set when it is a value set.</summary>
/// <param name="Expression">The canonical value-set text, or the normalised expression.</param>
/// <param name="Column">The restricted column of a value set, or <see langword="null"/>.</param>
/// <param name="Values">The allowed values of a value set.</param>
/// <param name="Identifiers">
/// Names the expression mentions other than functions and cast types (folded); PostgreSQL names an
/// unnamed CHECK after the one column it uses, so the catalog needs them to name it the same.
/// </param>
internal sealed record CheckSpec(string Expression, string? Column, IReadOnlyList<string> Values, IReadOnlyList<string>? Identifiers = null)
{
    /// <summary>PostgreSQL value sets: the expression as written (see <see cref="Schema.CatalogCheck.WrittenExpression"/>).</summary>
    public string? WrittenExpression { get; init; }

    /// <summary>PostgreSQL <c>NO INHERIT</c>: the check stays off the tables that inherit this one.</summary>
    public bool NoInherit { get; init; }

    /// <summary>MySQL under ANSI_QUOTES: the double-quoted names of the expression, columns of the table (<see cref="DoubleQuotedName"/>); <see langword="null"/> when none.</summary>
    public IReadOnlyList<DoubleQuotedName>? DoubleQuotedNames { get; init; }
}

/// <summary>
/// MySQL under ANSI_QUOTES: a <c>"x"</c> written where a default or a CHECK may hold a string,
/// which the server reads as the name of a column of the table (and refuses when it names none).
/// </summary>
/// <param name="Name">The name, unquoted.</param>
/// <param name="At">Where it is written.</param>
internal readonly record struct DoubleQuotedName(string Name, SqlToken At);

internal abstract record AlterAction(SqlToken At);

internal sealed record AddColumnAction(SqlToken At, ColumnSpec Column, bool IfNotExists) : AlterAction(At);

/// <summary>PostgreSQL <c>ALTER TABLE t OF type</c> (the table becomes a typed table, its columns matching the type's attributes) or <c>NOT OF</c> (<paramref name="Type"/> null).</summary>
internal sealed record TableOfTypeAction(SqlToken At, QualifiedName? Type) : AlterAction(At);

internal sealed record DropColumnAction(SqlToken At, string Column, bool IfExists) : AlterAction(At)
{
    /// <summary>PostgreSQL's <c>CASCADE</c>: the foreign keys that reference the column go with it.</summary>
    public bool Cascade { get; init; }
}

internal sealed record RenameColumnAction(SqlToken At, string From, string To) : AlterAction(At);

internal sealed record AlterColumnTypeAction(SqlToken At, string Column, TypeSpec Type) : AlterAction(At);

/// <summary>SET/DROP NOT NULL of a column, or of the domain itself when <see cref="Column"/> is null.</summary>
internal sealed record SetNotNullAction(SqlToken At, string? Column, bool NotNull) : AlterAction(At);

/// <summary>SET/DROP DEFAULT of a column, or of the domain itself when <see cref="Column"/> is null.</summary>
internal sealed record SetDefaultAction(SqlToken At, string? Column, string? Default) : AlterAction(At)
{
    /// <summary>MySQL under ANSI_QUOTES: the DEFAULT is one double-quoted name, a column of the table.</summary>
    public DoubleQuotedName? DefaultName { get; init; }
}

/// <summary>MySQL MODIFY (same name) and CHANGE (new name): the whole definition is replaced.</summary>
internal sealed record ReplaceColumnAction(SqlToken At, string Column, ColumnSpec Definition) : AlterAction(At)
{
    /// <summary>MariaDB's <c>MODIFY IF EXISTS</c> / <c>CHANGE IF EXISTS</c>: a column the table lacks is skipped with a note.</summary>
    public bool IfExists { get; init; }
}

/// <summary>PostgreSQL <c>ALTER COLUMN ... ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY</c>.</summary>
internal sealed record AddIdentityAction(SqlToken At, string Column) : AlterAction(At);

/// <summary>PostgreSQL <c>ALTER COLUMN ... DROP IDENTITY [IF EXISTS]</c>.</summary>
internal sealed record DropIdentityAction(SqlToken At, string Column, bool IfExists) : AlterAction(At);

/// <summary>PostgreSQL <c>ALTER COLUMN ... DROP EXPRESSION [IF EXISTS]</c>: a generated column becomes a plain one.</summary>
internal sealed record DropExpressionAction(SqlToken At, string Column, bool IfExists) : AlterAction(At);

internal sealed record AddConstraintAction(SqlToken At, ConstraintSpec Constraint) : AlterAction(At)
{
    /// <summary>MariaDB <c>CREATE UNIQUE INDEX IF NOT EXISTS</c>: an existing name is kept as it is.</summary>
    public bool IfNotExists { get; init; }

    /// <summary>PostgreSQL <c>ALTER DOMAIN ... ADD CHECK (...) NOT VALID</c>: the values stored already are not checked.</summary>
    public bool NotValid { get; init; }
}

/// <summary>PostgreSQL <c>ALTER DOMAIN ... VALIDATE CONSTRAINT name</c>: checks the values stored already.</summary>
internal sealed record ValidateConstraintAction(SqlToken At, string Name) : AlterAction(At);

internal sealed record DropConstraintAction(SqlToken At, string Name, bool IfExists, ConstraintKind? Kind) : AlterAction(At)
{
    /// <summary>PostgreSQL's <c>CASCADE</c>: the foreign keys that need the dropped key go with it.</summary>
    public bool Cascade { get; init; }
}

internal sealed record RenameConstraintAction(SqlToken At, string From, string To) : AlterAction(At);

/// <summary>PostgreSQL <c>NO INHERIT parent</c>: the table stops inheriting from the parent and keeps its columns and checks.</summary>
internal sealed record NoInheritAction(SqlToken At, Schema.QualifiedName Parent) : AlterAction(At);

/// <summary>PostgreSQL <c>INHERIT parent</c>: the table starts inheriting from the parent, whose columns and checks it must have.</summary>
internal sealed record InheritAction(SqlToken At, Schema.QualifiedName Parent) : AlterAction(At);

/// <summary>PostgreSQL <c>ATTACH PARTITION name {FOR VALUES ... | DEFAULT}</c> of a partitioned table.</summary>
internal sealed record AttachPartitionAction(SqlToken At, Schema.QualifiedName Partition, bool IsDefault, Schema.PartitionBound? Bound) : AlterAction(At);

/// <summary>PostgreSQL <c>DETACH PARTITION name</c> of a partitioned table.</summary>
internal sealed record DetachPartitionAction(SqlToken At, Schema.QualifiedName Partition) : AlterAction(At);

/// <summary>RENAME TO or SET SCHEMA of a table.</summary>
internal sealed record RenameTableAction(SqlToken At, QualifiedName NewName) : AlterAction(At)
{
    /// <summary>
    /// The name <paramref name="from"/> gets: SET SCHEMA keeps its name, and an unqualified
    /// RENAME TO keeps its schema on PostgreSQL (MySQL's unqualified name is the current database's).
    /// </summary>
    public QualifiedName Target(QualifiedName from, bool postgres)
        => new(NewName.Schema.Length == 0 && postgres ? from.Schema : NewName.Schema, NewName.Name.Length == 0 ? from.Name : NewName.Name);
}

/// <summary>MySQL <c>DROP INDEX</c>/<c>DROP KEY</c>/<c>DROP PRIMARY KEY</c>: drops a UNIQUE or PRIMARY key of that name; a plain index is not tracked.</summary>
internal sealed record DropIndexAction(SqlToken At, string Name, bool IfExists) : AlterAction(At);

/// <summary>MySQL <c>ALTER INDEX name VISIBLE</c>, MariaDB <c>ALTER INDEX name [NOT] IGNORED</c>: only the name is tracked, which must be an index of the table.</summary>
internal sealed record AlterIndexAction(SqlToken At, string Name) : AlterAction(At);

/// <summary>MySQL <c>RENAME INDEX</c>/<c>RENAME KEY</c>: renames a UNIQUE key of that name; a plain index is not tracked.</summary>
internal sealed record RenameIndexAction(SqlToken At, string From, string To) : AlterAction(At);

/// <summary>MySQL <c>ADD COLUMN (a ..., b ...)</c>.</summary>
internal sealed record AddColumnsAction(SqlToken At, IReadOnlyList<AddColumnAction> Columns) : AlterAction(At);

/// <summary>
/// PostgreSQL <c>CREATE TABLE name AS</c> a query whose columns are certain: <c>TABLE source</c>,
/// or <c>SELECT *</c> or plain column names (<paramref name="Columns"/>: each source column and
/// the name it gets; <see langword="null"/> for every column) from one table, optionally
/// filtered and ordered, <c>WITH [NO] DATA</c>. <paramref name="SourceAt"/> is where the query names
/// its table, where a copy that cannot be modelled is reported.
/// </summary>
internal sealed record CreateTableCopyStatement(SqlToken At, QualifiedName Name, bool IfNotExists, QualifiedName Source, SqlToken SourceAt, IReadOnlyList<(string Column, string As)>? Columns) : SqlStatement(At)
{
    /// <summary>The names of <c>CREATE TABLE name (a, b) AS</c>, each where it is written: they rename the query's first columns in order; null without a list.</summary>
    public IReadOnlyList<(string Name, SqlToken At)>? ColumnNames { get; init; }
}

/// <summary>
/// MySQL <c>CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name LIKE source</c> (or <c>(LIKE source)</c>):
/// an empty copy of the source table's definition. <paramref name="SourceAt"/> is where the source is named.
/// </summary>
internal sealed record CreateTableLikeStatement(SqlToken At, QualifiedName Name, bool IfNotExists, bool OrReplace, QualifiedName Source, SqlToken SourceAt) : SqlStatement(At);
