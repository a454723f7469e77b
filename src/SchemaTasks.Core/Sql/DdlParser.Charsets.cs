using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

// MySQL and MariaDB character sets: a table's default (CREATE and ALTER TABLE options), a
// column's (CHARACTER SET, COLLATE, ASCII, UNICODE) and ALTER TABLE ... CONVERT TO CHARACTER SET.
// They decide what CONVERT widens TEXT types to, so the engine follows them.
internal sealed partial class DdlParser
{
    /// <summary>The collation a column's <c>BINARY</c> attribute stands for: its charset's <c>_bin</c> one, which compares case.</summary>
    internal const string BinaryAttributeCollation = "binary";

    /// <summary>
    /// What CHARACTER SET and COLLATE clauses said: a CHARACTER SET wins over the charset a COLLATE
    /// implies (the server refuses the two when they disagree).
    /// </summary>
    private struct CharsetClauses
    {
        private string? _charset;
        private string? _collationCharset;

        /// <summary>The charset written, <see cref="MySqlCharsets.Unknown"/> when the clauses name none the migrations can tell, <see langword="null"/> when there were none.</summary>
        public readonly string? Result => _charset ?? _collationCharset;

        /// <summary>The collation a COLLATE clause names, in lower case (<c>default</c> for COLLATE DEFAULT); <see langword="null"/> when none did.</summary>
        public string? CollationWritten { readonly get; set; }

        public void Charset(string charset) => _charset = charset;

        public void Collation(string charset) => _collationCharset = charset;
    }

    // The words an ALTER TABLE action made of table options can start with.
    private bool IsMySqlTableOptionStart()
        => _c.IsWord("DEFAULT") || _c.IsWord("CHARACTER") || _c.IsWord("CHARSET") || _c.IsWord("COLLATE") || _c.IsWord("CONVERT")
           || _c.IsWord("ENGINE") || _c.IsWord("AUTO_INCREMENT") || _c.IsWord("COMMENT") || _c.IsWord("ROW_FORMAT")
           || _c.IsWord("KEY_BLOCK_SIZE") || _c.IsWord("STATS_PERSISTENT") || _c.IsWord("STATS_AUTO_RECALC") || _c.IsWord("PACK_KEYS")
           || _c.IsWord("MAX_ROWS") || _c.IsWord("MIN_ROWS") || _c.IsWord("CHECKSUM") || _c.IsWord("COMPRESSION") || _c.IsWord("ENCRYPTION");

    /// <summary>
    /// An ALTER TABLE action made of table options (MySQL lets them follow each other without
    /// commas): <c>CONVERT TO CHARACTER SET</c>, a new default charset, or nothing tracked.
    /// </summary>
    private AlterAction? MySqlTableOptions(SqlToken at)
    {
        var clauses = default(CharsetClauses);
        string? convertTo = null;
        string? convertCollation = null;
        while (!_c.AtEnd && !_c.IsSymbol(','))
        {
            RefuseQuotedNameAsComment();
            if (_c.TryWord("CONVERT"))
            {
                _c.ExpectWord("TO");
                var target = default(CharsetClauses);
                if (!TryCharsetClause(ref target, afterDefault: false) || target.Result is null) throw _c.Error("expected CHARACTER SET after CONVERT TO");
                TryCharsetClause(ref target, afterDefault: false);
                convertTo = target.Result;
                convertCollation = target.CollationWritten;
            }
            else if (!TryCharsetClause(ref clauses, afterDefault: true))
            {
                if (_c.IsSymbol('(')) _c.Parenthesised();
                else _c.Next();
            }
        }

        if (convertTo is not null) return new ConvertToCharsetAction(at, convertTo) { Collation = convertCollation };
        return clauses.Result is { } charset ? new SetTableCharsetAction(at, charset) { Collation = clauses.CollationWritten } : null;
    }

    /// <summary>
    /// Reads one <c>CHARACTER SET name</c>, <c>CHARSET name</c> or <c>COLLATE name</c> (with an
    /// optional <c>=</c>; among table options also after <c>DEFAULT</c>) into
    /// <paramref name="clauses"/>; false, reading nothing, at anything else.
    /// </summary>
    private bool TryCharsetClause(ref CharsetClauses clauses, bool afterDefault)
    {
        var ahead = afterDefault && _c.IsWord("DEFAULT") ? 1 : 0;
        var collation = _c.IsWord("COLLATE", ahead);
        var characterSet = _c.IsWord("CHARACTER", ahead) && _c.IsWord("SET", ahead + 1);
        if (!collation && !characterSet && !_c.IsWord("CHARSET", ahead)) return false;
        var words = ahead + (characterSet ? 2 : 1);
        for (var i = 0; i < words; i++) _c.Next();
        _c.TrySymbol('=');
        if (_c.AtEnd) throw _c.Error("expected a name");
        var token = _c.Next();
        var name = token.Kind switch
        {
            SqlTokenKind.Word when SqlTokenText.Raw(_c.Source, token).Equals("DEFAULT", StringComparison.OrdinalIgnoreCase) => null,
            SqlTokenKind.Word => SqlTokenText.Raw(_c.Source, token),
            SqlTokenKind.QuotedIdentifier or SqlTokenKind.String => SqlTokenText.Unquote(_c.Source, token),
            _ => throw _c.Error("expected a name"),
        };

        if (collation)
        {
            clauses.CollationWritten = (name ?? "default").ToLowerInvariant();
            clauses.Collation(name is null ? MySqlCharsets.Unknown : MySqlCharsets.OfCollation(name));
        }
        else
        {
            if (name is not null && _rules.Dialect == SqlDialect.MariaDb && !MySqlCharsets.MariaDbHas(name))
            {
                throw new SqlParseException(
                    DiagnosticCodes.ColumnDefinitionRefused,
                    $"MariaDB has no character set '{name}' (error 1115, Unknown character set), so it refuses the statement. Use a charset the server lists in information_schema.CHARACTER_SETS (utf8mb4, latin1, ...)",
                    token);
            }

            clauses.Charset(name is null ? MySqlCharsets.Unknown : MySqlCharsets.Named(name));
        }

        return true;
    }

    /// <summary>A column's charset attribute: CHARACTER SET, COLLATE, or ASCII (latin1) and UNICODE (ucs2).</summary>
    private bool TryColumnCharset(ref CharsetClauses clauses)
    {
        if (TryCharsetClause(ref clauses, afterDefault: false)) return true;
        if (_c.TryWord("ASCII")) clauses.Charset("latin1");
        else if (_c.TryWord("UNICODE")) clauses.Charset("ucs2");
        else return false;
        return true;
    }
}
