using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SchemaTasks.Analyzers.Flow;

/// <summary>
/// The string constants a value can evaluate to, each as the operation that spells it, so a
/// finding points at the literal itself. Follows conditional (<c>?:</c>), switch and
/// coalescing (<c>??</c>) expressions, however nested, and a local whose every assignment is
/// such a constant. Parts that are not constants are skipped: they are known only at run time.
/// </summary>
internal static class ConstantSources
{
    // Deep enough for any expression a person writes; it only bounds pathological nesting.
    private const int MaxDepth = 32;

    /// <summary>The string constants <paramref name="value"/> can evaluate to.</summary>
    public static IReadOnlyList<IOperation> Of(IOperation value)
    {
        var found = new List<IOperation>();
        Collect(value, found, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);
        return found;
    }

    // Adds the constants of operation to found; returns false when some part of it is not a
    // constant, which the caller needs to know only when it follows a local.
    private static bool Collect(IOperation operation, List<IOperation> found, HashSet<ILocalSymbol> following, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (operation.ConstantValue.HasValue)
        {
            if (operation.ConstantValue.Value is string)
            {
                found.Add(operation);
            }

            return true; // null, or a constant of another type: nothing a string member receives.
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Collect(conversion.Operand, found, following, depth + 1);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Collect(conditional.WhenTrue, found, following, depth + 1) & Collect(whenFalse, found, following, depth + 1);
            case ISwitchExpressionOperation switchExpression:
                var all = true;
                foreach (var arm in switchExpression.Arms)
                {
                    all &= Collect(arm.Value, found, following, depth + 1);
                }

                return all;
            case ICoalesceOperation coalesce:
                return Collect(coalesce.Value, found, following, depth + 1) & Collect(coalesce.WhenNull, found, following, depth + 1);
            case ILocalReferenceOperation local:
                return CollectLocal(local, found, following, depth);
            default:
                return false;
        }
    }

    // A local is followed only when every value it is ever given is a constant; then any of them
    // can reach the reference. Otherwise none is reported, since the local may hold anything.
    private static bool CollectLocal(ILocalReferenceOperation reference, List<IOperation> found, HashSet<ILocalSymbol> following, int depth)
    {
        var local = reference.Local;
        if (!IsPlainDeclaration(local) || !following.Add(local))
        {
            return false;
        }

        try
        {
            if (AssignedValues(local, reference) is not { } values)
            {
                return false;
            }

            var constants = new List<IOperation>();
            foreach (var value in values)
            {
                if (!Collect(value, constants, following, depth + 1))
                {
                    return false;
                }
            }

            found.AddRange(constants);
            return true;
        }
        finally
        {
            following.Remove(local);
        }
    }

    // foreach variables, pattern and out variables, catch and using variables get values the
    // body does not spell out, so only `T name [= value];` statements are followed.
    private static bool IsPlainDeclaration(ILocalSymbol local)
        => !local.IsRef
        && local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } } };

    // Every value assigned to local in the body that holds reference, or null when the local is
    // written in any other way (compound assignment, ref or out argument, deconstruction, ref taken).
    private static List<IOperation>? AssignedValues(ILocalSymbol local, IOperation reference)
    {
        var root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var values = new List<IOperation>();
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        values.Add(initializer.Value);
                    }

                    break;
                case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local):
                    if (use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use)
                    {
                        values.Add(assignment.Value);
                    }
                    else if (IsWritten(use))
                    {
                        return null;
                    }

                    break;
            }
        }

        return values;
    }

    private static bool IsWritten(ILocalReferenceOperation use) => use.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == use, // compound and ??= assignments
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
        IAddressOfOperation => true,
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } } => true, // ref var alias = ref local;
        ITupleOperation => true, // a deconstruction's target; a tuple that only reads it costs a missed check
        IDeclarationExpressionOperation => true,
        _ => use.IsDeclaration,
    };
}
