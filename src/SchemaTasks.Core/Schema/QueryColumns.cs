using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The columns a PostgreSQL query yields (<see cref="QueryShape"/>), where they are certain:
/// names as the server chooses them and types as format_type shows them, each rule checked on
/// PostgreSQL 15. A column reference takes the column's type (a domain or enum stays one); a
/// cast, its type (built in, or an enum or domain the migrations create); count gives bigint, max
/// and min their argument's built-in type (varchar's is text, and lengths and precisions go) or
/// enum, sum and avg the types the server declares for them, bool_and, bool_or and every boolean,
/// string_agg text, a comparison boolean; <c>+ - * / %</c> and <c>-x</c> the type of the operator the
/// server resolves for built-in number, date, time and interval types (<see cref="QueryArithmetic"/>);
/// a call of a function the migrations created, its return type where the server surely resolves
/// the call to it (<see cref="RoutineReturnTypes"/>); a UNION (and coalesce) resolves branches of one type,
/// an untyped NULL or string beside a type (a built-in type without its length or precision, an
/// enum as itself), and the integer, numeric and double precision types together (the widest);
/// window functions, the current time, date_part, extract, date_trunc, enum_range and unnest
/// (QueryColumns.Calls), calls of the migrations' anyelement and anycompatible functions
/// (QueryColumns.Polymorphic), and WITH queries, whose columns a FROM item's unqualified name finds.
/// Anything else, and any name not found once among the FROM items, is
/// unknown: the caller keeps the columns unknown rather than guess.
/// </summary>
internal static partial class QueryColumns
{
    // The built-in numeric types UNION and coalesce resolve together, narrowest first (implicit casts go up only).
    private static readonly string[] NumericLadder = ["smallint", "integer", "bigint", "numeric", "double precision"];

    /// <summary>The query's columns, all nullable and without defaults (the columns of a table made from it); null when not certain.</summary>
    /// <param name="catalog">The schema the query reads.</param>
    /// <param name="query">The query's shape.</param>
    /// <param name="context">The run: the migrations' functions, the temporary tables, the rules of names.</param>
    /// <param name="planned">
    /// Whether the columns are those of the planned query (CREATE TABLE ... AS, SELECT ... INTO, a
    /// materialized view), not of the parsed one (a view): the planner inlines SQL functions, which
    /// may give back a length or precision the parsed call's type has not (numeric(10,2) for a
    /// function declared numeric that returns its argument), so such a column is not certain there.
    /// </param>
    /// <param name="plannedOtherwise">The columns whose type the planned query may show with a length or precision (of a view, kept for a table made from it).</param>
    public static ImmutableArray<CatalogColumn>? Derive(Catalog catalog, QueryShape query, ApplyContext context, bool planned, out ImmutableHashSet<string>? plannedOtherwise)
    {
        plannedOtherwise = null;
        if (Columns(catalog, query, context, NoQueries) is not { } columns) return null;
        if (columns.Any(c => c.Type.Planned))
        {
            if (planned) return null;
            plannedOtherwise = columns.Where(c => c.Type.Planned).Select(c => c.Name).ToImmutableHashSet(StringComparer.Ordinal);
        }

        var result = ImmutableArray.CreateBuilder<CatalogColumn>(columns.Count);
        foreach (var (name, type) in columns)
        {
            // A column of a constant of unknown type (NULL, 'text') is made text.
            result.Add(new CatalogColumn(name, type.Type ?? "text", IsNullable: true, Default: null) { TypeReference = type.Reference, IsArray = type.IsArray });
        }

        return result.MoveToImmutable();
    }

    // The WITH queries a FROM item's unqualified name finds, by name: their columns.
    private static readonly ImmutableDictionary<string, List<(string Name, ValueType Type)>> NoQueries = ImmutableDictionary.Create<string, List<(string Name, ValueType Type)>>(StringComparer.Ordinal);

    /// <summary>A value's type: <see cref="Type"/> null for the unknown type of NULL and quoted strings.</summary>
    private readonly record struct ValueType(string? Type, QualifiedName? Reference = null, bool IsArray = false)
    {
        /// <summary>A quoted string of unknown type, which the server converts to the type beside it, perhaps failing.</summary>
        public bool Quoted { get; init; }

        /// <summary>
        /// A value the planner may give a length or precision its parsed type has not (a call of
        /// a function it may inline), where the type takes one: a table made from the planned query may differ.
        /// </summary>
        public bool Planned { get; init; }

        public bool IsPlainBuiltin => Type is not null && Reference is null && !IsArray;

        public static ValueType Of(CatalogColumn column) => new(column.Type, column.TypeReference, column.IsArray);
    }

