using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// The parts of a PostgreSQL query that decide the columns it yields, read by
// DdlParser.QueryShape for CREATE TABLE ... AS, SELECT ... INTO and views: what each select item
// is, and where its names come from. Clauses that only filter or order rows are not kept. A query
// with anything else is not read at all, and its columns stay unknown.

/// <summary>A query: one SELECT, or a UNION of two, perhaps after WITH queries.</summary>
internal abstract record QueryShape;

/// <summary><c>WITH name [(columns)] AS (query), ... body</c>: each query's columns, renamed by its list, are a FROM item's for those after it and the body.</summary>
internal sealed record WithShape(IReadOnlyList<CommonTableShape> Queries, QueryShape Body) : QueryShape
{
    /// <summary>WITH RECURSIVE: a query may read itself in the right of its UNION, and any query of the list.</summary>
    public bool Recursive { get; init; }
}

/// <summary>One query of a WITH: its name, the column names written after it (null without a list), and the query.</summary>
internal sealed record CommonTableShape(string Name, IReadOnlyList<string>? ColumnNames, QueryShape Query);

/// <summary><c>SELECT items [FROM sources]</c>, without the clauses that only choose rows.</summary>
internal sealed record SelectShape(IReadOnlyList<SelectItemShape> Items, IReadOnlyList<FromShape> From) : QueryShape;

/// <summary><c>left UNION [ALL] right</c>: the left's names, the types both resolve to.</summary>
internal sealed record UnionShape(QueryShape Left, QueryShape Right) : QueryShape;

/// <summary>A select item: <c>*</c>, <c>q.*</c> (<paramref name="StarOf"/>), or an expression and its alias.</summary>
internal sealed record SelectItemShape(ExpressionShape? Expression, string? Alias, bool IsStar, string? StarOf);

/// <summary>A FROM item: a table or view by name, or a subquery; <paramref name="Alias"/> as written.</summary>
internal sealed record FromShape(QualifiedName? Relation, QueryShape? Subquery, string? Alias)
{
    /// <summary>Whether the relation was written with its schema: only an unqualified name can be a WITH query's.</summary>
    public bool Qualified { get; init; }
}

/// <summary>An expression whose type and name can be worked out.</summary>
internal abstract record ExpressionShape;

/// <summary><c>column</c> or <c>q.column</c>.</summary>
internal sealed record ColumnShape(string? Qualifier, string Column) : ExpressionShape;

/// <summary>A constant: <c>NULL</c> and quoted strings are of unknown type, numbers and TRUE/FALSE are typed.</summary>
/// <param name="Type">The type PostgreSQL gives it, <see langword="null"/> for unknown.</param>
/// <param name="Name">The column name it gives (<c>?column?</c>, <c>bool</c> for TRUE and FALSE).</param>
internal sealed record ConstantShape(string? Type, string Name) : ExpressionShape
{
    /// <summary>A quoted string: beside a typed value the server reads it as that type, which may fail.</summary>
    public bool Quoted { get; init; }
}

/// <summary><c>x::type</c> or <c>CAST(x AS type)</c>.</summary>
/// <param name="Inner">The value cast.</param>
/// <param name="Spec">The type as written, for a type the migrations create (an enum, a domain).</param>
/// <param name="Type">A built-in type as format_type shows it; <see langword="null"/> for a user type or one not read (regclass, arrays...).</param>
/// <param name="Name">The type's last name as the grammar records it (<c>int4</c>, <c>timestamptz</c>, a user type's name), the column's name when the value gives none; <see langword="null"/> when not read.</param>
internal sealed record CastShape(ExpressionShape Inner, TypeSpec Spec, string? Type, string? Name) : ExpressionShape;

/// <summary>A call of a function by its name, <c>count(*)</c> with <paramref name="Star"/>.</summary>
internal sealed record CallShape(string Function, IReadOnlyList<ExpressionShape> Arguments, bool Star) : ExpressionShape
{
    /// <summary>The schema written before the name (<c>app.f(x)</c>); null for an unqualified call.</summary>
    public string? Schema { get; init; }

    /// <summary>Called with <c>OVER</c>: a window function, or an aggregate over a window.</summary>
    public bool Window { get; init; }
}

/// <summary><c>CASE [x] WHEN ... THEN result ... [ELSE result] END</c>: the results decide its type, the ELSE its name.</summary>
internal sealed record CaseShape(IReadOnlyList<ExpressionShape> Results, ExpressionShape? Else) : ExpressionShape;

/// <summary><c>-x</c>.</summary>
internal sealed record NegationShape(ExpressionShape Operand) : ExpressionShape;

/// <summary><c>left op right</c> for <c>+ - * / %</c>: the operator PostgreSQL resolves for the two types decides the type.</summary>
internal sealed record ArithmeticShape(ExpressionShape Left, char Operator, ExpressionShape Right) : ExpressionShape;

/// <summary>A comparison (<c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>...) or <c>IS [NOT] NULL</c>: boolean.</summary>
internal sealed record ComparisonShape(ExpressionShape Left, ExpressionShape? Right) : ExpressionShape;

/// <summary><c>a OR b ...</c>, <c>a AND b ...</c> or <c>NOT a</c> (one operand): boolean, when every operand is.</summary>
internal sealed record LogicShape(IReadOnlyList<ExpressionShape> Operands) : ExpressionShape;

/// <summary>
/// A table made from a query (<c>CREATE TABLE name [(names)] AS query</c>, <c>SELECT ... INTO name</c>)
/// whose query was read: its columns are those of the query when they are certain (<see cref="QueryColumns"/>).
/// </summary>
/// <param name="At">Where the statement starts.</param>
/// <param name="Name">The table.</param>
/// <param name="IfNotExists">Whether <c>IF NOT EXISTS</c> was written.</param>
/// <param name="Query">The query's shape.</param>
/// <param name="ColumnNames">The names of <c>CREATE TABLE name (a, b) AS</c>, each where it is written; null without a list.</param>
/// <param name="QueryAt">Where the query starts, for findings about its columns.</param>
internal sealed record TableFromQuery(SqlToken At, QualifiedName Name, bool IfNotExists, QueryShape Query, IReadOnlyList<(string Name, SqlToken At)>? ColumnNames, SqlToken QueryAt);
