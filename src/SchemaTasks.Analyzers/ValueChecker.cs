using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SchemaTasks.Analyzers.Flow;
using SchemaTasks.Analyzers.Mapping;
using SchemaTasks.Analyzers.Sql;
using SchemaTasks.Analyzers.ValueSets;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers;

/// <summary>Checks the values the code maps to the schema, for one compilation.</summary>
internal sealed partial class ValueChecker
{
    /// <summary>The keys under which an undeclared-value diagnostic carries the facts scaffolding needs.</summary>
    public const string TemplateProperty = CompileLogFacts.FixTemplateProperty;

    public const string ValueProperty = CompileLogFacts.ValueProperty;

    private readonly MappingAttributes _attributes;
    private readonly MappedMembers _members;
    private readonly ValueSetCatalog? _catalog;
    private readonly string? _problem;
    private readonly bool _scaffolding;
    private readonly bool _namingConventionsReferenced;
    private readonly ConcurrentDictionary<ISymbol, bool> _mappings = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, bool> _checkedEnums = new(System.StringComparer.Ordinal);
    private int _checkedValues;
    private int _undeclared;
    private int _unrepresentable;

    public ValueChecker(MappingAttributes attributes, ValueSetCatalog? catalog, string? problem, bool scaffolding, bool namingConventionsReferenced)
    {
        _namingConventionsReferenced = namingConventionsReferenced;
        _attributes = attributes;
        _members = new MappedMembers(attributes);
        _catalog = catalog;
        _problem = problem;
        _scaffolding = scaffolding;
    }

    /// <summary>Enums and constant classes marked <c>[DbEnum]</c>, and the targets of marked members.</summary>
    public void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (_attributes.DbEnumOf(type) is { } mapping && Resolve(context.ReportDiagnostic, type, mapping.Target, mapping.Location, TargetKind.Any) is { } target)
        {
            _mappings.TryAdd(type, true);
            if (type.TypeKind == TypeKind.Enum)
            {
                var naming = mapping.Naming;
                CheckEnum(context.ReportDiagnostic, type, target, field => _attributes.ExplicitValueOf(field) ?? NamingPolicy.Apply(naming, field.Name), type.Locations.FirstOrDefault() ?? Location.None, $"enum {type.Name}", NamingThatFits(type, target, naming));
            }
            else
            {
                CheckConstants(context, type, target);
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (_catalog is not null && member is IPropertySymbol property && ColumnTypeValueList.Of(property, _namingConventionsReferenced) is { } listed)
            {
                CheckColumnTypeList(context, listed);
            }

            foreach (var marked in MarkedSymbolsOf(member))
            {
                if (_attributes.DbEnumOf(marked) is { } memberMapping
                    && Resolve(context.ReportDiagnostic, marked, memberMapping.Target, memberMapping.Location, TargetKind.Any) is not null)
                {
                    _mappings.TryAdd(marked, true);
                }
            }
        }
    }

    public void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (SqlCallSites.ForAssignment(MarkedSymbol(assignment.Target)) is { } property)
        {
            CheckSql(context, assignment.Value, property);
            return;
        }

