using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// <c>ALTER TABLE ... CONVERT TO CHARACTER SET</c> with every charset written: the TEXT types it
/// widens, by the table's, a column's or a collation's charset before it, run on the real server
/// and compared with the engine's catalog of the same SQL.
/// </summary>
public sealed class MySqlCharsetConversionTests
{
    [MySqlTheory]
    [InlineData("latin1 to utf8mb4 widens each TEXT type one step", """
        CREATE TABLE t (a tinytext, b text, c mediumtext, d longtext, e varchar(100), f char(10), g enum('x'), h blob) DEFAULT CHARSET=latin1;
        ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
        """)]
    [InlineData("a table already in utf8mb4 keeps its types", """
        CREATE TABLE t (a tinytext, b text, c mediumtext) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
        ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        """)]
    [InlineData("column charsets, collations, ASCII, UNICODE and NATIONAL", """
        CREATE TABLE t (
          a tinytext CHARACTER SET utf8mb4,
          b text CHARSET utf8,
          c text COLLATE utf8mb4_bin,
          d tinytext ASCII,
          e tinytext UNICODE,
          f text,
          g national varchar(5)) COLLATE latin1_bin;
        ALTER TABLE t CONVERT TO CHARSET 'utf8mb4';
        """)]
    [InlineData("utf8mb3 to utf8mb4 widens; towards fewer bytes nothing narrows", """
        CREATE TABLE t (a tinytext, b text, c mediumtext) CHARACTER SET = utf8mb3;
        ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
        CREATE TABLE u (a tinytext, b text) DEFAULT CHARSET utf8mb4;
        ALTER TABLE u CONVERT TO CHARACTER SET utf8;
        ALTER TABLE u CONVERT TO CHARACTER SET utf8mb4;
        """)]
    [InlineData("columns follow the table default through ADD, MODIFY, RENAME and ALTER TABLE CHARSET", """
        CREATE TABLE t (a tinytext, b tinytext CHARACTER SET utf8mb4) DEFAULT CHARSET=utf8mb4;
        ALTER TABLE t ENGINE=InnoDB DEFAULT CHARSET=latin1;
        ALTER TABLE t ADD COLUMN c tinytext, MODIFY a tinytext, RENAME COLUMN b TO bb;
        ALTER TABLE t ADD COLUMN (d tinytext CHARACTER SET utf8mb4, e text);
        ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
        """)]
    [InlineData("to a single-byte charset, then on from it", """
        CREATE TABLE t (a tinytext, b mediumtext);
        ALTER TABLE t CONVERT TO CHARACTER SET latin1;
        ALTER TABLE t CONVERT TO CHARACTER SET ucs2;
        """)]
    [InlineData("to binary", """
        CREATE TABLE t (a tinytext, b longtext, c varchar(100), d char(3), e enum('x')) DEFAULT CHARSET=utf8mb4;
        ALTER TABLE t CONVERT TO CHARACTER SET binary;
        """)]
    public Task Conversion_matches_the_server(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);
}