    private static List<(string Name, ValueType Type)>? Columns(Catalog catalog, QueryShape query, ApplyContext context, ImmutableDictionary<string, List<(string Name, ValueType Type)>> queries)
    {
        switch (query)
        {
            case SelectShape select:
                return SelectColumns(catalog, select, context, queries);
            case WithShape with:
                // WITH RECURSIVE: a query may read any of the list, a later one too, whose columns are not read until it is.
                if (with.Recursive) foreach (var named in with.Queries) queries = queries.SetItem(named.Name, NotYetRead);
                foreach (var named in with.Queries)
                {
                    // A name given twice is refused (42712), and so is a list of more names than columns (42P10).
                    var recursive = with.Recursive ? named.Query as UnionShape : null;
                    if (with.Queries.Count(q => q.Name == named.Name) > 1 || Columns(catalog, recursive?.Left ?? named.Query, context, queries) is not { } columns) return null;
                    if (named.ColumnNames is { } names)
                    {
                        if (names.Count > columns.Count) return null;
                        for (var i = 0; i < names.Count; i++) columns[i] = (names[i], columns[i].Type);
                    }

                    if (recursive is not null && RecursiveColumns(catalog, recursive.Right, columns, named.Name, context, queries) is null) return null;
                    queries = queries.SetItem(named.Name, columns);
                }

                return Columns(catalog, with.Body, context, queries);
            case UnionShape union:
                if (Columns(catalog, union.Left, context, queries) is not { } left || Columns(catalog, union.Right, context, queries) is not { } right || left.Count != right.Count) return null;
                for (var i = 0; i < left.Count; i++)
                {
                    if (Common(catalog, [left[i].Type, right[i].Type]) is not { } common) return null;
                    left[i] = (left[i].Name, common);
                }

                return left;
            default:
                return null;
        }
    }

    // A WITH query's columns not read yet (a later query of WITH RECURSIVE, or the one being read): a FROM item of it is not read.
    private static readonly List<(string Name, ValueType Type)> NotYetRead = [];

    /// <summary>
    /// The recursive term of a WITH RECURSIVE query (the right of its last UNION), reading the query
    /// as <paramref name="columns"/>, the non-recursive term's: its columns must resolve with them to
    /// the very types (PostgreSQL 15 refuses other types or lengths, 42804, "has type integer in
    /// non-recursive term but type numeric overall"). The columns are the non-recursive term's then; null when not certain.
    /// </summary>
    private static List<(string Name, ValueType Type)>? RecursiveColumns(Catalog catalog, QueryShape term, List<(string Name, ValueType Type)> columns, string name, ApplyContext context, ImmutableDictionary<string, List<(string Name, ValueType Type)>> queries)
    {
        if (columns.Any(c => c.Type.Type is null)) return null;
        if (Columns(catalog, term, context, queries.SetItem(name, columns)) is not { } recursed || recursed.Count != columns.Count) return null;
        for (var i = 0; i < columns.Count; i++)
        {
            var before = columns[i].Type;
            if (Common(catalog, [before, recursed[i].Type]) is not { } common || (common.Type, common.Reference, common.IsArray) != (before.Type, before.Reference, before.IsArray)) return null;
            if (common.Planned) columns[i] = (columns[i].Name, before with { Planned = true });
        }

        return columns;
    }

