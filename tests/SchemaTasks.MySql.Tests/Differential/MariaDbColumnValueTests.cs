using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB's columns and values as the server builds or refuses them: defaults a column cannot
/// hold (1067), ON UPDATE on a column that is no TIMESTAMP or DATETIME (1294), an unknown charset
/// (1115), a VARCHAR too long for its charset (1074), a primary key over 3,072 bytes (1071), a row over 65,535 bytes (1118), a drop of a constraint the table lacks
/// (1091), ALTER INDEX of an index the statement adds (1176) and a cast to JSON in an UPDATE
/// (1064); and the types and defaults it stores: TEXT(n) and BLOB(n) sized, dates normalised,
/// ENUM labels with \% and \_. Run against MariaDB only.
/// </summary>
public sealed class MariaDbColumnValueTests
{
    [MySqlTheory]
    [InlineData("varchar too short", "CREATE TABLE t (id int PRIMARY KEY, code varchar(2) NOT NULL DEFAULT 'abc');", 1067)]
    [InlineData("tinyint out of range", "CREATE TABLE t (c tinyint DEFAULT 300);", 1067)]
    [InlineData("unsigned negative", "CREATE TABLE t (c int unsigned DEFAULT -1);", 1067)]
    [InlineData("text on an integer", "CREATE TABLE t (c int DEFAULT 'abc');", 1067)]
    [InlineData("a month past 12", "CREATE TABLE t (c date DEFAULT '2020-13-01');", 1067)]
    [InlineData("decimal overflow", "CREATE TABLE t (c decimal(3,1) DEFAULT 1000);", 1067)]
    [InlineData("a timestamp before 1970", "CREATE TABLE t (c timestamp NULL DEFAULT '1960-01-01');", 1067)]
    [InlineData("a year before 1901", "CREATE TABLE t (c year DEFAULT 1900);", 1067)]
    [InlineData("set default", "CREATE TABLE t (c int);\nALTER TABLE t ALTER COLUMN c SET DEFAULT 'x';", 1067)]
    [InlineData("not strict", "SET sql_mode = '';\nCREATE TABLE t (c tinyint DEFAULT 300);", 1067)]
    public async Task A_default_the_column_cannot_hold_is_refused(string behaviour, string sql, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.DefaultNotOfColumnType, error);
    }

    [MySqlTheory]
    [InlineData("on update of an int", "CREATE TABLE t (c int ON UPDATE current_timestamp);", DiagnosticCodes.ColumnDefinitionRefused, 1294)]
    [InlineData("on update of a date", "CREATE TABLE t (c date ON UPDATE current_timestamp);", DiagnosticCodes.ColumnDefinitionRefused, 1294)]
    [InlineData("an unknown column charset", "CREATE TABLE t (c varchar(10) CHARACTER SET nope);", DiagnosticCodes.ColumnDefinitionRefused, 1115)]
    [InlineData("an unknown table charset", "CREATE TABLE t (c int) CHARSET nope;", DiagnosticCodes.ColumnDefinitionRefused, 1115)]
    [InlineData("varchar over utf8mb4's bytes", "CREATE TABLE t (a varchar(20000)) CHARSET utf8mb4;", DiagnosticCodes.TypeWidthRefused, 1074)]
    [InlineData("varchar over utf8mb3's bytes", "CREATE TABLE t (a int);\nALTER TABLE t ADD b varchar(21845) CHARACTER SET utf8mb3;", DiagnosticCodes.TypeWidthRefused, 1074)]
    [InlineData("primary key over 3072 bytes", "CREATE TABLE t (a varchar(768), b int, PRIMARY KEY (a, b)) CHARSET utf8mb4;", DiagnosticCodes.ColumnDefinitionRefused, 1071)]
    [InlineData("primary key added over 3072 bytes", "CREATE TABLE t (a varchar(1000)) CHARSET utf8mb4;\nALTER TABLE t ADD PRIMARY KEY (a);", DiagnosticCodes.ColumnDefinitionRefused, 1071)]
    [InlineData("drop of a check not there", "CREATE TABLE m (id int PRIMARY KEY, s text NOT NULL CHECK (s <> ''), CHECK (id > 0));\nALTER TABLE m DROP CONSTRAINT m_chk_1;", DiagnosticCodes.ConstraintNotFound, 1091)]
    [InlineData("drop of a plain index as a constraint", "CREATE TABLE m (id int PRIMARY KEY, k int, KEY i_k (k));\nALTER TABLE m DROP CONSTRAINT i_k;", DiagnosticCodes.ConstraintNotFound, 1091)]
    [InlineData("alter index added in the statement", "CREATE TABLE t (id int PRIMARY KEY, d int);\nALTER TABLE t ADD INDEX i_d (d), ALTER INDEX i_d IGNORED;", DiagnosticCodes.ConstraintNotFound, 1176)]
    [InlineData("a row over 65535 bytes", "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32766) NOT NULL) CHARSET latin1;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a row over 65535 bytes by its null bits", "CREATE TABLE r (a varchar(32765), b varchar(32766)) CHARSET latin1;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a row over 65535 bytes by a TEXT pointer", "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32756) NOT NULL, c text NOT NULL) CHARSET latin1;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a row over 65535 bytes by an ENUM", "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32765) NOT NULL, e enum('x') NOT NULL) CHARSET latin1;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a row over 65535 bytes in utf8mb4", "CREATE TABLE r (a varchar(10000), b varchar(10000)) CHARSET utf8mb4;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a row over 65535 bytes by binary columns", "CREATE TABLE r (a varbinary(32766) NOT NULL, b binary(255) NOT NULL, c varbinary(32511) NOT NULL);", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a column added past 65535 bytes", "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32765) NOT NULL) CHARSET latin1;\nALTER TABLE r ADD c varchar(1);", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a column widened past 65535 bytes", "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(100) NOT NULL) CHARSET latin1;\nALTER TABLE r MODIFY b varchar(32766) NOT NULL;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a charset converted past 65535 bytes", "CREATE TABLE r (a varchar(10000) NOT NULL, b varchar(10000) NOT NULL) CHARSET latin1;\nALTER TABLE r CONVERT TO CHARACTER SET utf8mb4;", DiagnosticCodes.ColumnDefinitionRefused, 1118)]
    [InlineData("a charset converted past a VARCHAR's bytes", "CREATE TABLE c (id int PRIMARY KEY, v varchar(20000), t text) CHARSET latin1;\nALTER TABLE c CONVERT TO CHARACTER SET utf8mb4;", DiagnosticCodes.ConvertedVarcharTooLong, 1074)]
    [InlineData("a charset converted past a VARCHAR's bytes by 3", "CREATE TABLE c (id int PRIMARY KEY, v varchar(21845)) CHARSET latin1;\nALTER TABLE c ADD w int, CONVERT TO CHARACTER SET utf8mb3;", DiagnosticCodes.ConvertedVarcharTooLong, 1074)]
    [InlineData("cast to json in an update", "CREATE TABLE t (a text, b json);\nUPDATE t SET b = CAST(a AS JSON) WHERE a <> '';", DiagnosticCodes.SyntaxError, 1064)]
    public async Task A_definition_or_statement_the_server_refuses_is_reported(string behaviour, string sql, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, code, error);
    }

    [MySqlFact]
    public async Task Rows_up_to_65535_bytes_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "rows up to 65535 bytes",
            """
            CREATE TABLE r1 (a varchar(32765) NOT NULL, b varchar(32766) NOT NULL) CHARSET latin1;
            CREATE TABLE r2 (a varchar(16383) NOT NULL) CHARSET utf8mb4;
            CREATE TABLE r3 (a varchar(250) NOT NULL, b varchar(65280) NOT NULL) CHARSET latin1;
            CREATE TABLE r4 (a varbinary(32766) NOT NULL, b binary(255) NOT NULL, c varbinary(32510) NOT NULL);
            CREATE TABLE r5 (a varchar(32766) NOT NULL, b varchar(32755) NOT NULL, c text NOT NULL) CHARSET latin1;
            CREATE TABLE r6 (a varchar(32766) NOT NULL, b varchar(32753) NOT NULL, c longblob NOT NULL) CHARSET latin1;
            CREATE TABLE r7 (a varchar(32000) NOT NULL, t text, u longtext, b varchar(32000) NOT NULL) CHARSET latin1;
            ALTER TABLE r7 ADD c int, MODIFY b varchar(33000) NOT NULL;
            SET sql_mode = '';
            CREATE TABLE r8 (a varchar(20000), b varchar(20000)) CHARSET utf8mb4;
            CREATE TABLE r9 (a varchar(65533), c varchar(70000), d varchar(16777216), e varchar(21845) CHARSET utf8mb3, f varchar(21846) CHARSET utf8mb3,
              g varbinary(65533), h varbinary(70000), i varchar(16384) CHARSET utf8mb4) CHARSET latin1;
            ALTER TABLE r9 ADD j varchar(70000), MODIFY a varchar(16384) CHARSET utf8mb4;
            """,
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task Varchars_made_too_long_by_a_conversion_without_strict_mode_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "a conversion without strict mode",
            """
            SET sql_mode = '';
            CREATE TABLE c (id int PRIMARY KEY, v varchar(20000) NOT NULL DEFAULT 'x', w varchar(1000), j varchar(21845), t tinytext) CHARSET latin1;
            ALTER TABLE c CONVERT TO CHARACTER SET utf8mb4;
            CREATE TABLE d (j varchar(21845), k varchar(100)) CHARSET latin1;
            ALTER TABLE d CONVERT TO CHARACTER SET utf8mb3;
            """,
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task A_long_varchar_of_the_databases_charset_without_strict_mode_matches_a_utf8mb4_database()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "a long varchar of the database's charset",
            """
            SET sql_mode = '';
            CREATE TABLE t (a varchar(20000), b varchar(1000), c varchar(70000));
            CREATE TABLE u (id int);
            ALTER TABLE u ADD a varchar(16384);
            """,
            SqlDialect.MariaDb,
            DiagnosticCodes.TypeUndecidedByCharset,
            DiagnosticCodes.TypeUndecidedByCharset);
    }

    [MySqlFact]
    public async Task The_zero_default_of_a_not_null_on_update_column_matches_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "zero defaults of ON UPDATE columns",
            """
            CREATE TABLE u (id int PRIMARY KEY, d1 datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP, d2 datetime(3) NOT NULL ON UPDATE CURRENT_TIMESTAMP(3),
              t1 timestamp NOT NULL ON UPDATE CURRENT_TIMESTAMP, d3 datetime NULL ON UPDATE CURRENT_TIMESTAMP, t2 timestamp NULL ON UPDATE CURRENT_TIMESTAMP, p datetime NOT NULL);
            ALTER TABLE u ADD t3 timestamp(2) NOT NULL ON UPDATE CURRENT_TIMESTAMP(2), ADD m int;
            ALTER TABLE u MODIFY m datetime(6) NOT NULL ON UPDATE CURRENT_TIMESTAMP(6);
            CREATE TABLE v (id int PRIMARY KEY, d datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP, e datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP);
            ALTER TABLE v ALTER COLUMN d DROP DEFAULT;
            SET sql_mode = 'TRADITIONAL';
            CREATE TABLE w (id int PRIMARY KEY, d datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP);
            """,
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task Sized_types_and_normalised_defaults_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "sized types and defaults",
            """
            CREATE TABLE t (a text(100) CHARSET latin1, b text(300), c blob(70000), d text(20000000), e blob(10), f date DEFAULT '2020-1-1',
              g datetime DEFAULT '2020-01-01 10:00', h time DEFAULT '1:2:3', i timestamp NULL DEFAULT '2020-01-01', j datetime(3) DEFAULT '2020-01-01 10:00:00.1234',
              k int DEFAULT 1.5, l int DEFAULT ' 12 ', m decimal(3,1) DEFAULT 99.94, n char(2) DEFAULT 'ab ', o year DEFAULT 99, p date DEFAULT '0000-00-00',
              q text(64)) CHARSET utf8mb4;
            ALTER TABLE t ADD s text(100) CHARACTER SET latin1, ADD u varchar(2) DEFAULT 'éé', MODIFY e blob(256);
            """,
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task Enum_labels_with_escapes_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "enum escapes",
            "CREATE TABLE t (a enum('pct\\%', 'un\\_d', 'x', 'q\\'s', 'b\\\\s', 'z\\z') NOT NULL DEFAULT 'pct\\%');",
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task Generated_check_names_and_existing_indexes_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "generated names",
            """
            CREATE TABLE m (id int PRIMARY KEY, s text NOT NULL CHECK (s <> ''), k int, CHECK (id > 0), CHECK (id < 100), CONSTRAINT named CHECK (id <> 5), KEY i_k (k));
            ALTER TABLE m DROP CONSTRAINT CONSTRAINT_1, DROP CONSTRAINT named;
            ALTER TABLE m ADD CHECK (id < 1000);
            ALTER TABLE m DROP CONSTRAINT CONSTRAINT_1, DROP CONSTRAINT IF EXISTS nope, ALTER INDEX i_k IGNORED;
            ALTER TABLE m ADD INDEX i_id (id);
            ALTER TABLE m ALTER INDEX i_id IGNORED;
            """,
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task System_versioning_columns_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "system versioning",
            """
            CREATE TABLE d (id int PRIMARY KEY, ts timestamp(6) GENERATED ALWAYS AS ROW START, te timestamp(6) GENERATED ALWAYS AS ROW END, PERIOD FOR SYSTEM_TIME(ts, te)) WITH SYSTEM VERSIONING;
            CREATE TABLE t (id int PRIMARY KEY, x int);
            ALTER TABLE t ADD COLUMN ts timestamp(6) GENERATED ALWAYS AS ROW START, ADD COLUMN te timestamp(6) GENERATED ALWAYS AS ROW END, ADD PERIOD FOR SYSTEM_TIME(ts, te), ADD SYSTEM VERSIONING;
            """,
            SqlDialect.MariaDb);
    }
}
