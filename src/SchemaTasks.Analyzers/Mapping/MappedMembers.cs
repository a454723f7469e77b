using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// The <c>[DbEnum]</c> mapping a value flows into when it reaches a property, field or parameter.
/// A primary constructor parameter and the member it initialises are one mapping, whichever of
/// the two carries the attribute: <c>record Job([property: DbEnum("jobs.status")] string Status)</c>
/// checks <c>new Job("x")</c>, and <c>class Job(string status) { [DbEnum("...")] public string
/// Status { get; } = status; }</c> checks <c>new Job("x")</c> too.
/// </summary>
internal sealed class MappedMembers
{
    private readonly MappingAttributes _attributes;
    private readonly ConcurrentDictionary<ISymbol, MappedMember?> _cache = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, MappedMember?> _find;

    public MappedMembers(MappingAttributes attributes)
    {
        _attributes = attributes;
        _find = Find;
    }

    /// <summary>The mapping a value written to <paramref name="symbol"/> must satisfy, if any.</summary>
    /// <remarks>
    /// Asked for every argument, assignment and comparison of the program. <c>[DbEnum]</c> is
    /// generated <c>internal</c> into each project, so only a symbol declared in this compilation's
    /// source can carry this compilation's attribute: the others are answered without a lookup.
    /// </remarks>
    public MappedMember? Of(ISymbol symbol)
        => !_attributes.HasDbEnum || symbol.DeclaringSyntaxReferences.IsEmpty ? null : _cache.GetOrAdd(symbol, _find);

    private MappedMember? Find(ISymbol symbol)
    {
        if (_attributes.DbEnumOf(symbol) is { } own)
        {
            return new MappedMember(symbol, own.Target);
        }

        return symbol switch
        {
            IParameterSymbol parameter when IsPrimaryConstructor(parameter.ContainingSymbol) => FromInitializedMember(parameter),
            IPropertySymbol property => FromPositionalParameter(property),
            _ => null,
        };
    }

    // The member the parameter initialises: a record's positional property, or a member
    // declared `= parameter`.
    private MappedMember? FromInitializedMember(IParameterSymbol parameter)
    {
        var parameterSyntax = parameter.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<ParameterSyntax>().FirstOrDefault();
        foreach (var member in parameter.ContainingType.GetMembers())
        {
            if (member is (IPropertySymbol or IFieldSymbol)
                && member.DeclaringSyntaxReferences.Any(r => IsInitializedBy(r.GetSyntax(), parameter.Name, parameterSyntax))
                && _attributes.DbEnumOf(member) is { } mapping)
            {
                return new MappedMember(member, mapping.Target);
            }
        }

        return null;
    }

    // A record's positional property whose parameter carries the attribute without `property:`.
    private MappedMember? FromPositionalParameter(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<ParameterSyntax>().FirstOrDefault() is not { } syntax)
        {
            return null;
        }

        var parameter = property.ContainingType.InstanceConstructors
            .Where(IsPrimaryConstructor)
            .SelectMany(c => c.Parameters)
            .FirstOrDefault(p => p.DeclaringSyntaxReferences.Any(r => r.GetSyntax() == syntax));
        return parameter is not null && _attributes.DbEnumOf(parameter) is { } mapping ? new MappedMember(property, mapping.Target) : null;
    }

    private static bool IsInitializedBy(SyntaxNode declaration, string parameterName, ParameterSyntax? parameterSyntax)
    {
        if (parameterSyntax is not null && declaration == parameterSyntax)
        {
            return true; // a record's positional property
        }

        // Inside initialisers a primary constructor parameter hides a member of the same name,
        // so the plain name is the parameter.
        var initializer = declaration switch
        {
            PropertyDeclarationSyntax p => p.Initializer?.Value,
            VariableDeclaratorSyntax v => v.Initializer?.Value,
            _ => null,
        };
        return initializer is IdentifierNameSyntax name && name.Identifier.ValueText == parameterName;
    }

    private static bool IsPrimaryConstructor(ISymbol symbol)
        => symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax);
}

/// <summary>A mapped member: the symbol that carries <c>[DbEnum]</c> and its target.</summary>
internal sealed class MappedMember
{
    public MappedMember(ISymbol symbol, string target)
    {
        Symbol = symbol;
        Target = target;
    }

    /// <summary>The property, field or parameter whose attribute names the target.</summary>
    public ISymbol Symbol { get; }

    /// <summary>The target as the attribute writes it.</summary>
    public string Target { get; }
}