    private static List<(string Name, ValueType Type)>? SelectColumns(Catalog catalog, SelectShape select, ApplyContext context, ImmutableDictionary<string, List<(string Name, ValueType Type)>> queries)
    {
        var sources = new List<(string Reference, List<(string Name, ValueType Type)> Columns)>(select.From.Count);
        foreach (var item in select.From)
        {
            if (SourceColumns(catalog, item, context, queries) is not { } columns) return null;

            // A subquery without an alias is one no name reaches (PostgreSQL 16 and later take it).
            var reference = item.Alias ?? item.Relation?.Name ?? string.Empty;
            if (reference.Length > 0 && sources.Any(s => s.Reference == reference)) return null; // The server refuses a name given twice (42712).
            sources.Add((reference, columns));
        }

        var result = new List<(string Name, ValueType Type)>();
        foreach (var item in select.Items)
        {
            if (item.IsStar)
            {
                if (item.StarOf is { } of)
                {
                    if (sources.FirstOrDefault(s => s.Reference == of).Columns is not { } named) return null;
                    result.AddRange(named);
                }
                else
                {
                    if (sources.Count == 0) return null;
                    foreach (var source in sources) result.AddRange(source.Columns);
                }

                continue;
            }

            if (Value(catalog, item.Expression!, sources, context) is not { } value) return null;
            result.Add((item.Alias ?? value.Name, value.Type));
        }

        return result;
    }

    // A FROM item's columns: a WITH query's (an unqualified name finds it before any table), a
    // table's or a view's the engine knows, or a subquery's.
    private static List<(string Name, ValueType Type)>? SourceColumns(Catalog catalog, FromShape item, ApplyContext context, ImmutableDictionary<string, List<(string Name, ValueType Type)>> queries)
    {
        if (item.Subquery is { } subquery) return Columns(catalog, subquery, context, queries);
        var name = item.Relation!.Value;
        if (!item.Qualified && queries.TryGetValue(name.Name, out var withColumns)) return ReferenceEquals(withColumns, NotYetRead) ? null : [.. withColumns];
        if (context.TemporaryTables.Contains(name.Name)) return null; // A temporary table may hide it.
        if (catalog.FindTable(name) is { } table) return [.. table.Columns.Select(c => (c.Name, ValueType.Of(c)))];
        if (catalog.Relations.Named.TryGetValue(name, out var relation) && !relation.Uncertain && !catalog.Relations.MayHaveGone(name) && relation.Columns is { } columns
            && columns.All(c => c.TypeReference is not { } type || catalog.EnumTypes.ContainsKey(type) || catalog.Domains.ContainsKey(type)))
        {
            // A view's column of a type since renamed or dropped is not the one recorded.
            return [.. columns.Select(c => (c.Name, ValueType.Of(c) with { Planned = relation.PlannedOtherwise?.Contains(c.Name) == true }))];
        }

        return null;
    }

    private static bool HasModifier(ValueType type) => type.Type?.IndexOf('(') >= 0;

    // NULL, or NULL cast to a type.
    private static bool IsNull(ExpressionShape expression)
        => expression is ConstantShape { Type: null, Quoted: false } || (expression is CastShape cast && IsNull(cast.Inner));

    // Whether the expression names its column (a column, a call, a CASE or cast of one), rather
    // than leaving the name to what holds it (a cast's type name, "case", "?column?").
    private static bool Names(ExpressionShape expression) => expression switch
    {
        ColumnShape or CallShape => true,
        CastShape cast => Names(cast.Inner),
        CaseShape choice => choice.Else is { } otherwise && Names(otherwise),
        _ => false,
    };

    // A cast's type: a built-in one, or an enum or domain the migrations create.
    private static ValueType? CastType(Catalog catalog, CastShape cast, ApplyContext context)
    {
        if (cast.Type is { } builtin) return new ValueType(builtin);
        if (cast.Spec.UserType is null || cast.Spec.IsArray) return null;
        var (text, reference) = ColumnFactory.ResolveType(catalog, cast.Spec, context.Rules);
        return reference is null ? null : new ValueType(text, reference);
    }

