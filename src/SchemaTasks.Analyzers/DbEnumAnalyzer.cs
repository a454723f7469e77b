using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaTasks.Analyzers.ValueSets;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers;

/// <summary>
/// Fails the build when code uses a value the migrated schema does not declare: members of
/// <c>[DbEnum]</c> enums, constants of <c>[DbEnum]</c> classes, and string constants that
/// flow into a <c>[DbEnum]</c> property, field or parameter (see <see cref="Flow.ConstantSources"/>
/// and docs/diagnostics.md, "Where values are read").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DbEnumAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.Summary,
        Descriptors.UndeclaredValue,
        Descriptors.UnknownTarget,
        Descriptors.UnrepresentableValue,
        Descriptors.NoSchema,
        Descriptors.AmbiguousTarget,
        Descriptors.CannotCheck,
        Descriptors.SqlSkipped);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var attributes = MappingAttributes.Find(context.Compilation);
        var (catalog, problem) = LoadValueSets(context.Options, context.CancellationToken);
        // While scaffolding, undeclared values are warnings so the compile completes and its
        // error log carries every one of them to the scaffolding step.
        var scaffolding = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.SchemaScaffold", out var scaffold)
            && string.Equals(scaffold, "true", StringComparison.OrdinalIgnoreCase);
        var namingConventions = context.Compilation.GetTypeByMetadataName(Mapping.EfCoreStringConversion.NamingConventions) is not null;
        var checker = new ValueChecker(attributes, catalog, problem, scaffolding, namingConventions);
        context.RegisterSymbolAction(checker.AnalyzeType, SymbolKind.NamedType);
        context.RegisterOperationAction(checker.AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(checker.AnalyzeArgument, OperationKind.Argument);
        context.RegisterOperationAction(checker.AnalyzeComparison, OperationKind.Binary);
        context.RegisterOperationAction(checker.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(checker.AnalyzeSwitch, OperationKind.Switch);
        context.RegisterOperationAction(checker.AnalyzeSwitchExpression, OperationKind.SwitchExpression);
        context.RegisterOperationAction(checker.AnalyzeIsPattern, OperationKind.IsPattern);
        context.RegisterOperationAction(checker.AnalyzeInitializer, OperationKind.PropertyInitializer, OperationKind.FieldInitializer, OperationKind.ParameterInitializer);
        context.RegisterCompilationEndAction(checker.ReportSummary);
    }

    private static (ValueSetCatalog? Catalog, string? Problem) LoadValueSets(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var file = options.AdditionalFiles.FirstOrDefault(f =>
            string.Equals(Path.GetFileName(f.Path), ValueSetFile.FileName, StringComparison.OrdinalIgnoreCase));
        if (file is null)
        {
            return (null, "the build produced no schema value sets");
        }

        var text = file.GetText(cancellationToken)?.ToString();
        return text is null ? (null, "the schema value sets could not be read") : ValueSetCatalog.Parse(text);
    }
}
