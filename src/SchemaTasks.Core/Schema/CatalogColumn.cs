using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A column of a <see cref="CatalogTable"/>.</summary>
/// <param name="Name">The column name as declared (PostgreSQL folds unquoted names to lower case).</param>
/// <param name="Type">
/// The type, normalised per dialect so equivalent spellings agree: PostgreSQL
/// <c>character varying(20)</c>, <c>timestamp(3) without time zone</c>, <c>"JobStatus"</c>,
/// <c>momentum."ScheduleFrequency"[]</c>; MySQL <c>varchar(20)</c>, <c>enum('a','b')</c>.
/// </param>
/// <param name="IsNullable">Whether the column accepts NULL.</param>
/// <param name="Default">The default expression, whitespace-normalised with unquoted words in lower case, or <see langword="null"/>.</param>
public sealed record CatalogColumn(string Name, string Type, bool IsNullable, string? Default)
{
    /// <summary>
    /// The enum type or domain the column's type names (the element type for arrays), when
    /// the migrations created it; <see langword="null"/> for built-in and unknown types.
    /// </summary>
    public QualifiedName? TypeReference { get; init; }

    /// <summary>Whether the type is an array (PostgreSQL); allowed values then apply to each element.</summary>
    public bool IsArray { get; init; }

    /// <summary>The value list of a MySQL <c>ENUM(...)</c> or <c>SET(...)</c> column, in declared order.</summary>
    public InlineValueList? InlineValues { get; init; }

    /// <summary>
    /// PostgreSQL: whether the column is an identity column, whose NOT NULL the server keeps until
    /// DROP IDENTITY. Known only for catalogs the migrations build: the snapshot does not record
    /// it, as the schema it describes is the same either way.
    /// </summary>
    internal bool IsIdentity { get; init; }

    /// <summary>
    /// A generated column's expression: the names in it that may be columns of its table (folded
    /// as the dialect folds them); <see langword="null"/> for a column that is not generated. The
    /// servers refuse to drop (and PostgreSQL to retype) a column such an expression uses
    /// (<see cref="GeneratedColumnDependencies"/>). Known only for catalogs the migrations build.
    /// </summary>
    internal ImmutableSortedSet<string>? GeneratedFrom { get; init; }

    /// <summary>
    /// A generated column's expression as written, for the functions it calls: PostgreSQL drops
    /// the column with such a function (<see cref="RoutineDependents"/>). Known only for catalogs the migrations build.
    /// </summary>
    internal string? GeneratedExpression { get; init; }

    /// <summary>MySQL and MariaDB: whether a generated column is STORED (PERSISTENT) rather than VIRTUAL; MariaDB refuses an index over a virtual one whose value is not the row's alone (<see cref="MySqlGeneratedColumnFunctions"/>). Known only for catalogs the migrations build.</summary>
    internal bool GeneratedStored { get; init; }

    /// <summary>MySQL and MariaDB: whether the column is AUTO_INCREMENT (<see cref="AutoIncrementColumns"/>). Known only for catalogs the migrations build.</summary>
    internal bool IsAutoIncrement { get; init; }

    /// <summary>MySQL and MariaDB: whether the column has <c>ON UPDATE</c>, which MariaDB takes as a default of its own: an INSERT may leave it out (<see cref="MariaDbOmittedColumns"/>). Known only for catalogs the migrations build.</summary>
    internal bool HasOnUpdate { get; init; }
}

/// <summary>Which kind of MySQL inline value list a column has.</summary>
public enum InlineValueKind
{
    /// <summary><c>ENUM('a','b')</c>: exactly one of the values.</summary>
    Enum,

    /// <summary><c>SET('a','b')</c>: any combination of the values.</summary>
    Set,
}

/// <summary>The values of a MySQL <c>ENUM</c> or <c>SET</c> column type, in declared order.</summary>
/// <param name="Kind">ENUM or SET.</param>
/// <param name="Values">The values, trailing spaces removed as MySQL does.</param>
public sealed record InlineValueList(InlineValueKind Kind, ImmutableArray<string> Values);
