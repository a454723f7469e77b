using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>
/// The SQL text a C# expression spells at compile time, and where each part of it is written:
/// string literals of every form, constants, <c>+</c> concatenations of them, and the text parts
/// of interpolated strings. What is known only at run time (an interpolation hole, a variable)
/// becomes a placeholder no check reads, so the known parts around it are still checked.
/// </summary>
internal sealed class SqlSourceText
{
    // Stands for a run-time part: not a name or string to the SQL lexer, so nothing matches it.
    private const string Placeholder = "0";
    private const int MaxDepth = 64;

    private readonly StringBuilder _text = new();
    private readonly List<Piece> _pieces = new();
    private readonly List<(int Start, int End)> _holes = new();

    private SqlSourceText()
    {
    }

    public string Text => _text.ToString();

    /// <summary>Whether any part of the text is known at compile time.</summary>
    public bool HasKnownText => _pieces.Count > 0;

    /// <summary>The text <paramref name="value"/> spells, with its places.</summary>
    public static SqlSourceText Of(IOperation value)
    {
        var text = new SqlSourceText();
        text.Append(value, 0);
        return text;
    }

    /// <summary>Whether the SQL span holds something known only at run time.</summary>
    public bool TouchesHole(int start, int end) => _holes.Any(h => h.Start < end && start < h.End);

    /// <summary>
    /// Where the SQL span is written: exactly, when it lies in one literal whose characters could
    /// be mapped; otherwise the literal or constant expression that holds its start.
    /// </summary>
    public Location LocationOf(int start, int end)
    {
        var piece = _pieces.LastOrDefault(p => p.Start <= start) ?? _pieces[0];
        var from = start - piece.Start;
        var to = end - piece.Start;
        if (piece.Map is { } map && to < map.Length)
        {
            return Location.Create(piece.Node.SyntaxTree, TextSpan.FromBounds(map[from], map[to]));
        }

        return piece.Node.GetLocation();
    }

    private void Append(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            AppendHole();
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Append(conversion.Operand, depth + 1);
                return;
            case IParenthesizedOperation parenthesized:
                Append(parenthesized.Operand, depth + 1);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                Append(concatenation.LeftOperand, depth + 1);
                Append(concatenation.RightOperand, depth + 1);
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } textPart
                        && textPart.Syntax is InterpolatedStringTextSyntax syntax)
                    {
                        // Unmapped, a text part falls back to the whole interpolated string.
                        AppendLiteral(syntax.TextToken, text, syntax.Parent ?? syntax);
                    }
                    else
                    {
                        AppendHole();
                    }
                }

                return;
            case ILiteralOperation { ConstantValue.Value: string literal } when operation.Syntax is LiteralExpressionSyntax syntax:
                AppendLiteral(syntax.Token, literal, syntax);
                return;
            case { ConstantValue.Value: string constant }:
                AppendConstant(operation, constant);
                return;
            default:
                AppendHole();
                return;
        }
    }

    // A named constant: mapped into its declaration when that is a literal (or literals joined by +)
    // in this compilation's source, else placed at the name.
    private void AppendConstant(IOperation reference, string value)
    {
        var symbol = reference switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        var declaration = symbol?.DeclaringSyntaxReferences.Length == 1
            ? (symbol.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax)?.Initializer?.Value
            : null;
        var start = _text.Length;
        if (declaration is not null && AppendSyntax(declaration, 0) && _text.ToString(start, _text.Length - start) == value)
        {
            return;
        }

        // Undo a partial mapping and place the whole value at the name.
        _text.Length = start;
        _pieces.RemoveAll(p => p.Start >= start);
        _pieces.Add(new Piece(start, reference.Syntax, null));
        _text.Append(value);
    }

    // Literals joined by + in a constant's declaration, read from syntax alone (analyzers may not
    // ask another file's semantic model); false for anything else.
    private bool AppendSyntax(ExpressionSyntax expression, int depth)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized when depth < MaxDepth:
                return AppendSyntax(parenthesized.Expression, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && depth < MaxDepth:
                return AppendSyntax(binary.Left, depth + 1) && AppendSyntax(binary.Right, depth + 1);
            case LiteralExpressionSyntax literal when literal.Token.Value is string value:
                AppendLiteral(literal.Token, value, literal);
                return true;
            default:
                return false;
        }
    }

    private void AppendLiteral(SyntaxToken token, string value, SyntaxNode node)
    {
        _pieces.Add(new Piece(_text.Length, node, LiteralCharacterMap.Of(token, value)));
        _text.Append(value);
    }

    private void AppendHole()
    {
        var start = _text.Length;
        _text.Append(' ').Append(Placeholder).Append(' ');
        _holes.Add((start, _text.Length));
    }

    private sealed class Piece
    {
        public Piece(int start, SyntaxNode node, int[]? map)
        {
            Start = start;
            Node = node;
            Map = map;
        }

        /// <summary>Where the piece starts in the SQL text.</summary>
        public int Start { get; }

        public SyntaxNode Node { get; }

        /// <summary>Source positions of the piece's characters (see <see cref="LiteralCharacterMap"/>), or null.</summary>
        public int[]? Map { get; }
    }
}
