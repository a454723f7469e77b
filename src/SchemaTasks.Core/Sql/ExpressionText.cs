using System.Text;

namespace SchemaTasks.Sql;

/// <summary>
/// Renders a token range as normalised text: comments dropped, whitespace runs become one
/// space, unquoted words in lower case, strings and identifiers re-quoted canonically. Two
/// spellings of the same expression that differ only in those ways render the same.
/// </summary>
internal static class ExpressionText
{
    public static string Render(string source, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (i > start && token.SpaceBefore) builder.Append(' ');
            switch (token.Kind)
            {
                case SqlTokenKind.Word:
                    builder.Append(source, token.Start, token.Length);
                    for (var j = builder.Length - token.Length; j < builder.Length; j++)
                    {
                        builder[j] = char.ToLowerInvariant(builder[j]);
                    }

                    break;
                case SqlTokenKind.String when token.PrefixLength == 0 || token.Style is SqlQuoteStyle.Dollar or SqlQuoteStyle.Backslash:
                    builder.Append(rules.QuoteString(SqlTokenText.Unquote(source, token)));
                    break;
                case SqlTokenKind.QuotedIdentifier:
                    builder.Append(rules.Quote(SqlTokenText.Unquote(source, token)));
                    break;
                default:
                    builder.Append(source, token.Start, token.Length);
                    break;
            }
        }

        return builder.ToString();
    }
}