    private static (string Name, ValueType Type)? Value(Catalog catalog, ExpressionShape expression, List<(string Reference, List<(string Name, ValueType Type)> Columns)> sources, ApplyContext context)
    {
        switch (expression)
        {
            case ColumnShape column:
            {
                var found = new List<(string Name, ValueType Type)>(1);
                foreach (var source in sources)
                {
                    if (column.Qualifier is { } qualifier && source.Reference != qualifier) continue;
                    found.AddRange(source.Columns.Where(c => c.Name == column.Column));
                }

                return found.Count == 1 ? found[0] : null;
            }

            case ConstantShape constant:
                return (constant.Name, new ValueType(constant.Type) { Quoted = constant.Quoted });
            case CastShape cast:
            {
                if (CastType(catalog, cast, context) is not { } type) return null;

                // A call's value is converted whatever its type (the server refuses a cast it has not):
                // the function's name is the column's. A column or cast names the value; a constant or comparison leaves the type's name.
                // A cast to the value's own type without a modifier is no conversion: what the planner gives the value stays.
                if (Value(catalog, cast.Inner, sources, context) is { Type: { Planned: true } planned } && planned.Type == type.Type) type = type with { Planned = true };
                if (cast.Inner is CallShape call) return (call.Function, type);
                if (Value(catalog, cast.Inner, sources, context) is not { } inner) return null;
                return Names(cast.Inner) ? (inner.Name, type) : cast.Name is { } name ? (name, type) : null;
            }

            case CaseShape choice:
            {
                var results = new List<ValueType>(choice.Results.Count + 1);
                (string Name, ValueType Type)? otherwise = null;
                foreach (var result in choice.Else is { } last ? choice.Results.Append(last) : choice.Results)
                {
                    if (Value(catalog, result, sources, context) is not { } value) return null;
                    results.Add(value.Type);
                    otherwise = value;
                }

                // A length or precision survives only when every result, an ELSE included, has it: the
                // server folds constant conditions away before it makes the table (CASE WHEN true
                // THEN v END keeps v's length, CASE WHEN b THEN v END loses it), so any other CASE
                // over such a type is not read.
                if (results.Any(HasModifier) && !(choice.Else is not null && results.All(r => r == results[0]))) return null;

                // Without ELSE the CASE may be NULL, an untyped one: a domain becomes its base type (not read here).
                if (choice.Else is null) results.Add(new ValueType(null));
                if (Common(catalog, results) is not { } type) return null;
                return (choice.Else is { } named && Names(named) ? otherwise!.Value.Name : "case", type);
            }

            case NegationShape negation:
            {
                if (Value(catalog, negation.Operand, sources, context) is not { } value || BaseOf(catalog, value.Type) is not { IsPlainBuiltin: true } operand) return null;
                return QueryArithmetic.Negated(WithoutModifier(operand.Type!)) is { } negated ? ("?column?", new ValueType(negated)) : null;
            }

            case ArithmeticShape arithmetic:
            {
                if (Value(catalog, arithmetic.Left, sources, context) is not { } leftValue || BaseOf(catalog, leftValue.Type) is not { IsPlainBuiltin: true } left
                    || Value(catalog, arithmetic.Right, sources, context) is not { } rightValue || BaseOf(catalog, rightValue.Type) is not { IsPlainBuiltin: true } right)
                {
                    return null;
                }

                return QueryArithmetic.Binary(WithoutModifier(left.Type!), arithmetic.Operator, WithoutModifier(right.Type!)) is { } result ? ("?column?", new ValueType(result)) : null;
            }

            case ComparisonShape comparison:
            {
                if (Value(catalog, comparison.Left, sources, context) is not { } left) return null;
                if (comparison.Right is { } rightShape && (Value(catalog, rightShape, sources, context) is not { } right || Common(catalog, [left.Type, right.Type]) is null)) return null;
                return ("?column?", new ValueType("boolean"));
            }

            case LogicShape logic:
            {
                // The server refuses an operand of another type (42804), and reads a quoted one as a boolean, perhaps failing (22P02): only booleans and NULL are read.
                foreach (var operand in logic.Operands)
                {
                    if (Value(catalog, operand, sources, context) is not { } value || !(value.Type is { IsPlainBuiltin: true, Type: "boolean" } || operand is ConstantShape { Type: null, Quoted: false })) return null;
                }

                return ("?column?", new ValueType("boolean"));
            }

            case CallShape call:
            {
                var arguments = new List<ValueType?>(call.Arguments.Count);
                foreach (var argument in call.Arguments) arguments.Add(Value(catalog, argument, sources, context)?.Type);

                // pg_catalog.f(...) is the built-in f, whatever the migrations made (coalesce, greatest and least are no functions there).
                var builtIn = call.Schema is null || (call.Schema == "pg_catalog" && call.Function is not ("coalesce" or "greatest" or "least"));
                if (builtIn && arguments.All(a => a is not null))
                {
                    var known = arguments.Select(a => a!.Value).ToList();

                    // The server drops coalesce's NULL arguments before it makes the table, so a length a
                    // NULL would take away may be kept (coalesce(NULL, v) is v's type): not read.
                    if (call.Function == "coalesce" && known.Any(HasModifier) && call.Arguments.Any(IsNull)) return null;
                    if (call.Window) return WindowCallType(catalog, call, known) is { } windowed ? (call.Function, windowed) : null;
                    if ((CallType(catalog, call, known) ?? TimeCallType(call, known) ?? ArrayCallType(catalog, call, known)) is { } type) return (call.Function, type);
                }

                // An aggregate or window function the migrations created is not read.
                if (call.Window) return null;
                return call.Schema != "pg_catalog" && FunctionType(catalog, call, arguments, context) is { } returned ? (call.Function, returned) : null;
            }

            default:
                return null;
        }
    }

