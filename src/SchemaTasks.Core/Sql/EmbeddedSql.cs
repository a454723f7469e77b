using System.Text;

namespace SchemaTasks.Sql;

/// <summary>
/// SQL that lives inside other text: a <c>DO</c> body, a string run by <c>EXECUTE</c>, the DDL of
/// an annotation comment. Its tokens are spans of <see cref="Text"/> (so the parser reads them
/// like any statement) but carry the line and column of the migration file, so a finding inside
/// a body points at the real place in the file.
/// </summary>
internal sealed class EmbeddedSql
{
    private EmbeddedSql(string text, List<SqlToken> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The SQL, unescaped.</summary>
    public string Text { get; }

    /// <summary>Its tokens, located in the migration file.</summary>
    public List<SqlToken> Tokens { get; }

    /// <summary>The content of a string literal (dollar-quoted, <c>'..'</c> or <c>E'..'</c>) as SQL.</summary>
    /// <param name="source">The text the literal is a token of.</param>
    /// <param name="literal">The literal, located in the file.</param>
    /// <param name="diagnostics">Receives lexing problems inside the content, located in the file.</param>
    public static EmbeddedSql FromLiteral(string source, SqlToken literal, List<SqlLexDiagnostic> diagnostics)
    {
        if (literal.Style == SqlQuoteStyle.Dollar)
        {
            return FromDollarQuoted(source, literal, diagnostics);
        }

        var text = new PositionedText();
        AppendLiteral(text, source, literal);
        return text.Lex(diagnostics);
    }

    // The common case, and the one on the build's hot path: the content is the file's text as
    // is, so a position inside it is the file's position shifted on its first line only.
    private static EmbeddedSql FromDollarQuoted(string source, SqlToken literal, List<SqlLexDiagnostic> diagnostics)
    {
        var text = SqlTokenText.Unquote(source, literal);
        var firstColumn = literal.Column + literal.PrefixLength;
        var lineOffset = literal.Line - 1;
        (int Line, int Column) Map(int line, int column) => (line + lineOffset, line == 1 ? column + firstColumn - 1 : column);

        var local = new List<SqlLexDiagnostic>();
        var lexer = new SqlLexer(text, SqlDialect.Postgres, 1, local);
        var tokens = new List<SqlToken>();
        while (lexer.Next(out var token))
        {
            var (line, column) = Map(token.Line, token.Column);
            tokens.Add(token with { Line = line, Column = column });
        }

        foreach (var d in local)
        {
            var (line, column) = Map(d.Line, d.Column);
            diagnostics.Add(d with { Line = line, Column = column });
        }

        return new EmbeddedSql(text, tokens);
    }

    /// <summary>The region <c>[start, end)</c> of <paramref name="source"/> written as plain SQL, starting at the file position (<paramref name="line"/>, <paramref name="column"/>).</summary>
    /// <param name="source">The text the region is part of.</param>
    /// <param name="start">The region's first offset.</param>
    /// <param name="end">The offset after its last.</param>
    /// <param name="line">The file line it starts on.</param>
    /// <param name="column">The file column it starts at.</param>
    /// <param name="diagnostics">Receives lexing problems inside it, located in the file.</param>
    /// <param name="dialect">Whose SQL the region holds; PostgreSQL unless said.</param>
    public static EmbeddedSql FromRegion(string source, int start, int end, int line, int column, List<SqlLexDiagnostic> diagnostics, SqlDialect dialect = SqlDialect.Postgres)
    {
        var text = new PositionedText();
        text.AppendRaw(source, start, end, line, column);
        return text.Lex(diagnostics, dialect);
    }

    /// <summary>Appends the unescaped content of <paramref name="literal"/> with each character's file position.</summary>
    public static void AppendLiteral(PositionedText text, string source, SqlToken literal)
    {
        if (literal.Style == SqlQuoteStyle.Dollar)
        {
            var tag = literal.PrefixLength;
            var end = literal.Unterminated ? literal.End : literal.End - tag;
            text.AppendRaw(source, literal.Start + tag, Math.Max(literal.Start + tag, end), literal.Line, literal.Column + tag);
            return;
        }

        // Quoted: walk the source from the token's start so each kept character knows its place.
        var quote = source[literal.Start + literal.PrefixLength];
        var stop = literal.Unterminated ? literal.End : literal.End - 1;
        var (line, column) = (literal.Line, literal.Column + literal.PrefixLength + 1);
        var mySql = literal.Style == SqlQuoteStyle.Backslash && !PostgresStringEscapes.IsEscapeString(source, literal);
        for (var i = literal.Start + literal.PrefixLength + 1; i < stop; i++)
        {
            var c = source[i];
            var (atLine, atColumn) = (line, column);
            if (c == quote && i + 1 < stop && source[i + 1] == quote)
            {
                i++;
                column++;
            }
            else if (c == '\\' && mySql && i + 1 < stop && source[i + 1] is '%' or '_')
            {
                // MySQL keeps the backslash of \% and \_: both characters are the text's.
            }
            else if (c == '\\' && literal.Style is SqlQuoteStyle.Backslash or SqlQuoteStyle.NonStandardBackslash && i + 1 < stop)
            {
                i++;
                column++;
                c = mySql
                    ? source[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', '0' => '\0', 'Z' => '\u001A', var other => other }
                    : source[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', var other => other };
            }

            text.Append(c, atLine, atColumn);
            (line, column) = Step(source, i, line, column);
        }
    }

    private static (int Line, int Column) Step(string source, int index, int line, int column)
    {
        var c = source[index];
        if (c == '\n' || (c == '\r' && (index + 1 >= source.Length || source[index + 1] != '\n'))) return (line + 1, 1);
        return (line, column + 1);
    }

    /// <summary>Text built piece by piece, each character remembering where in the file it came from.</summary>
    internal sealed class PositionedText
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int Line, int Column)> _positions = [];

        public int Length => _text.Length;

        public override string ToString() => _text.ToString();

        public void Append(char c, int line, int column)
        {
            _text.Append(c);
            _positions.Add((line, column));
        }

        /// <summary>Appends generated text (a quoted identifier, a formatted value); all of it is located at one place.</summary>
        public void Append(string value, int line, int column)
        {
            foreach (var c in value) Append(c, line, column);
        }

        public void AppendRaw(string source, int start, int end, int line, int column)
        {
            for (var i = start; i < end; i++)
            {
                Append(source[i], line, column);
                (line, column) = Step(source, i, line, column);
            }
        }

        public EmbeddedSql Lex(List<SqlLexDiagnostic> diagnostics, SqlDialect dialect = SqlDialect.Postgres)
        {
            var text = _text.ToString();
            var local = new List<SqlLexDiagnostic>();
            var lexer = new SqlLexer(text, dialect, 1, local);
            var tokens = new List<SqlToken>();
            while (lexer.Next(out var token))
            {
                var (line, column) = At(token.Start);
                tokens.Add(token with { Line = line, Column = column });
            }

            if (local.Count > 0)
            {
                var lineStarts = LineStarts(text);
                foreach (var d in local)
                {
                    var offset = d.Line - 1 < lineStarts.Count ? lineStarts[d.Line - 1] + d.Column - 1 : text.Length;
                    var (line, column) = At(offset);
                    diagnostics.Add(d with { Line = line, Column = column });
                }
            }

            return new EmbeddedSql(text, tokens);
        }

        private (int Line, int Column) At(int offset)
            => _positions.Count == 0 ? (1, 1) : _positions[Math.Clamp(offset, 0, _positions.Count - 1)];

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
            }

            return starts;
        }
    }
}