        CheckFlow(context, MarkedSymbol(assignment.Target), assignment.Value, "assigned to");
    }

    public void AnalyzeArgument(OperationAnalysisContext context)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (SqlCallSites.ForArgument(argument.Parameter) is { } call)
        {
            CheckSql(context, argument.Value, call);
            return;
        }

        CheckFlow(context, argument.Parameter, argument.Value, "passed to");
    }

    public void AnalyzeInitializer(OperationAnalysisContext context)
    {
        var initializer = (ISymbolInitializerOperation)context.Operation;
        ISymbol? member = initializer switch
        {
            IPropertyInitializerOperation p => p.InitializedProperties.FirstOrDefault(),
            IFieldInitializerOperation f => f.InitializedFields.FirstOrDefault(),
            IParameterInitializerOperation p => p.Parameter,
            _ => null,
        };
        CheckFlow(context, member, initializer.Value, "assigned to");
    }

    public void AnalyzeComparison(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return;
        }

        CheckFlow(context, MarkedSymbol(binary.LeftOperand), binary.RightOperand, "compared with");
        CheckFlow(context, MarkedSymbol(binary.RightOperand), binary.LeftOperand, "compared with");
    }

    /// <summary><c>string.Equals</c>, <c>Equals</c> and <c>StringComparer</c> comparisons of a mapped member with a constant.</summary>
    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (NpgsqlEnumMapping.Of(invocation) is { } npgsql)
        {
            CheckNpgsqlMapping(context, npgsql);
            return;
        }

        if (EfCoreStringConversion.Of(invocation, _namingConventionsReferenced) is { } conversion)
        {
            CheckStringConversion(context, conversion);
            return;
        }

        if (StringEquality.Of(invocation) is not { IgnoreCase: { } ignoreCase } comparison)
        {
            return; // not an equality call, or one whose comparer is known only at run time
        }

        CheckFlow(context, MarkedSymbol(comparison.Left), comparison.Right, "compared with", ignoreCase);
        CheckFlow(context, MarkedSymbol(comparison.Right), comparison.Left, "compared with", ignoreCase);
    }

    public void AnalyzeSwitch(OperationAnalysisContext context)
    {
        var switchOperation = (ISwitchOperation)context.Operation;
        var member = MarkedSymbol(switchOperation.Value);
        foreach (var clause in switchOperation.Cases.SelectMany(c => c.Clauses))
        {
            switch (clause)
            {
                case ISingleValueCaseClauseOperation single:
                    CheckFlow(context, member, single.Value, "compared with");
                    break;
                case IPatternCaseClauseOperation pattern:
                    CheckPattern(context, member, pattern.Pattern);
                    break;
            }
        }
    }

    public void AnalyzeSwitchExpression(OperationAnalysisContext context)
    {
        var switchExpression = (ISwitchExpressionOperation)context.Operation;
        var member = MarkedSymbol(switchExpression.Value);
        foreach (var arm in switchExpression.Arms)
        {
            CheckPattern(context, member, arm.Pattern);
        }
    }

    public void AnalyzeIsPattern(OperationAnalysisContext context)
    {
        var isPattern = (IIsPatternOperation)context.Operation;
        CheckPattern(context, MarkedSymbol(isPattern.Value), isPattern.Pattern);
    }

    private void CheckPattern(OperationAnalysisContext context, ISymbol? member, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                CheckFlow(context, member, constant.Value, "compared with");
                break;
            case IBinaryPatternOperation binary:
                CheckPattern(context, member, binary.LeftPattern);
                CheckPattern(context, member, binary.RightPattern);
                break;
            case INegatedPatternOperation negated:
                CheckPattern(context, member, negated.Pattern);
                break;
        }
    }

    private void CheckFlow(OperationAnalysisContext context, ISymbol? member, IOperation value, string verb, bool ignoreCase = false)
    {
        if (member is null || !MayHoldString(value) || _members.Of(member) is not { } mapping || ResolveQuietly(mapping.Target) is not { } target)
        {
            return;
        }

        // Only values known at compile time can be checked; the rest is the runtime's job.
        foreach (var constant in ConstantSources.Of(value))
        {
            var text = (string)constant.ConstantValue.Value!;
            Interlocked.Increment(ref _checkedValues);
            if (!Allows(target, text, ignoreCase))
            {
                var subject = $"the string {verb} {Describe(mapping.Symbol)}";
                context.ReportDiagnostic(Undeclared(constant.Syntax.GetLocation(), subject, text, target));
            }
        }
    }

    // Most values a program passes are numbers, objects of its own types or delegates, which no
    // string constant reaches: those are passed over before the member is looked up. A value
    // typed object may be a conditional with a string branch, so it is looked at.
    private static bool MayHoldString(IOperation value)
        => Conversions.Strip(value)!.Type is null or { SpecialType: SpecialType.System_String or SpecialType.System_Object };

    private static bool Allows(ValueSetObject target, string value, bool ignoreCase)
        => target.Values.Contains(value)
        || (ignoreCase && target.Values.Any(v => string.Equals(v, value, System.StringComparison.OrdinalIgnoreCase)));

    // Reports each member whose value the target lacks (at the member when it is in this
    // compilation's source, else at the mapping) and each value no member maps to (at the
    // mapping); an enum two mappings send to the same object is checked once.
    /// <param name="namingFix">The naming policy under which every member would be declared, when the one used leaves some out.</param>
    private void CheckEnum(System.Action<Diagnostic> report, INamedTypeSymbol type, ValueSetObject target, System.Func<IFieldSymbol, string> valueOf, Location mappingLocation, string enumText, string? namingFix = null)
    {
        if (!_checkedEnums.TryAdd(type.ToDisplayString() + "\0" + target.Description, true))
        {
            return;
        }

        var mapped = new HashSet<string>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var value = valueOf(field);
            mapped.Add(value);
            Interlocked.Increment(ref _checkedValues);
            if (!target.Values.Contains(value))
            {
                var location = field.Locations.FirstOrDefault(l => l.IsInSource) ?? mappingLocation;
                report(Undeclared(location, $"enum member {type.Name}.{field.Name}", value, target, namingFix));
            }
        }

        foreach (var value in target.Values.Where(v => !mapped.Contains(v)))
        {
            Interlocked.Increment(ref _unrepresentable);
            report(Diagnostic.Create(Descriptors.UnrepresentableValue, mappingLocation, target.Description, value, enumText));
        }
    }

    // A Prisma enum DRAFT, PENDING under the default snake_case gives one error per member,
    // each suggesting its own label; the one fix is the naming policy. Offered only when the
    // policy in use leaves a member out and another one declares every member.
    private string? NamingThatFits(INamedTypeSymbol type, ValueSetObject target, int used)
    {
        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue && _attributes.ExplicitValueOf(f) is null).ToList();
        bool Fits(int policy) => fields.All(f => target.Values.Contains(NamingPolicy.Apply(policy, f.Name)));
        if (fields.Count == 0 || Fits(used)) return null;
        return NamingPolicy.All.Where(p => p != used && Fits(p)).Select(NamingPolicy.NameOf).FirstOrDefault();
    }

    private void CheckConstants(SymbolAnalysisContext context, INamedTypeSymbol type, ValueSetObject target)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst && f.ConstantValue is string))
        {
            var value = (string)field.ConstantValue!;
            Interlocked.Increment(ref _checkedValues);
            if (!target.Values.Contains(value))
            {
                context.ReportDiagnostic(Undeclared(field.Locations.FirstOrDefault() ?? Location.None, $"constant {type.Name}.{field.Name}", value, target));
            }
        }
    }

    /// <summary>One line per compilation with the counts, shown at normal verbosity.</summary>
    public void ReportSummary(CompilationAnalysisContext context)
    {
        ReportSkippedSql(context);
        if (_catalog is null || (_mappings.IsEmpty && _checkedValues == 0))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.Summary, Location.None, _checkedValues, _mappings.Count, _catalog.Dialect, _undeclared, _unrepresentable));
    }

    private Diagnostic Undeclared(Location location, string subject, string value, ValueSetObject target, string? namingFix = null)
    {
        Interlocked.Increment(ref _undeclared);
        var suggestions = SimilarNames.Suggest(value, target.Values);
        var suggestion = suggestions.Count == 0 ? "" : $" Did you mean {string.Join(" or ", suggestions.Select(ValueText.Quote))}?";
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(TemplateProperty, target.FixTemplate)
            .Add(ValueProperty, value);
        if (suggestions.Count > 0) properties = properties.Add(FixFacts.NearMissesProperty, string.Join(FixFacts.Separator.ToString(), suggestions));
        if (namingFix is not null) properties = properties.Add(FixFacts.NamingProperty, namingFix);
        return Diagnostic.Create(
            Descriptors.UndeclaredValue,
            location,
            _scaffolding ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
            additionalLocations: null,
            properties,
            subject, value, target.Description, ValueText.QuoteList(target.Values), suggestion, FixSql.OneLine(target.FixTemplate, value, SqlQuoting.StyleOf(_catalog!.Dialect)));
    }

    /// <summary>The object <paramref name="targetName"/> names, reporting why when there is not exactly one.</summary>
    private ValueSetObject? Resolve(System.Action<Diagnostic> report, ISymbol symbol, string targetName, Location location, TargetKind kind)
    {
        if (_catalog is null)
        {
            report(Diagnostic.Create(Descriptors.NoSchema, location, Describe(symbol), _problem));
            return null;
        }

        return Resolve(report, $"[DbEnum(\"{targetName}\")] on {Describe(symbol)}", targetName, location, kind);
    }

    private ValueSetObject? Resolve(System.Action<Diagnostic> report, string mappingText, string targetName, Location location, TargetKind kind)
    {
        var matches = _catalog!.Resolve(targetName);
        if (kind != TargetKind.Any)
        {
            matches = matches.Where(m => m.IsEnumType == (kind == TargetKind.EnumType)).ToList();
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            report(Diagnostic.Create(Descriptors.AmbiguousTarget, location, mappingText, string.Join(" and ", matches.Select(m => m.Description))));
            return null;
        }

        var candidates = _catalog.Objects.Where(o => kind == TargetKind.Any || o.IsEnumType == (kind == TargetKind.EnumType)).Select(o => o.ShortName).ToList();
        var known = SimilarNames.Suggest(targetName, candidates);
        var hint = known.Count > 0
            ? $" Did you mean {string.Join(" or ", known.Select(k => $"'{k}'"))}?"
            : $" It has: {string.Join(", ", candidates.Take(10))}.";
        report(Diagnostic.Create(Descriptors.UnknownTarget, location, mappingText, kind switch { TargetKind.EnumType => "enum type", TargetKind.Column => "table.column", _ => "enum type or table.column" }, targetName, hint));
        return null;
    }

    // Flows are checked against a target only when it resolves; the declaration reports why not.
    private ValueSetObject? ResolveQuietly(string targetName)
        => _catalog is null ? null : _catalog.Resolve(targetName) is { Count: 1 } matches ? matches[0] : null;

    private static IEnumerable<ISymbol> MarkedSymbolsOf(ISymbol member) => member switch
    {
        IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor => method.Parameters,
        IPropertySymbol or IFieldSymbol => new[] { member },
        _ => Enumerable.Empty<ISymbol>(),
    };

    private static ISymbol? MarkedSymbol(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            IPropertyReferenceOperation p => p.Property,
            IFieldReferenceOperation f => f.Field,
            IParameterReferenceOperation p => p.Parameter,
            _ => null,
        };
    }

    private static string Describe(ISymbol symbol) => symbol switch
    {
        IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } p => $"parameter '{p.Name}' of the {constructor.ContainingType.Name} constructor",
        IParameterSymbol p => $"parameter '{p.Name}' of {p.ContainingSymbol.ContainingType?.Name}.{p.ContainingSymbol.Name}",
        INamedTypeSymbol t => t.Name,
        _ => $"{symbol.ContainingType?.Name}.{symbol.Name}",
    };
}