    // A function the migrations created, where the call surely resolves to it (RoutineReturnTypes.Resolve).
    private static ValueType? FunctionType(Catalog catalog, CallShape call, List<ValueType?> arguments, ApplyContext context)
    {
        if (call.Star) return null;
        var types = arguments.Select(a => a is not { } type ? null
            : type.IsPlainBuiltin ? WithoutModifier(type.Type!)
            : type is { Reference: { } reference, IsArray: false } ? $"{reference.Schema}.{reference.Name}"
            : type.Type is null ? null
            : "?").ToList(); // A type not read: matches no parameter.
        var returns = context.Overloads.Returns;
        var schema = call.Schema ?? context.Rules.DefaultSchema;
        var qualified = call.Schema is not null;
        if (returns.Resolve(catalog, call.Function, [.. types.Select(_ => (string?)null)], schema, qualified) is { } only && IsPolymorphic(only))
        {
            return MayTakeModifier(catalog, PolymorphicType(catalog, call, only, arguments, types, schema, context), arguments);
        }

        if (returns.Resolve(catalog, call.Function, types, schema, qualified) is not { Type: { } returned } function || IsPolymorphic(returned)) return null;
        return RoutineReturnTypes.StillSame(catalog, function) ? MayTakeModifier(catalog, new ValueType(returned, function.Reference), arguments) : null;
    }

    // A function's value of a built-in type that takes a length or precision: the planner, inlining
    // a SQL function whose body returns an argument, gives the value that argument's (checked on
    // PostgreSQL 15: f(n) of a numeric(10,2) n is numeric in a view, numeric(10,2) in a table made
    // from the query). The body's own casts are made the declared type, so only an argument may
    // bring one: one with a length or precision, a domain (of a base type that may have one), one
    // itself of such a call, or one not read.
    private static ValueType? MayTakeModifier(Catalog catalog, ValueType? type, List<ValueType?> arguments)
        => type is { IsPlainBuiltin: true, Type: { } name } && TakesModifier(name)
           && arguments.Any(a => a is not { } argument || HasModifier(argument) || argument.Planned || (argument.Reference is { } reference && catalog.Domains.ContainsKey(reference)))
            ? type.Value with { Planned = true }
            : type;

    private static bool TakesModifier(string type) => WithoutModifier(type) is "character varying" or "character" or "numeric" or "timestamp without time zone"
        or "timestamp with time zone" or "time without time zone" or "time with time zone" or "interval" or "bit" or "bit varying";

