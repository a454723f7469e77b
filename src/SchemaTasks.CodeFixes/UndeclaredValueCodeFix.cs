using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaTasks.Analyzers;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.CodeFixes;

/// <summary>
/// Fixes for a value the schema does not declare (ST4001), from what the analyzer found: name
/// the enum's members under the naming policy that declares all of them, map one member to
/// the declared value it nearly matches, or use that value in place of a string literal.
/// </summary>
/// <remarks>
/// Each fix changes the code to match the schema. The other way round, declaring the value in
/// a new migration, is the build's scaffolding (SchemaScaffold=true), which writes a file.
/// </remarks>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(UndeclaredValueCodeFix))]
[Shared]
internal sealed class UndeclaredValueCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(CompileLogFacts.UndeclaredValueCode);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var nearMisses = NearMissesOf(diagnostic);

            if (node.FirstAncestorOrSelf<EnumMemberDeclarationSyntax>() is { } member)
            {
                if (diagnostic.Properties.TryGetValue(FixFacts.NamingProperty, out var naming) && naming is not null
                    && DbEnumAttributeOf(member) is { } dbEnum)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Name the members with DbNaming.{naming}", ct => EnumMemberFixes.SetNamingAsync(context.Document, dbEnum, naming, ct), FixFacts.NamingProperty + "." + naming),
                        diagnostic);
                }

                foreach (var value in nearMisses)
                {
                    if (EnumMemberFixes.CanMap(member, DbEnumAttributeOf(member) is not null))
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create($"Map {member.Identifier.ValueText} to '{value}'", ct => EnumMemberFixes.MapAsync(context.Document, member, value, ct), "SchemaTasks.MapMember." + value),
                            diagnostic);
                    }
                }

                continue;
            }

            foreach (var value in nearMisses)
            {
                if (LiteralFixes.Replacement(root, span, diagnostic, value) is { } replacement)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use '{value}' (declared by the schema)", ct => LiteralFixes.ApplyAsync(context.Document, replacement, ct), "SchemaTasks.UseValue." + value),
                        diagnostic);
                }
            }
        }
    }

    private static ImmutableArray<string> NearMissesOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(FixFacts.NearMissesProperty, out var joined) && !string.IsNullOrEmpty(joined)
            ? joined!.Split(FixFacts.Separator).ToImmutableArray()
            : ImmutableArray<string>.Empty;

    private static AttributeSyntax? DbEnumAttributeOf(EnumMemberDeclarationSyntax member)
        => member.Parent is EnumDeclarationSyntax declaration
            ? declaration.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => AttributeNames.Is(a, "DbEnum"))
            : null;
}
