namespace SchemaTasks.Sql;

/// <summary>What a token is; comments and whitespace never become tokens.</summary>
internal enum SqlTokenKind : byte
{
    /// <summary>An unquoted word: keyword or identifier.</summary>
    Word,

    /// <summary>A quoted identifier: PostgreSQL <c>"x"</c>, MySQL <c>`x`</c>.</summary>
    QuotedIdentifier,

    /// <summary>A string literal in any of its forms.</summary>
    String,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>Punctuation or an operator.</summary>
    Symbol,

    /// <summary>A positional parameter such as <c>$1</c>.</summary>
    Parameter,

    /// <summary>The default statement terminator <c>;</c>.</summary>
    Semicolon,

    /// <summary>A terminator set by MySQL's <c>DELIMITER</c> directive, or the directive line itself.</summary>
    Delimiter,
}

/// <summary>How the text of a string literal or quoted identifier is escaped.</summary>
internal enum SqlQuoteStyle : byte
{
    /// <summary>Not quoted.</summary>
    None,

    /// <summary>Only a doubled quote character is an escape.</summary>
    Doubling,

    /// <summary>Backslash escapes as well as doubling (MySQL strings, PostgreSQL <c>E'..'</c>).</summary>
    Backslash,

    /// <summary>PostgreSQL dollar quoting: no escapes at all.</summary>
    Dollar,

    /// <summary>A PostgreSQL <c>'...'</c> string under standard_conforming_strings off: its backslashes escape as in <c>E'...'</c>.</summary>
    NonStandardBackslash,
}

/// <summary>
/// One token as a span of the source text, so lexing allocates nothing per token.
/// <see cref="Line"/> and <see cref="Column"/> are positions in the migration file.
/// </summary>
internal readonly record struct SqlToken(
    SqlTokenKind Kind,
    int Start,
    int Length,
    int Line,
    int Column,
    SqlQuoteStyle Style = SqlQuoteStyle.None,
    byte PrefixLength = 0,
    bool SpaceBefore = false,
    bool Unterminated = false)
{
    /// <summary>Offset just past the token.</summary>
    public int End => Start + Length;
}