    // The result type of the aggregates and functions whose type is fixed by their argument's.
    private static ValueType? CallType(Catalog catalog, CallShape call, List<ValueType> arguments)
    {
        if (call.Star) return call.Function == "count" && arguments.Count == 0 ? new ValueType("bigint") : null;
        if (call.Function is "coalesce" or "greatest" or "least") return arguments.Count > 0 ? Common(catalog, arguments) : null;
        if (call.Function == "string_agg")
        {
            return arguments.Count == 2 && IsText(arguments[0]) && (arguments[1].Type is null || IsText(arguments[1])) ? new ValueType("text") : null;
        }

        if (arguments.Count != 1) return null;
        if (call.Function == "count") return new ValueType("bigint");
        var argument = arguments[0];

        // max and min of an enum are of the enum; an aggregate of a domain is its base type's.
        if (call.Function is "max" or "min" && argument is { Reference: { } enumType, IsArray: false } && catalog.EnumTypes.ContainsKey(enumType)) return argument;
        argument = BaseOf(catalog, argument);
        if (!argument.IsPlainBuiltin) return null;
        var type = argument.Type!;
        var bare = WithoutModifier(type);
        return call.Function switch
        {
            "max" or "min" => bare switch
            {
                "smallint" or "integer" or "bigint" or "numeric" or "real" or "double precision" or "date" or "text"
                    or "timestamp without time zone" or "timestamp with time zone" => new ValueType(bare),
                "character varying" => new ValueType("text"),
                _ => null,
            },
            "sum" => bare switch
            {
                "smallint" or "integer" => new ValueType("bigint"),
                "bigint" or "numeric" => new ValueType("numeric"),
                "real" or "double precision" => new ValueType(bare),
                _ => null,
            },
            "avg" => bare switch
            {
                "smallint" or "integer" or "bigint" or "numeric" => new ValueType("numeric"),
                "real" or "double precision" => new ValueType("double precision"),
                _ => null,
            },
            "bool_and" or "bool_or" or "every" => type == "boolean" ? new ValueType("boolean") : null,
            _ => null,
        };
    }

    // A domain's value as an operator or aggregate takes it: of the domain's base type, when that is
    // a built-in type (the server resolves them for the base type); any other value as it is.
    private static ValueType BaseOf(Catalog catalog, ValueType type)
        => type is { Reference: { } name, IsArray: false } && catalog.Domains.TryGetValue(name, out var domain) && domain.BaseTypeReference is null
           && !domain.BaseType.EndsWith("]", StringComparison.Ordinal) && !domain.BaseType.Contains(" ARRAY", StringComparison.OrdinalIgnoreCase)
            ? new ValueType(domain.BaseType)
            : type;

    private static bool IsText(ValueType type) => type.IsPlainBuiltin && (type.Type == "text" || WithoutModifier(type.Type!) == "character varying");

    /// <summary>
    /// The type PostgreSQL resolves values of <paramref name="types"/> to (UNION, coalesce), in
    /// the cases checked on the server; null otherwise.
    /// </summary>
    private static ValueType? Common(Catalog catalog, List<ValueType> types)
    {
        // What the planner may give back to one value, it may to the CASE or coalesce of them all.
        var common = CommonType(catalog, types);
        return common is { } type && types.Any(t => t.Planned) ? type with { Planned = true } : common;
    }

    private static ValueType? CommonType(Catalog catalog, List<ValueType> types)
    {
        var known = types.Where(t => t.Type is not null).ToList();
        if (known.Count == 0) return new ValueType(null);
        var first = known[0];
        var untyped = known.Count < types.Count;

        // A string beside a type is read as that type: certain to succeed only for text ones.
        if (types.Any(t => t.Quoted) && !known.All(t => t.IsPlainBuiltin && (t.Type == "text" || WithoutModifier(t.Type!) == "character varying"))) return null;
        if (known.All(t => t == first))
        {
            if (!untyped) return first;

            // Beside an untyped value the type loses its length or precision, and a domain its name
            // (becoming its base type, not read here); an enum stays itself.
            if (first is { Reference: { } enumType, IsArray: false } && catalog.EnumTypes.ContainsKey(enumType)) return first;
            return first.IsPlainBuiltin && StripModifier(first.Type!) is { } stripped ? new ValueType(stripped) : null;
        }

        if (!known.All(t => t.IsPlainBuiltin)) return null;
        var widest = -1;
        foreach (var type in known)
        {
            var rank = Array.IndexOf(NumericLadder, WithoutModifier(type.Type!));
            if (rank < 0) return null;
            widest = Math.Max(widest, rank);
        }

        return new ValueType(NumericLadder[widest]);
    }

    // The type without its modifier, where format_type then shows the name (bpchar, bit and interval fields are not read).
    private static string? StripModifier(string type)
    {
        if (type.IndexOf('(') < 0) return type;
        var bare = WithoutModifier(type);
        return bare is "character varying" or "numeric" or "timestamp without time zone" or "timestamp with time zone" or "time without time zone" or "time with time zone" ? bare : null;
    }

    private static string WithoutModifier(string type)
    {
        var open = type.IndexOf('(');
        if (open < 0) return type;
        var close = type.IndexOf(')', open);
        return close < 0 ? type : type[..open] + type[(close + 1)..];
    }
}
