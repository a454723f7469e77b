using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class StoredDefaults
{
    /// <summary>
    /// A bit string constant (<c>B'101'</c>, <c>X'1F'</c>) on a PostgreSQL <c>bit</c> or
    /// <c>bit varying</c> column: the server stores it as a <c>bit</c> constant, shown as its binary
    /// digits cast to <c>"bit"</c>, which is a bit column's own type (the cast is dropped) and not
    /// a bit varying column's (<c>'101'::"bit"</c>). <see langword="null"/> for any other default.
    /// </summary>
    private static string? PostgresBitConstant(Shape shape, string columnBase)
    {
        if (columnBase is not ("bit" or "bit varying") || shape.Tokens.Count != 1 || shape.Tokens[0] is not { Kind: SqlTokenKind.String, PrefixLength: 1 } token) return null;
        var content = SqlTokenText.Unquote(shape.Source, token);
        var digits = char.ToLowerInvariant(shape.Source[token.Start]) switch
        {
            'b' => PostgresBitText.Binary(content),
            'x' => PostgresBitText.Hex(content),
            _ => null,
        };
        if (digits is null) return null;
        return columnBase == "bit" ? "'" + digits + "'" : "'" + digits + "'::\"bit\"";
    }
}
