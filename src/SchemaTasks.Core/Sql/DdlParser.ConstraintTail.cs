namespace SchemaTasks.Sql;

// What may follow a table constraint's columns (or its REFERENCES target) before the ',' or ')'
// that ends it: index options and foreign key options. Any other word means a separator is
// missing, and the server stops there with a syntax error (PostgreSQL 42601, MySQL 1064).
// Skipping blindly to the next ',' would drop the actions written after it instead:
// UPchieve's "ADD CONSTRAINT u UNIQUE (name, us_state_code) DROP CONSTRAINT ..." lost the DROP.
internal sealed partial class DdlParser
{
    // PostgreSQL: INCLUDE, WITH (...), USING INDEX TABLESPACE t, EXCLUDE's WHERE (...), the
    // foreign key's MATCH and ON DELETE/UPDATE actions, the deferral words, NOT VALID,
    // NO INHERIT and PostgreSQL 18's [NOT] ENFORCED.
    private static readonly string[] PostgresConstraintTailWords =
    [
        "INCLUDE", "WITH", "USING", "INDEX", "TABLESPACE", "WHERE", "DEFERRABLE", "NOT", "INITIALLY", "DEFERRED", "IMMEDIATE",
        "VALID", "NO", "INHERIT", "ENFORCED", "MATCH", "FULL", "PARTIAL", "SIMPLE", "ON", "DELETE", "UPDATE", "ACTION",
        "RESTRICT", "CASCADE", "SET", "NULL", "DEFAULT",
    ];

    // MySQL and MariaDB: the index options (USING, KEY_BLOCK_SIZE, WITH PARSER, COMMENT,
    // [IN]VISIBLE, the engine attributes, MariaDB's CLUSTERING and [NOT] IGNORED) and the
    // foreign key's MATCH and ON DELETE/UPDATE actions.
    private static readonly string[] MySqlConstraintTailWords =
    [
        "USING", "BTREE", "HASH", "RTREE", "KEY_BLOCK_SIZE", "WITH", "PARSER", "COMMENT", "VISIBLE", "INVISIBLE",
        "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE", "CLUSTERING", "YES", "NO", "IGNORED", "NOT", "ENFORCED",
        "MATCH", "FULL", "PARTIAL", "SIMPLE", "ON", "DELETE", "UPDATE", "ACTION", "RESTRICT", "CASCADE", "SET", "NULL", "DEFAULT",
    ];

    /// <summary>Reads the rest of a table constraint up to (not including) its ',' or ')' or the end of the statement.</summary>
    private void ConstraintTail()
    {
        var nameNext = false;
        while (!_c.AtEnd && !_c.IsSymbol(',') && !_c.IsSymbol(')') && !(_mySql && IsMySqlPartitioning())) ConstraintTailStep(ref nameNext);
    }

    /// <summary>
    /// Moves past one part of a constraint's tail: a keyword of it, a value (after '=', COMMENT
    /// and the like), a parenthesised group, or the name after TABLESPACE or WITH PARSER.
    /// <paramref name="nameNext"/> carries whether a name is due.
    /// </summary>
    private void ConstraintTailStep(ref bool nameNext)
    {
        var token = _c.Current;
        if (_c.IsSymbol('('))
        {
            _c.Parenthesised();
        }
        else if (nameNext && _c.IsIdentifier)
        {
            _c.Next();
        }
        else if (token.Kind is SqlTokenKind.String or SqlTokenKind.Number || _c.IsSymbol('='))
        {
            _c.Next();
        }
        else if (token.Kind == SqlTokenKind.Word && IsConstraintTailWord())
        {
            nameNext = _c.IsWord("TABLESPACE") || _c.IsWord("PARSER");
            _c.Next();
            return;
        }
        else
        {
            throw _c.Error("expected ',' or the end of the constraint");
        }

        nameNext = false;
    }

    private bool IsConstraintTailWord()
    {
        foreach (var word in _mySql ? MySqlConstraintTailWords : PostgresConstraintTailWords)
        {
            if (_c.IsWord(word)) return true;
        }

        return false;
    }
}
