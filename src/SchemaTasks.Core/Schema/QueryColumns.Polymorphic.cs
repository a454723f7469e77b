using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

// Calls of the migrations' own polymorphic functions (parameters or value of anyelement or
// anycompatible): the type is resolved from the arguments as PostgreSQL 15 resolves it.
internal static partial class QueryColumns
{
    private static bool IsPolymorphic(string type) => type.StartsWith("any", StringComparison.Ordinal);

    private static bool IsPolymorphic(RoutineReturn function) => function.Inputs.Any(IsPolymorphic) || (function.Type is { } type && IsPolymorphic(type));

    /// <summary>
    /// The value of a call of <paramref name="function"/>, the one overload of its name, which takes
    /// or returns anyelement or anycompatible. The other arguments must convert to their parameters
    /// (<see cref="RoutineReturnTypes.Resolve"/> decides). The anyelement arguments of a known type
    /// must all be of one type, which an untyped NULL beside takes (and an untyped string, when
    /// text); anycompatible ones resolve as coalesce does. Null when not certain: no typed argument
    /// (the server refuses), types that differ (refused), a type
    /// with a length or precision (the server may keep it when it inlines the function), any other
    /// polymorphic type. The call is resolved again in <paramref name="schema"/>, the one its name
    /// was first resolved in: a call written with its schema (<c>app.f(...)</c>) looks there only.
    /// </summary>
    private static ValueType? PolymorphicType(Catalog catalog, CallShape call, RoutineReturn function, List<ValueType?> arguments, List<string?> types, string schema, ApplyContext context)
    {
        if (arguments.Count > function.Inputs.Count) return null;
        var others = types.Select((type, i) => IsPolymorphic(function.Inputs[i]) ? null : type).ToList();
        if (!ReferenceEquals(context.Overloads.Returns.Resolve(catalog, call.Function, others, schema, qualified: call.Schema is not null), function)) return null;

        var element = new List<ValueType>();
        var compatible = new List<ValueType>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var input = function.Inputs[i];
            if (!IsPolymorphic(input)) continue;
            if (arguments[i] is not { } argument) return null;
            if (input == "anyelement") element.Add(argument);
            else if (input == "anycompatible") compatible.Add(argument);
            else return null;
        }

        // A parameter with a default is not read when the call leaves it out.
        if (function.Inputs.Skip(arguments.Count).Any(IsPolymorphic)) return null;

        ValueType? elementType = element.Count == 0 ? null : SameType(element);
        ValueType? compatibleType = compatible.Count == 0 ? null : Common(catalog, compatible) is { Type: not null } common ? common : null;
        if ((element.Count > 0 && elementType is null) || (compatible.Count > 0 && compatibleType is null)) return null;
        return function.Type switch
        {
            null => null,
            "anyelement" => elementType is { } type && Resolvable(catalog, type) ? type : null,
            "anycompatible" => compatibleType is { } type && Resolvable(catalog, type) ? type : null,
            { } type when IsPolymorphic(type) => null,
            { } type => RoutineReturnTypes.StillSame(catalog, function) ? new ValueType(type, function.Reference) : null,
        };
    }

    // The one type of anyelement's arguments, which an untyped NULL beside takes, and an untyped string when it is text.
    private static ValueType? SameType(List<ValueType> arguments)
    {
        var typed = arguments.Where(a => a.Type is not null).ToList();
        if (typed.Count == 0 || typed.Any(t => t != typed[0])) return null;
        if (arguments.Any(a => a.Quoted) && !(typed[0].IsPlainBuiltin && typed[0].Type == "text")) return null;
        return typed[0];
    }

    // A value's type the function's value takes: a built-in type without modifier (the server may
    // keep one when it inlines the function), an enum or an array of one, a domain (arguments of one
    // domain keep it; with another type beside, Common leaves it unread).
    private static bool Resolvable(Catalog catalog, ValueType type)
        => type.Reference is { } reference ? catalog.EnumTypes.ContainsKey(reference) || (!type.IsArray && catalog.Domains.ContainsKey(reference)) : type.IsPlainBuiltin && !HasModifier(type);
}
