using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.CodeFixes;

/// <summary>Replaces an undeclared value written in a string with the declared value it nearly matches.</summary>
internal static class LiteralFixes
{
    /// <summary>
    /// The change that writes <paramref name="value"/> in place of the undeclared one: the whole
    /// literal when the finding covers a C# string literal, or the value's own characters when
    /// it points inside a string (a value in SQL text). <see langword="null"/> when the text
    /// there is not plainly the value, or the new value would need escaping in that string.
    /// </summary>
    public static TextChange? Replacement(SyntaxNode root, TextSpan span, Diagnostic diagnostic, string value)
    {
        var token = root.FindToken(span.Start);
        if (token.IsKind(SyntaxKind.StringLiteralToken) && token.Span == span)
        {
            return new TextChange(span, SyntaxFactory.Literal(value).Text);
        }

        if (!IsStringContent(token) || !token.Span.Contains(span)
            || !diagnostic.Properties.TryGetValue(CompileLogFacts.ValueProperty, out var undeclared) || string.IsNullOrEmpty(undeclared)
            || value.Any(NeedsEscaping))
        {
            return null;
        }

        var text = root.SyntaxTree.GetText().ToString(span);
        var at = text.IndexOf(undeclared!, System.StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(undeclared!, at + 1, System.StringComparison.Ordinal) >= 0) return null;
        return new TextChange(new TextSpan(span.Start + at, undeclared!.Length), value);
    }

    public static async Task<Document> ApplyAsync(Document document, TextChange change, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(change));
    }

    private static bool IsStringContent(SyntaxToken token)
        => token.IsKind(SyntaxKind.StringLiteralToken)
        || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
        || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
        || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

    // Characters that mean something in one of the string forms (quotes, escapes, holes, SQL's
    // own quote); a value with them is left to the user rather than escaped for one form.
    private static bool NeedsEscaping(char c) => c is '"' or '\\' or '{' or '}' or '\'' || char.IsControl(c);
}
