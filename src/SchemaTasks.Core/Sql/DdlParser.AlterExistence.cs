using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

// MariaDB's IF EXISTS and IF NOT EXISTS inside ALTER TABLE actions (DROP FOREIGN KEY IF EXISTS,
// ADD COLUMN IF NOT EXISTS, ...). MySQL 8's grammar has none of them and refuses the statement
// with error 1064, so under the mysql dialect the words are that syntax error, with the way out.
internal sealed partial class DdlParser
{
    /// <summary><c>IF EXISTS</c> after <paramref name="clause"/> of a MySQL-family ALTER TABLE action.</summary>
    private bool AlterIfExists(string clause)
    {
        if (!_c.IsWord("IF")) return false;
        RefuseUnderMySql8("IF EXISTS", clause);
        return IfExists();
    }

    /// <summary><c>IF NOT EXISTS</c> after <paramref name="clause"/> of a MySQL-family ALTER TABLE action.</summary>
    private bool AlterIfNotExists(string clause)
    {
        if (!_c.IsWord("IF")) return false;
        RefuseUnderMySql8("IF NOT EXISTS", clause);
        return IfNotExists();
    }

    private void RefuseUnderMySql8(string words, string clause)
    {
        if (_rules.Dialect != SqlDialect.MySql) return;
        throw new SqlParseException(
            DiagnosticCodes.SyntaxError,
            $"MySQL 8 does not accept {words} after {clause} (error 1064, a syntax error); MariaDB does. Remove {words} (and the action itself if the migrations before it leave nothing for it to do), or, if the database is MariaDB, set the dialect to mariadb",
            _c.Current);
    }

    // MySQL 8.0.19 added DROP CHECK; MariaDB never did, and takes DROP CONSTRAINT for a CHECK.
    private void RefuseDropCheckUnderMariaDb(SqlToken at)
    {
        if (_rules.Dialect != SqlDialect.MariaDb) return;
        throw new SqlParseException(
            DiagnosticCodes.SyntaxError,
            "MariaDB does not accept DROP CHECK (error 1064, a syntax error; MySQL 8 does). Write DROP CONSTRAINT instead, which drops a CHECK on both",
            at);
    }

    /// <summary>
    /// <c>IF NOT EXISTS</c> after a key's words (<c>ADD UNIQUE KEY IF NOT EXISTS name</c>); MariaDB
    /// takes it in ALTER TABLE ... ADD only. IF is reserved, so it never names a key.
    /// </summary>
    private bool KeyIfNotExists(string clause, bool alterAdd)
    {
        if (!_c.IsWord("IF")) return false;
        if (!alterAdd) throw _c.Error($"expected the {clause}'s name or columns (IF NOT EXISTS belongs to ALTER TABLE ... ADD {clause}, not to a table definition)");
        return AlterIfNotExists("ADD " + clause);
    }

    /// <summary><c>ADD CONSTRAINT IF NOT EXISTS name</c>, which MariaDB takes before a CHECK only.</summary>
    private bool ConstraintIfNotExists() => AlterIfNotExists("ADD CONSTRAINT");

    private SqlParseException OnlyCheckAfterConstraintIfNotExists()
        => new(
            DiagnosticCodes.SyntaxError,
            "MariaDB accepts ADD CONSTRAINT IF NOT EXISTS name only before a CHECK (error 1064, a syntax error, before a key). Write ADD UNIQUE KEY IF NOT EXISTS name (...), ADD FOREIGN KEY IF NOT EXISTS name (...) REFERENCES ..., or ADD CONSTRAINT name without IF NOT EXISTS",
            _c.Current);
}
