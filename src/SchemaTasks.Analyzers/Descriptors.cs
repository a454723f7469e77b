using Microsoft.CodeAnalysis;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Analyzers;

/// <summary>The diagnostics of the enum check; each code has a section in docs/diagnostics.md.</summary>
internal static class Descriptors
{
    private const string Category = "SchemaTasks";

    public static readonly DiagnosticDescriptor Summary = new(
        CompileLogFacts.SummaryCode,
        "Summary of the enum check",
        "SchemaTasks checked {0} value(s) of {1} mapping(s) against the {2} schema: {3} undeclared, {4} the code cannot represent",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.CompilationEnd,
        helpLinkUri: HelpLinks.For("st4000-summary-information"));

    public static readonly DiagnosticDescriptor UndeclaredValue = new(
        CompileLogFacts.UndeclaredValueCode,
        "Value not declared by the database schema",
        "{0} maps to '{1}', which {2} does not declare; it allows {3}.{4} Fix: add a migration with: {5}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("st4001-value-not-declared-by-the-schema"));

    public static readonly DiagnosticDescriptor UnknownTarget = new(
        "ST4002",
        "Mapping to an object the schema does not have",
        "{0}: the migrated schema has no {1} named '{2}'.{3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("st4002-mapping-to-an-unknown-object"));

    public static readonly DiagnosticDescriptor UnrepresentableValue = new(
        "ST4003",
        "Database value the C# enum cannot represent",
        "{0} allows '{1}', which no member of {2} maps to; reading a row with it fails at run time. Add a member for it, or map one with [DbValue(\"{1}\")].",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("st4003-database-value-the-enum-cannot-represent-warning"));

    public static readonly DiagnosticDescriptor NoSchema = new(
        "ST4004",
        "No migrated schema to check against",
        "[DbEnum] on {0} cannot be checked: {1}. Reference SchemaTasks.Build, keep the migrations in SchemaMigrationsDirectory and set SchemaDialect if the layout does not declare it.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("st4004-no-schema-to-check-against"));

    public static readonly DiagnosticDescriptor AmbiguousTarget = new(
        "ST4005",
        "Mapping names more than one object",
        "{0} names {1}; qualify it with the schema",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("st4005-ambiguous-mapping"));

    public static readonly DiagnosticDescriptor CannotCheck = new(
        "ST4006",
        "Mapping cannot be checked",
        "{0} maps {1}, which cannot be checked: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("st4006-mapping-cannot-be-checked-warning"));

    public static readonly DiagnosticDescriptor SqlSkipped = new(
        CompileLogFacts.SqlSkippedCode,
        "SQL text the check could not read",
        "SchemaTasks could not read {0} of the {1} SQL string(s) passed to database calls (text built at run time, or statements it does not parse); their values were not checked",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.CompilationEnd,
        helpLinkUri: HelpLinks.For("st4007-sql-text-the-check-could-not-read-information"));
}
