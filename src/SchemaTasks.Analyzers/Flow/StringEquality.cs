using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SchemaTasks.Analyzers.Flow;

/// <summary>
/// Calls that compare two strings for equality: <c>string.Equals(a, b)</c>, <c>a.Equals(b)</c>
/// (each with or without a <c>StringComparison</c>), <c>StringComparer.X.Equals(a, b)</c> and
/// <c>object.Equals(a, b)</c>.
/// </summary>
internal static class StringEquality
{
    /// <summary>What one equality call compares.</summary>
    internal readonly struct Comparison
    {
        public Comparison(IOperation left, IOperation right, bool? ignoreCase)
        {
            Left = left;
            Right = right;
            IgnoreCase = ignoreCase;
        }

        /// <summary>One operand.</summary>
        public IOperation Left { get; }

        /// <summary>The other operand.</summary>
        public IOperation Right { get; }

        /// <summary>Whether the comparison ignores case; null when the code does not say so in a way known at compile time.</summary>
        public bool? IgnoreCase { get; }
    }

    /// <summary>The operands <paramref name="invocation"/> compares, or null when it is no string equality call.</summary>
    public static Comparison? Of(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != nameof(object.Equals))
        {
            return null;
        }

        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        switch (method.ContainingType?.SpecialType)
        {
            case SpecialType.System_String when method.IsStatic && arguments.Count is 2 or 3:
                return new Comparison(arguments[0], arguments[1], arguments.Count == 2 ? false : IgnoresCase(arguments[2]));
            case SpecialType.System_String when !method.IsStatic && invocation.Instance is { } instance && arguments.Count is 1 or 2:
                return new Comparison(instance, arguments[0], arguments.Count == 1 ? false : IgnoresCase(arguments[1]));
            case SpecialType.System_Object when method.IsStatic && arguments.Count == 2:
                return new Comparison(arguments[0], arguments[1], false); // string's Equals is ordinal
        }

        if (!method.IsStatic && arguments.Count == 2 && IsStringComparer(method.ContainingType))
        {
            return new Comparison(arguments[0], arguments[1], ComparerIgnoresCase(invocation.Instance));
        }

        return null;
    }

    private static bool IsStringComparer(INamedTypeSymbol? type)
        => type is { Name: "StringComparer", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    // StringComparison's members that ignore case are the odd ones: CurrentCultureIgnoreCase = 1,
    // InvariantCultureIgnoreCase = 3, OrdinalIgnoreCase = 5.
    private static bool? IgnoresCase(IOperation comparison)
        => comparison.ConstantValue is { HasValue: true, Value: int value } ? value % 2 == 1 : null;

    // The comparer is known only when it is one of StringComparer's own properties.
    private static bool? ComparerIgnoresCase(IOperation? comparer)
    {
        while (comparer is IConversionOperation conversion)
        {
            comparer = conversion.Operand;
        }

        return comparer is IPropertyReferenceOperation { Property: { IsStatic: true } property } && IsStringComparer(property.ContainingType)
            ? property.Name.EndsWith("IgnoreCase", System.StringComparison.Ordinal)
            : null;
    }
}
