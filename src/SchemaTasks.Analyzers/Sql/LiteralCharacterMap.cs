using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>
/// Where each character of a C# string literal's value is written in the source: escapes
/// (<c>\n</c>, <c>\"</c>, <c>\u0041</c>), verbatim <c>""</c>, raw strings with their indentation
/// removed, and the text parts of interpolated strings (<c>{{</c>). The map is checked against
/// the compiler's own value, so a form it does not know yields none rather than a wrong place.
/// </summary>
internal static class LiteralCharacterMap
{
    /// <summary>
    /// For each character of <paramref name="token"/>'s value, the source position where it
    /// starts, and one more entry for where the last one ends; null when it cannot be mapped.
    /// </summary>
    public static int[]? Of(SyntaxToken token, string value)
    {
        var text = token.Text;
        var starts = new List<int>(value.Length + 1);
        var built = new StringBuilder(value.Length);
        int end;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken when text.StartsWith("@", StringComparison.Ordinal):
                end = Verbatim(text, 2, text.Length - 1, braces: false, starts, built);
                break;
            case SyntaxKind.StringLiteralToken:
                end = Escaped(text, 1, text.Length - 1, braces: false, starts, built);
                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                var quotes = CountQuotes(text, 0);
                end = Plain(text, quotes, text.Length - quotes, starts, built);
                break;
            case SyntaxKind.MultiLineRawStringLiteralToken:
                end = MultiLineRaw(text, starts, built);
                break;
            case SyntaxKind.InterpolatedStringTextToken:
                end = InterpolatedText(token, starts, built);
                break;
            default:
                return null;
        }

        if (end < 0 || !string.Equals(built.ToString(), value, StringComparison.Ordinal))
        {
            return null;
        }

        starts.Add(end);
        var offset = token.SpanStart;
        var map = new int[starts.Count];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = offset + starts[i];
        }

        return map;
    }

    private static int InterpolatedText(SyntaxToken token, List<int> starts, StringBuilder built)
    {
        var text = token.Text;
        var start = token.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax expression
            ? expression.StringStartToken.Text
            : "";
        if (start.IndexOf('"') < 0)
        {
            return -1;
        }

        if (start.EndsWith("\"\"\"", StringComparison.Ordinal))
        {
            // Raw: braces shorter than the delimiter are text; only one-line raw strings map as written.
            return text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0 ? -1 : Plain(text, 0, text.Length, starts, built);
        }

        return start.IndexOf('@') >= 0
            ? Verbatim(text, 0, text.Length, braces: true, starts, built)
            : Escaped(text, 0, text.Length, braces: true, starts, built);
    }

    private static int Plain(string text, int from, int to, List<int> starts, StringBuilder built)
    {
        for (var i = from; i < to; i++)
        {
            starts.Add(i);
            built.Append(text[i]);
        }

        return to;
    }

    private static int Verbatim(string text, int from, int to, bool braces, List<int> starts, StringBuilder built)
    {
        for (var i = from; i < to; i++)
        {
            starts.Add(i);
            var c = text[i];
            built.Append(c);
            if ((c == '"' || (braces && c is '{' or '}')) && i + 1 < to && text[i + 1] == c)
            {
                i++;
            }
        }

        return to;
    }

    private static int Escaped(string text, int from, int to, bool braces, List<int> starts, StringBuilder built)
    {
        for (var i = from; i < to; i++)
        {
            starts.Add(i);
            var c = text[i];
            if (braces && c is '{' or '}' && i + 1 < to && text[i + 1] == c)
            {
                built.Append(c);
                i++;
                continue;
            }

            if (c != '\\' || i + 1 >= to)
            {
                built.Append(c);
                continue;
            }

            var kind = text[i + 1];
            switch (kind)
            {
                case 'u':
                case 'x':
                case 'U':
                    var max = kind == 'u' ? 4 : kind == 'U' ? 8 : 4;
                    var digits = 0;
                    while (digits < max && i + 2 + digits < to && Uri.IsHexDigit(text[i + 2 + digits]))
                    {
                        digits++;
                    }

                    var code = int.Parse(text.Substring(i + 2, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var chars = char.ConvertFromUtf32(code);
                    built.Append(chars);
                    if (chars.Length == 2)
                    {
                        starts.Add(i); // Both halves of a surrogate pair start at the one escape.
                    }

                    i += 1 + digits;
                    break;
                default:
                    built.Append(kind switch
                    {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        '0' => '\0',
                        'a' => '\a',
                        'b' => '\b',
                        'f' => '\f',
                        'v' => '\v',
                        'e' => '\u001b',
                        _ => kind,
                    });
                    i++;
                    break;
            }
        }

        return to;
    }

    // """ then a line break; content lines lose the closing line's indentation; the line break
    // before the closing delimiter is not part of the value.
    private static int MultiLineRaw(string text, List<int> starts, StringBuilder built)
    {
        var quotes = CountQuotes(text, 0);
        var closingLine = text.LastIndexOf('\n') + 1;
        var indentation = text.Length - quotes - closingLine;
        var i = text.IndexOf('\n') + 1;
        if (i <= 0 || closingLine <= i || indentation < 0)
        {
            return -1;
        }

        var lastContentEnd = closingLine - 1;
        if (lastContentEnd > 0 && text[lastContentEnd - 1] == '\r')
        {
            lastContentEnd--;
        }

        while (i < lastContentEnd)
        {
            var lineEnd = text.IndexOf('\n', i);
            lineEnd = lineEnd < 0 || lineEnd >= lastContentEnd ? lastContentEnd : lineEnd + 1;

            // A whitespace-only line may be shorter than the indentation; it keeps only its line break.
            Plain(text, Math.Min(i + indentation, LineBreakStart(text, i, lineEnd)), lineEnd, starts, built);
            i = lineEnd;
        }

        return lastContentEnd;
    }

    private static int LineBreakStart(string text, int lineStart, int lineEnd)
    {
        var k = lineEnd;
        if (k > lineStart && text[k - 1] == '\n')
        {
            k--;
            if (k > lineStart && text[k - 1] == '\r')
            {
                k--;
            }
        }

        return k;
    }

    private static int CountQuotes(string text, int from)
    {
        var n = 0;
        while (from + n < text.Length && text[from + n] == '"')
        {
            n++;
        }

        return n;
    }
}
