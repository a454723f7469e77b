using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class StoredDefaults
{
    private enum LiteralKind
    {
        String,
        Number,
        Boolean,
    }

    /// <summary>A literal's kind and value: a string unquoted, a number with its sign, <c>true</c> or <c>false</c>.</summary>
    private readonly record struct LiteralValue(LiteralKind Kind, string Text);

    /// <summary>The tokens of one rendered default and the questions asked of its shape.</summary>
    private sealed partial class Shape(string source, List<SqlToken> tokens)
    {
        public string Source => source;

        public List<SqlToken> Tokens => tokens;

        public bool IsWord(int i, string word) => i < tokens.Count && SqlTokenText.IsWord(source, tokens[i], word);

        public bool IsSymbol(int i, char symbol) => i < tokens.Count && SqlTokenText.IsSymbol(source, tokens[i], symbol);

        /// <summary>Whether tokens <paramref name="i"/> and on are <c>::</c> (one token or two colons).</summary>
        public bool IsCast(int i)
            => i < tokens.Count && tokens[i].Kind == SqlTokenKind.Symbol && source.AsSpan(tokens[i].Start, tokens[i].Length) is "::";

        public string Text(int from, int to)
            => from >= to ? string.Empty : source[tokens[from].Start..tokens[to - 1].End];

        /// <summary><c>NULL</c>, <c>NULL::type</c> or <c>CAST(NULL AS type)</c>.</summary>
        public bool IsNull()
            => IsWord(0, "null") && (tokens.Count == 1 || IsCast(1))
               || IsWord(0, "cast") && IsSymbol(1, '(') && IsWord(2, "null") && IsWord(3, "as") && IsSymbol(tokens.Count - 1, ')');

        /// <summary>
        /// The whole text is one literal, optionally cast: <c>'x'</c>, <c>-1</c>, <c>true</c>,
        /// <c>'x'::type</c>, <c>CAST('x' AS type)</c>. <paramref name="castType"/> is the cast's type text.
        /// </summary>
        public bool Literal(IdentifierRules rules, out LiteralValue value, out string? castType)
        {
            value = default;
            castType = null;
            int end;
            if (IsWord(0, "cast") && IsSymbol(1, '(') && IsSymbol(tokens.Count - 1, ')'))
            {
                if (!Value(2, out value, out end) || !IsWord(end, "as") || end + 1 >= tokens.Count - 1) return false;
                castType = Text(end + 1, tokens.Count - 1);
                return true;
            }

            if (!Value(0, out value, out end)) return false;
            if (end == tokens.Count) return true;
            if (!IsCast(end) || end + 1 >= tokens.Count) return false;
            castType = Text(end + 1, tokens.Count);
            return !rules.Dialect.IsMySqlFamily();
        }

        private bool Value(int i, out LiteralValue value, out int end)
        {
            value = default;
            end = i;
            if (i >= tokens.Count) return false;
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.String && token.PrefixLength == 0)
            {
                value = new LiteralValue(LiteralKind.String, SqlTokenText.Unquote(source, token));
                end = i + 1;
                return true;
            }

            if (IsWord(i, "true") || IsWord(i, "false"))
            {
                value = new LiteralValue(LiteralKind.Boolean, SqlTokenText.Raw(source, token).ToLowerInvariant());
                end = i + 1;
                return true;
            }

            var sign = string.Empty;
            if (IsSymbol(i, '-') && i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.Number && !tokens[i + 1].SpaceBefore)
            {
                // PostgreSQL keeps a unary plus as an operator, (+ 5); a minus folds into the number.
                sign = "-";
                i++;
            }

            if (tokens[i].Kind != SqlTokenKind.Number) return false;
            value = new LiteralValue(LiteralKind.Number, sign + SqlTokenText.Raw(source, tokens[i]));
            end = i + 1;
            return true;
        }
    }
}
