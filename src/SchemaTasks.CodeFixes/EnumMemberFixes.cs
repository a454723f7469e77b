using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SchemaTasks.CodeFixes;

/// <summary>The fixes that change an enum's mapping: a member's value, or the naming policy.</summary>
internal static class EnumMemberFixes
{
    /// <summary>
    /// Whether a member's value can be set: it already names one (<c>[DbValue]</c>, or Npgsql's
    /// <c>[PgName]</c>), or its enum is mapped with <c>[DbEnum]</c>, which reads <c>[DbValue]</c>.
    /// </summary>
    public static bool CanMap(EnumMemberDeclarationSyntax member, bool enumHasDbEnum)
        => ValueAttributeOf(member) is not null || enumHasDbEnum;

    /// <summary>Maps <paramref name="member"/> to <paramref name="value"/>: the attribute that names its value gets it, or a new <c>[DbValue]</c>.</summary>
    public static async Task<Document> MapAsync(Document document, EnumMemberDeclarationSyntax member, string value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;

        var literal = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));
        SyntaxNode changed;
        if (ValueAttributeOf(member) is { ArgumentList.Arguments.Count: 1 } named)
        {
            var argument = named.ArgumentList.Arguments[0];
            changed = root.ReplaceNode(argument.Expression, literal.WithTriviaFrom(argument.Expression));
        }
        else
        {
            // The new attribute takes the member's place on its line; the member moves to the next.
            var leading = member.GetLeadingTrivia();
            var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var attribute = Attribute(
                ParseName("global::SchemaTasks.DbValue").WithAdditionalAnnotations(Simplifier.Annotation),
                AttributeArgumentList(SingletonSeparatedList(AttributeArgument(literal))));
            var list = AttributeList(SingletonSeparatedList(attribute))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(indentation == default ? TriviaList(LineEnding(root)) : TriviaList(LineEnding(root), indentation));
            var moved = member.WithoutLeadingTrivia();
            changed = root.ReplaceNode(member, moved.WithAttributeLists(moved.AttributeLists.Insert(0, list)));
        }

        return document.WithSyntaxRoot(changed);
    }

    /// <summary>Sets <c>Naming = DbNaming.<paramref name="naming"/></c> on the enum's <c>[DbEnum]</c>.</summary>
    public static async Task<Document> SetNamingAsync(Document document, AttributeSyntax dbEnum, string naming, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;

        var policy = ParseExpression("global::SchemaTasks.DbNaming." + naming).WithAdditionalAnnotations(Simplifier.Annotation);
        var arguments = dbEnum.ArgumentList ?? AttributeArgumentList();
        var existing = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Naming");
        var updated = existing is not null
            ? arguments.ReplaceNode(existing.Expression, policy.WithTriviaFrom(existing.Expression))
            : arguments.AddArguments(AttributeArgument(policy).WithNameEquals(NameEquals(IdentifierName("Naming"))));
        return document.WithSyntaxRoot(root.ReplaceNode(dbEnum, dbEnum.WithArgumentList(updated)));
    }

    private static AttributeSyntax? ValueAttributeOf(EnumMemberDeclarationSyntax member)
        => member.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => AttributeNames.Is(a, "DbValue") || AttributeNames.Is(a, "PgName"));

    private static SyntaxTrivia LineEnding(SyntaxNode root)
        => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found && found != default ? found : CarriageReturnLineFeed;
}
