namespace SchemaTasks.Diagnostics;

/// <summary>
/// Every diagnostic code SchemaTasks reports. Codes never change meaning once released;
/// each has a section in <c>docs/diagnostics.md</c>.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The migrations folder does not exist.</summary>
    public const string MigrationsDirectoryMissing = "ST1001";

    /// <summary>The migrations folder holds no migration file.</summary>
    public const string NoMigrations = "ST1002";

    /// <summary>The files match more than one migration layout, or none that was asked for.</summary>
    public const string AmbiguousLayout = "ST1003";

    /// <summary>Two migrations have the same version.</summary>
    public const string DuplicateVersion = "ST1004";

    /// <summary>A file in the migrations folder does not follow the layout's naming rule.</summary>
    public const string UnrecognisedMigrationFile = "ST1005";

    /// <summary>The layout or dialect named by a property is not one SchemaTasks knows.</summary>
    public const string UnknownSetting = "ST1006";

    /// <summary>A layout marker (such as Prisma's <c>migration_lock.toml</c>) names a dialect that differs from the one set.</summary>
    public const string DialectConflict = "ST1007";

    /// <summary>
    /// A symbolic link in the migrations folder leads to a folder that contains it, or to a folder
    /// already read by another path; it is not followed, so no file is read twice or forever.
    /// </summary>
    public const string FolderLinkCycle = "ST1009";

    /// <summary>A file in the migrations folder is not read by the layout (for example <c>seed.sql</c> beside Prisma's migration folders). Information only.</summary>
    public const string FileNotRead = "ST1010";

    /// <summary>A file or folder inside the migrations folder cannot be read (a broken link, no permission).</summary>
    public const string FolderEntryUnreadable = "ST1011";

    /// <summary>drizzle-kit's <c>meta/_journal.json</c> is not a journal SchemaTasks can read (not JSON, no <c>entries</c>, an entry without <c>tag</c> or <c>when</c>).</summary>
    public const string UnreadableJournal = "ST1012";

    /// <summary>drizzle-kit's journal names a migration whose <c>.sql</c> file is missing.</summary>
    public const string JournalFileMissing = "ST1013";

    /// <summary>A <c>.sql</c> file of a drizzle-kit folder is not named in its journal, so drizzle-kit never applies it.</summary>
    public const string FileNotInJournal = "ST1014";

    /// <summary>A goose migration's annotations do not follow goose's rules (no <c>-- +goose Up</c>, a second one, an unclosed <c>StatementBegin</c>).</summary>
    public const string GooseAnnotation = "ST1015";

    /// <summary>A goose Go-function migration whose effect on the schema is not declared. Warning.</summary>
    public const string UndeclaredCodeMigration = "ST1016";

    /// <summary>goose substitutes an environment variable (<c>ENVSUB ON</c>) the snapshot cannot know. Warning.</summary>
    public const string EnvironmentSubstitution = "ST1017";

    /// <summary>
    /// Atlas's <c>atlas.sum</c> does not match the migration files (one edited, added or removed
    /// after <c>atlas migrate hash</c>), is missing, or is not in its format; Atlas refuses the directory.
    /// </summary>
    public const string AtlasSumMismatch = "ST1018";

    /// <summary>
    /// An Atlas file directive Atlas refuses (an unknown or repeated <c>atlas:txmode</c>) or that
    /// SchemaTasks cannot read (<c>atlas:delimiter</c>, <c>atlas:checkpoint</c>); or, as a warning,
    /// one Atlas ignores because no blank line follows the file's header comments.
    /// </summary>
    public const string AtlasDirective = "ST1019";

    /// <summary>
    /// A Liquibase formatted SQL changelog Liquibase refuses: a changeset id used twice, a
    /// malformed <c>--changeset</c> line, a changeset without SQL; or one whose statements
    /// SchemaTasks cannot split (<c>endDelimiter</c>), or a <c>.sql</c> file without the header.
    /// </summary>
    public const string LiquibaseChangelog = "ST1020";

    /// <summary>
    /// A Liquibase changeset whose effect is decided when Liquibase runs (a precondition, a
    /// parameter given at run time, a <c>dbms</c> or <c>context</c> filter). Warning or information.
    /// </summary>
    public const string LiquibaseUndecidable = "ST1021";

    /// <summary>
    /// A folder read in the plain layout holds down migrations by name (<c>*.down.sql</c>, a
    /// <c>down.sql</c>, <c>*.undo.sql</c>, Flyway's <c>U</c> files) that cannot be set apart from its
    /// forward ones: a down file without its up file, or files of no direction beside them. The
    /// plain layout would run them as forward migrations, so the folder is not read.
    /// </summary>
    public const string DownMigrationsInPlainFolder = "ST1022";

    /// <summary>
    /// Information: a folder read in the plain layout is made of up/down pairs; the up files were
    /// read in name order and the down files skipped, as every tool that names files so runs them.
    /// </summary>
    public const string DownMigrationsSkipped = "ST1023";

    /// <summary>A pop folder holds a fizz migration (<c>.up.fizz</c>), pop's own language for schema changes, which SchemaTasks does not read.</summary>
    public const string FizzMigration = "ST1024";

    /// <summary>The layout was set, and it reads none of the folder's <c>.sql</c> files: the setting is almost surely wrong.</summary>
    public const string NoFileFollowsLayout = "ST1025";

    /// <summary>The layout was set to Flyway, and a file's name is not one Flyway reads: Flyway ignores it (unless told to validate names), and so does SchemaTasks.</summary>
    public const string FlywayIgnoresFile = "ST1028";

    /// <summary>
    /// dbmate refuses a file of the folder (no down block, as when its marker is indented; a
    /// statement before the up block; two down markers; a second section), and stops there.
    /// </summary>
    public const string DbmateRefusesFile = "ST1029";

    /// <summary>
    /// A Flyway migration holds a placeholder (<c>${name}</c>) with no value: Flyway replaces
    /// placeholders before running a migration and stops at one it has no value for. Reported once
    /// per name, at its first place; the value is given as Flyway is given it.
    /// </summary>
    public const string FlywayPlaceholderWithoutValue = "ST1030";

    /// <summary>
    /// A Flyway migration uses a placeholder only Flyway's run knows (<c>${flyway:user}</c>,
    /// <c>${flyway:timestamp}</c>, ...) where the schema depends on it (outside comments and the
    /// strings of data statements); SchemaTasks does not guess its value.
    /// </summary>
    public const string FlywayPlaceholderAtRunTime = "ST1031";

    /// <summary>
    /// A Flyway repeatable migration (<c>R__</c>) changes a tracked object (or holds a statement
    /// the engine cannot read): Flyway runs it after the versioned ones, SchemaTasks does not apply
    /// it, so the schema would lack the change. Reported at the file's first such statement.
    /// </summary>
    public const string FlywayRepeatableChangesSchema = "ST1032";

    /// <summary>
    /// A file read in the plain layout carries the up/down section markers of a tool that keeps both
    /// directions in one file (goose, dbmate, sql-migrate, Play evolutions): the plain layout would
    /// run its down section after its up section. The message names the tool and the layout to set.
    /// </summary>
    public const string ForeignSectionMarkers = "ST1035";

    /// <summary>
    /// A pop migration renders a connection option (<c>{{ index .Options "name" }}</c>,
    /// <c>{{ .Options.name }}</c>) that no value is given for, where the schema depends on it:
    /// pop renders every migration as a Go template before running it. Reported once per name, at
    /// its first place; the value is given as pop's connection is given it.
    /// </summary>
    public const string PopOptionWithoutValue = "ST1036";

    /// <summary>
    /// goose or sql-migrate ends a statement of a file's Up section at a line whose last word ends
    /// with <c>;</c> (outside <c>StatementBegin</c>/<c>StatementEnd</c>), or at <c>StatementEnd</c>,
    /// while the SQL there is still inside a statement (a dollar-quoted or quoted body, a comment,
    /// a MySQL routine's <c>BEGIN ... END</c>): the tool sends the server half a statement, which it
    /// refuses, and the migration fails. Reported at that semicolon, first place per file only.
    /// </summary>
    public const string ToolSplitsStatement = "ST1037";

    /// <summary>
    /// A sql-migrate migration's <c>-- +migrate</c> commands: an error where sql-migrate refuses the
    /// file (no Up or Down line, a section or the file ending inside an unfinished statement, an
    /// unclosed <c>StatementBegin</c>, a command line without a command); a warning where it passes
    /// over a line that looks meant for it (a misspelt or indented command, an unknown option, SQL
    /// before the first section).
    /// </summary>
    public const string SqlMigrateAnnotation = "ST1039";

    /// <summary>
    /// A string literal is never closed. Reported where it starts; the rest of the file would
    /// otherwise be read as part of it. Fix: add the closing quote (a quote inside is doubled).
    /// </summary>
    public const string UnterminatedString = "ST2001";

    /// <summary>A quoted identifier (<c>"name"</c> or <c>`name`</c>) is never closed. Reported where it starts.</summary>
    public const string UnterminatedQuotedIdentifier = "ST2002";

    /// <summary>A <c>/* ... */</c> comment (or MySQL <c>/*! ... */</c> executable comment) is never closed. Reported where it starts.</summary>
    public const string UnterminatedComment = "ST2003";

    /// <summary>A PostgreSQL dollar-quoted text (<c>$tag$ ... $tag$</c>) is never closed with the same tag. Reported where it starts.</summary>
    public const string UnterminatedDollarQuote = "ST2004";

    /// <summary>A routine body's <c>BEGIN</c> has no matching <c>END</c>, so the statement runs to the end of the file.</summary>
    public const string UnterminatedBody = "ST2005";

    /// <summary>A MySQL <c>DELIMITER</c> line names no terminator.</summary>
    public const string InvalidDelimiter = "ST2006";

    /// <summary>
    /// A statement that creates, alters or drops a tracked object (schema, table, type, domain)
    /// cannot be parsed. SchemaTasks never guesses what such a statement does; the message names
    /// what was expected and what was found. Under PostgreSQL, also an INSERT, UPDATE or DELETE
    /// whose syntax the server refuses (42601), when that is certain, written in the migration or
    /// in a PL/pgSQL body (a DO block, or a routine created while check_function_bodies is on);
    /// and so a SELECT's WHERE, the statement after WITH's queries, and MERGE's actions.
    /// </summary>
    public const string SyntaxError = "ST2010";

    /// <summary>
    /// A statement touches a tracked object in a form SchemaTasks does not model (for example
    /// <c>CREATE TABLE ... AS SELECT</c>), so the schema after it would be a guess.
    /// </summary>
    public const string UnsupportedStatement = "ST2011";

    /// <summary>
    /// A migration holds a template placeholder (a Go template action such as
    /// <c>{{ index .Options "Namespace" }}</c>) that a program renders before the migration runs;
    /// its SQL as written is not what runs, so none of it is applied.
    /// </summary>
    public const string TemplatePlaceholder = "ST2012";

    /// <summary>
    /// A statement starts with a word no statement of the dialect starts with (a tool's own
    /// directive, a typo): the server refuses it and the migration stops there.
    /// </summary>
    public const string UnknownStatement = "ST2013";

    /// <summary>
    /// psql's <c>\gexec</c> runs each value its query returns as a statement; SchemaTasks does
    /// not run queries, so what those statements do to tracked objects is unknown.
    /// </summary>
    public const string PsqlRunsQueryResult = "ST3115";

    /// <summary>
    /// A psql <c>\if</c> or <c>\elif</c> condition SchemaTasks cannot evaluate (a variable set
    /// outside the file, a backquoted command): which branch psql runs is unknown.
    /// </summary>
    public const string PsqlConditionUndecided = "ST3116";

    /// <summary>
    /// A psql variable use (<c>:name</c>, <c>:'name'</c>, <c>:"name"</c>) whose value the file does
    /// not set before it, or that SchemaTasks cannot write in: the statement psql sends is unknown.
    /// </summary>
    public const string PsqlVariableUnknown = "ST3117";

    /// <summary>
    /// A psql command (a backslash) in a PostgreSQL migration of a folder whose tool sends the file
    /// to the server, which refuses it (SQLSTATE 42601): only psql runs such a file.
    /// </summary>
    public const string PsqlCommandSentToServer = "ST3118";

    /// <summary>
    /// A PostgreSQL <c>DO</c> block may change a tracked object in a way that depends on data or
    /// on something the migrations cannot tell (a loop over a query, an undecidable <c>IF</c>,
    /// <c>EXECUTE</c> of SQL built from variables). Fix: write the DDL plainly, or declare the
    /// block's outcome with a <c>/* schematasks:equivalent ... */</c> comment right before it.
    /// </summary>
    public const string UndecidableDoBlock = "ST2020";

    /// <summary>A <c>DO</c> block reaches <c>RAISE EXCEPTION</c> on the schema the migrations build, so the migration fails.</summary>
    public const string DoBlockRaises = "ST2021";

    /// <summary>A <c>DO</c> block that holds DDL cannot be read (its PL/pgSQL is malformed, or it is in another language).</summary>
    public const string UnreadableDoBlock = "ST2022";

    /// <summary>
    /// A <c>CALL</c> (or a PostgreSQL <c>SELECT</c>) runs a procedure or function that a
    /// migration created and whose body may change a tracked object, or a MariaDB
    /// <c>BEGIN NOT ATOMIC</c> block holds DDL; routine bodies and compound statements are not run.
    /// Fix: write the DDL plainly, or declare the outcome with a
    /// <c>/* schematasks:equivalent ... */</c> comment right before the call.
    /// </summary>
    public const string RoutineChangesTrackedObjects = "ST2023";

    /// <summary>
    /// <c>EXECUTE</c> (MySQL, MariaDB) runs SQL built when the migration runs (from an
    /// expression or a variable), and it may change a tracked object. A constant string is
    /// followed instead. Fix: as for <see cref="RoutineChangesTrackedObjects"/>.
    /// </summary>
    public const string UndecidableDynamicSql = "ST2024";

    /// <summary>A <c>CALL</c> runs a procedure no migration before it creates, so whether it changes a tracked object cannot be told (a warning).</summary>
    public const string UnknownProcedure = "ST2025";

    /// <summary>
    /// A <c>DO</c> block's condition passes <c>to_regclass</c> or <c>to_regnamespace</c> a string the
    /// server does not read as a name (a comment in it, an empty part, too many dots), so the
    /// server raises an error there and the migration fails.
    /// </summary>
    public const string DoBlockNameRefused = "ST2026";

    /// <summary>A statement names a schema that the migrations never created (or already dropped).</summary>
    public const string SchemaNotFound = "ST3001";

    /// <summary><c>CREATE SCHEMA</c> without <c>IF NOT EXISTS</c> names a schema that already exists.</summary>
    public const string SchemaExists = "ST3002";

    /// <summary><c>ALTER</c>/<c>DROP TYPE</c> or <c>DOMAIN</c> names a type that the migrations never created (or already dropped).</summary>
    public const string TypeNotFound = "ST3003";

    /// <summary><c>CREATE TYPE</c>/<c>DOMAIN</c> names a type or domain that already exists.</summary>
    public const string TypeExists = "ST3004";

    /// <summary><c>ALTER TYPE ... ADD VALUE</c> without <c>IF NOT EXISTS</c> adds a label the enum already has.</summary>
    public const string EnumLabelExists = "ST3005";

    /// <summary>An enum label named by <c>RENAME VALUE</c>, <c>BEFORE</c> or <c>AFTER</c> is not a label of the type.</summary>
    public const string EnumLabelNotFound = "ST3006";

    /// <summary>
    /// PostgreSQL: a statement reads a string constant as a value of an enum type that has no such
    /// label (in a CHECK, an index, a view, a generated column, a partition bound, a query); the
    /// server refuses the statement (SQLSTATE 22P02, invalid input value for enum); INSERT, UPDATE
    /// and DELETE on a table with an enum column too. MariaDB: an INSERT or REPLACE writes a string
    /// an ENUM or SET column has no label for, which a strict sql_mode refuses (error 1265).
    /// </summary>
    public const string EnumLabelUnknown = "ST3143";

    /// <summary>
    /// PostgreSQL: an enum label longer than 63 bytes (in UTF-8) in CREATE TYPE ... AS ENUM,
    /// ADD VALUE or RENAME VALUE; the server refuses it (SQLSTATE 42602, invalid enum label).
    /// </summary>
    public const string EnumLabelTooLong = "ST3144";

    /// <summary>A statement names a table that the migrations never created (or already dropped or renamed).</summary>
    public const string TableNotFound = "ST3007";

    /// <summary><c>CREATE TABLE</c> without <c>IF NOT EXISTS</c>, or a rename, names a table that already exists.</summary>
    public const string TableExists = "ST3008";

    /// <summary>A statement names a column the table does not have.</summary>
    public const string ColumnNotFound = "ST3009";

    /// <summary>A column is added (or renamed to a name) that the table already has.</summary>
    public const string ColumnExists = "ST3010";

    /// <summary>
    /// A dropped or renamed constraint is not known. A warning, not an error: names the server
    /// generates for unnamed primary key, unique and foreign key constraints are reproduced on a
    /// best-effort basis.
    /// </summary>
    public const string ConstraintNotFound = "ST3011";

    /// <summary>A constraint is added under a name the table (or domain) already uses.</summary>
    public const string ConstraintExists = "ST3012";

    /// <summary><c>DROP TYPE</c>/<c>DOMAIN</c> without <c>CASCADE</c> drops a type that columns or domains still use, or that a default or CHECK casts to.</summary>
    public const string TypeInUse = "ST3013";

    /// <summary><c>DROP SCHEMA</c> without <c>CASCADE</c> drops a schema that still holds tables or types.</summary>
    public const string SchemaNotEmpty = "ST3014";

    /// <summary><c>DROP SEQUENCE</c> without <c>CASCADE</c> drops a sequence that column defaults (<c>nextval(...)</c>, serial columns) still use.</summary>
    public const string SequenceInUse = "ST3015";

    /// <summary>A table gets a second primary key: PostgreSQL (SQLSTATE 42P16), MySQL and MariaDB (error 1068) refuse it.</summary>
    public const string MultiplePrimaryKeys = "ST3016";

    /// <summary>PostgreSQL refuses <c>ALTER COLUMN ... DROP NOT NULL</c> of a primary key column (SQLSTATE 42P16).</summary>
    public const string PrimaryKeyColumnNotNull = "ST3017";

    /// <summary>
    /// PostgreSQL: a drop without <c>CASCADE</c> of a primary key, unique constraint, unique index
    /// or table that another table's foreign key needs (SQLSTATE 2BP01). MySQL and MariaDB: a drop
    /// of the last index that serves a foreign key of the table or one referencing it (error 1553;
    /// MariaDB 1025 for the primary key).
    /// </summary>
    public const string KeyNeededByForeignKey = "ST3018";

    /// <summary>MySQL 8 refuses to rename a column a CHECK uses, or to drop one a CHECK shares with other columns (server error 3959).</summary>
    public const string MySqlCheckUsesColumn = "ST3020";

    /// <summary>MariaDB refuses to drop a column a CHECK shares with other columns (server error 1054).</summary>
    public const string MariaDbCheckUsesColumn = "ST3021";

    /// <summary>MariaDB refuses <c>CONSTRAINT name</c> before a CHECK in a column's definition (server error 1064).</summary>
    public const string MariaDbNamedColumnCheck = "ST3022";

    /// <summary>
    /// A column or domain names a type that is not built in, not created by an earlier
    /// migration, and not provided by an extension the migrations create. The message names
    /// the type and its near misses. A warning instead when an extension SchemaTasks does not
    /// know the types of was created, since it may provide the type.
    /// </summary>
    public const string UnknownType = "ST3030";

    /// <summary>
    /// A PostgreSQL name is longer than 63 bytes; the server truncates it (with a NOTICE), so
    /// the object gets the shorter name, and two names that differ only after byte 63 are one
    /// object. A warning.
    /// </summary>
    public const string IdentifierTruncated = "ST3031";

    /// <summary>A table would have more columns than the server allows (PostgreSQL 1,600; MySQL 4,096).</summary>
    public const string TooManyColumns = "ST3032";

    /// <summary>A MySQL/MariaDB name is longer than 64 characters, which the server refuses (error 1059).</summary>
    public const string IdentifierTooLong = "ST3033";

    /// <summary>
    /// <c>CREATE EXTENSION</c> without <c>CASCADE</c> needs an extension the migrations never
    /// created, or <c>DROP EXTENSION</c> without <c>CASCADE</c> drops an extension whose types
    /// columns or domains still use.
    /// </summary>
    public const string ExtensionDependency = "ST3034";

    /// <summary>
    /// MySQL/MariaDB: <c>CONVERT TO CHARACTER SET</c> widens TEXT types by the charset they had
    /// before it, which the migrations do not set (the database's default), or converts to the
    /// database's default charset. The types are kept as they were; a warning.
    /// </summary>
    public const string CharsetConversionUndecided = "ST3035";

    /// <summary>
    /// MySQL/MariaDB: <c>CONVERT TO CHARACTER SET</c> makes a VARCHAR need more bytes than a VARCHAR
    /// holds. MariaDB in a strict sql_mode refuses the statement (error 1074): an error; without
    /// one the column becomes a TEXT type and nothing is reported. Under MySQL, and for a
    /// conversion to the database's unknown default, a warning.
    /// </summary>
    public const string ConvertedVarcharTooLong = "ST3036";

    /// <summary>
    /// PostgreSQL: <c>ALTER TYPE ... RENAME VALUE</c> renames the label in the default of an enum
    /// array column too, but that default is in a form SchemaTasks cannot read exactly, and it
    /// may hold the label; the default is kept as written. A warning.
    /// </summary>
    public const string EnumArrayDefaultUnread = "ST3037";

    /// <summary>MySQL/MariaDB: DROP COLUMN of a column a foreign key of the table uses; the server refuses it.</summary>
    public const string DropColumnNeededByForeignKey = "ST3041";

    /// <summary>MySQL: DROP COLUMN shrinks a multi-column UNIQUE or PRIMARY KEY, which MariaDB refuses (warning).</summary>
    public const string DropColumnShrinksKey = "ST3042";

    /// <summary>MySQL: a table name qualified with a database, which the engine cannot match to the database the migrations run in.</summary>
    public const string DatabaseQualifiedName = "ST3043";

    /// <summary>MySQL 8 refuses a column declared <c>NULL</c> in the statement that makes it, or leaves it, part of the primary key (server error 1171).</summary>
    public const string MySqlNullPrimaryKeyColumn = "ST3044";

    /// <summary>MariaDB refuses a column attribute where its grammar has no place for it: after the column's CHECK or REFERENCES, or around a generation clause (error 1064).</summary>
    public const string MariaDbColumnAttributeOrder = "ST3045";

    /// <summary>MySQL and MariaDB refuse <c>DEFAULT NULL</c> on a NOT NULL column (error 1067); MariaDB also on one its own PRIMARY KEY makes NOT NULL.</summary>
    public const string NullDefaultOnNotNullColumn = "ST3046";

    /// <summary>
    /// MariaDB ignores <c>DROP CONSTRAINT</c> of a foreign key when the same ALTER TABLE adds a
    /// foreign key: the server keeps the key without a word, and so does the snapshot (warning).
    /// </summary>
    public const string MariaDbForeignKeyDropIgnored = "ST3047";

    /// <summary>PostgreSQL refuses <c>ADD GENERATED ... AS IDENTITY</c> on a column that is not NOT NULL (SQLSTATE 55000).</summary>
    public const string IdentityOnNullableColumn = "ST3048";

    /// <summary>PostgreSQL refuses <c>DROP NOT NULL</c> of an identity column (SQLSTATE 42601).</summary>
    public const string DropNotNullOfIdentityColumn = "ST3049";

    /// <summary>PostgreSQL refuses <c>ALTER COLUMN ... SET DEFAULT</c> or <c>DROP DEFAULT</c> of a generated or identity column (SQLSTATE 42601).</summary>
    public const string DefaultOfGeneratedColumn = "ST3150";

    /// <summary>
    /// PostgreSQL (warning): a default of <c>'now'</c>, <c>'today'</c>, <c>'tomorrow'</c> or
    /// <c>'yesterday'</c> on a date or time type, which the server reads once and stores as the
    /// moment the migration ran; the snapshot cannot know that value.
    /// </summary>
    public const string DefaultFixedWhenMigrated = "ST3151";

    /// <summary>PostgreSQL refuses a CHECK that compares a column with a string its type cannot read (SQLSTATE 22P02, 22008).</summary>
    public const string CheckLiteralNotOfColumnType = "ST3152";

    /// <summary>PostgreSQL refuses ALTER COLUMN ... TYPE when a value-set CHECK of the column has no = operator for the new type and its constants (SQLSTATE 42883).</summary>
    public const string RetypedCheckRefused = "ST3153";

    /// <summary>
    /// PostgreSQL refuses to change the type of a column a view or materialized view uses
    /// (SQLSTATE 0A000), or to drop it or its table without CASCADE (2BP01); and to drop a column
    /// a trigger's UPDATE OF names, without CASCADE (2BP01).
    /// </summary>
    public const string ViewDependsOnColumn = "ST3050";

    /// <summary>
    /// A generated column uses the column: PostgreSQL refuses to change its type (0A000) or drop it
    /// without CASCADE (2BP01); MySQL (3108) and MariaDB (1054) refuse to drop it, and MySQL to rename it.
    /// </summary>
    public const string GeneratedColumnDependsOnColumn = "ST3051";

    /// <summary>MySQL and MariaDB refuse a second AUTO_INCREMENT column, or one that no key holds (error 1075).</summary>
    public const string AutoIncrementColumn = "ST3052";

    /// <summary>PostgreSQL: <c>DROP FUNCTION</c> without <c>CASCADE</c> drops a function that a column default, a generated column, a CHECK (of a table or domain) or a view calls (SQLSTATE 2BP01).</summary>
    public const string RoutineInUse = "ST3053";

    /// <summary>PostgreSQL: <c>DROP INDEX</c> of the index a primary key, unique or exclusion constraint owns (SQLSTATE 2BP01, even with CASCADE).</summary>
    public const string ConstraintIndexDrop = "ST3054";

    /// <summary>
    /// The server refuses a default its column's type cannot hold: PostgreSQL a label its enum type
    /// lacks, or a string integer, boolean or bit input does not read (22P02); MySQL and MariaDB a value
    /// its ENUM or SET column does not list (error 1067).
    /// </summary>
    public const string DefaultNotOfColumnType = "ST3056";

    /// <summary>
    /// PostgreSQL: <c>ALTER COLUMN ... TYPE</c> of a column whose default has no assignment cast to
    /// the new type; the server refuses it (42804, default for column cannot be cast automatically).
    /// </summary>
    public const string RetypedDefaultNotCast = "ST3057";

    /// <summary>
    /// PostgreSQL: <c>ALTER COLUMN ... TYPE</c> of a column with a default, between types SchemaTasks
    /// does not know the casts of; the server refuses it when the default has no assignment cast. A warning.
    /// </summary>
    public const string RetypedDefaultUndecided = "ST3058";

    /// <summary>
    /// PostgreSQL: a column's or domain's default whose expression is of a type with no assignment
    /// cast to the column's type (<c>'a'::text</c> on an enum column, <c>ARRAY['a']</c> on an enum
    /// array column, <c>now()</c> on an integer column); the server refuses it (42804, column is of
    /// type X but default expression is of type Y).
    /// </summary>
    public const string DefaultOfAnotherType = "ST3059";

    /// <summary>
    /// MySQL and MariaDB refuse an ENUM or SET value list: a value listed twice (trailing spaces do
    /// not count; error 1291 in a strict sql_mode) or a SET value holding a comma (error 1367).
    /// </summary>
    public const string RefusedValueList = "ST3065";

    /// <summary>
    /// MySQL and MariaDB refuse a generated column whose expression uses a function or variable
    /// whose value is not the row's alone: MariaDB in a STORED column (error 1901; the session
    /// functions also in a VIRTUAL one), MySQL 8 in any (error 3763, 3765 for a variable). Also a
    /// generated column, a DEFAULT or a CHECK that uses the AUTO_INCREMENT column (MariaDB 1901;
    /// MySQL 8 3109, 3768, 3818). And, MariaDB: a CHECK that uses such a function, a variable or a
    /// stored function (1901) or a subquery (1970); a DEFAULT that uses a function acting on the
    /// session (<c>sleep</c>, <c>last_insert_id</c>, ...), a stored function or a subquery (1901).
    /// </summary>
    public const string GeneratedColumnFunctionRefused = "ST3066";

    /// <summary>
    /// MariaDB refuses a DEFAULT or generated column whose expression uses a column not yet
    /// computed when it is (error 4029, Expression for field is referring to uninitialized field):
    /// the column itself, a generated column (from a DEFAULT), or a later column of its own kind
    /// whose value is an expression too (a generated column, or a DEFAULT that is no constant).
    /// </summary>
    public const string ExpressionUsesUncomputedColumn = "ST3164";

    /// <summary>
    /// MariaDB takes <c>ALTER COLUMN ... SET DEFAULT</c> of a generated column without an error
    /// and records the default, which it never uses: the column's value is its expression's (warning).
    /// </summary>
    public const string GeneratedColumnDefaultIgnored = "ST3165";

    /// <summary>PostgreSQL refuses a foreign key whose column and referenced column have types it cannot compare (SQLSTATE 42804), at creation or after ALTER COLUMN ... TYPE.</summary>
    public const string ForeignKeyTypesIncompatible = "ST3070";

    /// <summary>PostgreSQL refuses a foreign key whose referenced columns are not exactly the columns of a primary key, unique constraint or unique index (SQLSTATE 42830).</summary>
    public const string ReferencedKeyMissing = "ST3071";

    /// <summary>
    /// PostgreSQL refuses a statement that uses an enum label added to an existing type earlier in
    /// the same transaction (SQLSTATE 55P04), and the layout's tool runs the migration in one transaction.
    /// </summary>
    public const string UncommittedEnumLabelUsed = "ST3072";

    /// <summary>
    /// As <see cref="UncommittedEnumLabelUsed"/>, where the refusal depends on what the folder does
    /// not show: the tool that runs a plain folder, or a server older than PostgreSQL 17 for a label
    /// of a type created in the same transaction.
    /// </summary>
    public const string UncommittedEnumLabelMayBeRefused = "ST3073";

    /// <summary>
    /// PostgreSQL: a statement uses an enum label an earlier migration added, and the layout's tool
    /// runs every pending migration in one transaction (drizzle): refused (SQLSTATE 55P04) when both
    /// migrations are applied in the same run. A warning.
    /// </summary>
    public const string UncommittedEnumLabelOfEarlierMigration = "ST3086";

    /// <summary>
    /// PostgreSQL: a constant spelled as an enum label added in the same transaction is an argument
    /// of a function whose overloads differ in that parameter's type, so whether the server reads
    /// it as the label (and refuses the statement, SQLSTATE 55P04) is not known. A warning.
    /// </summary>
    public const string UncommittedEnumLabelMayBeRead = "ST3087";

    /// <summary>
    /// MariaDB: a migration drops a foreign key by the name MariaDB before 12.1 generated for it
    /// (<c>table_ibfk_N</c>); MariaDB 12.1 and later generate a number instead. A warning.
    /// </summary>
    public const string MariaDbGeneratedForeignKeyName = "ST3075";

    /// <summary>
    /// MariaDB: a foreign key named like another table's foreign key, which MariaDB before 12.1
    /// refuses (names unique in the database) and 12.1 and later accept. A warning.
    /// </summary>
    public const string ForeignKeyNameInUse = "ST3076";

    /// <summary>
    /// PostgreSQL: a function or operator class that SchemaTasks knows comes with an extension
    /// (<c>uuid_generate_v4()</c>, <c>gin_trgm_ops</c>) is used, but no migration before it creates
    /// that extension (nor a function or operator class of its own).
    /// </summary>
    public const string ExtensionObjectWithoutExtension = "ST3080";

    /// <summary>
    /// PostgreSQL: <c>CREATE TABLE name (a, b, ...) AS</c> a query names more columns than the query
    /// has (42601, too many column names were specified), or gives two columns one name (42701).
    /// </summary>
    public const string TableCopyColumnNamesRefused = "ST3083";

    /// <summary>
    /// PostgreSQL: <c>ALTER DOMAIN</c> that checks the values stored (<c>ADD CONSTRAINT</c>, <c>VALIDATE
    /// CONSTRAINT</c>, <c>SET NOT NULL</c>) while a column holds the domain in an array (0A000).
    /// </summary>
    public const string DomainInArrayNotAltered = "ST3084";

    /// <summary>
    /// MySQL and MariaDB refuse a column type's width, length, precision or scale: over the type's
    /// limit (errors 1439, 1426, 1425, 1074) or a precision below the scale (error 1427).
    /// </summary>
    public const string TypeWidthRefused = "ST3088";

    /// <summary>
    /// MariaDB refuses a column or table definition: <c>ON UPDATE</c> on a column that is not a
    /// TIMESTAMP or DATETIME (error 1294), a charset it does not have (error 1115), or a primary
    /// key over 3,072 bytes (error 1071).
    /// </summary>
    public const string ColumnDefinitionRefused = "ST3147";

    /// <summary>
    /// MariaDB: a column's type depends on the database's default charset, which the migrations do
    /// not set: <c>TEXT(n)</c> becomes the smallest TEXT type for n characters of it, and a
    /// <c>VARCHAR(n)</c> too long for a multi-byte charset is refused (error 1074), and so is a
    /// primary key over 3,072 bytes of it (error 1071). A warning.
    /// </summary>
    public const string TypeUndecidedByCharset = "ST3148";

    /// <summary>
    /// MySQL and MariaDB: a statement writes a non-ASCII name or value after <c>SET NAMES</c> (or
    /// <c>character_set_client</c>) named a charset other than UTF-8, so the server reads its text
    /// in that charset and may store other characters than the migration shows (warning).
    /// </summary>
    public const string ClientCharsetText = "ST3089";

    /// <summary>
    /// MariaDB: a single-table <c>DELETE</c> gives its table an alias (<c>DELETE FROM t x WHERE ...</c>),
    /// which MariaDB before 11.6 refuses (error 1064); 11.6 and later accept it. A warning.
    /// </summary>
    public const string MariaDbDeleteAlias = "ST3081";

    /// <summary>MySQL and MariaDB refuse an ALTER TABLE that leaves the table without a column (server error 1090).</summary>
    public const string AllColumnsDropped = "ST3094";

    /// <summary>
    /// MySQL: a <c>--</c> not followed by a space, a tab or a line break, which the server reads as
    /// two minus signs rather than a comment. A line starting with it between statements is dropped
    /// by the mysql client and goose (a warning for their folders); elsewhere, an error.
    /// </summary>
    public const string DashesWithoutSpace = "ST3091";

    /// <summary>MySQL: <c>USE db</c>, after which unqualified names are in a database the engine cannot match to the one the migrations run in.</summary>
    public const string UseDatabase = "ST3092";

    /// <summary>MySQL: <c>CREATE DATABASE</c>/<c>DROP DATABASE</c> (or SCHEMA): another database, which the snapshot does not hold.</summary>
    public const string OtherDatabase = "ST3093";

    /// <summary>
    /// MySQL: a statement terminator inside an executable comment (<c>/*!40000 ... ; ... */</c>): the
    /// client ends the statement there and sends the comment unclosed, which the server refuses (1064).
    /// </summary>
    public const string TerminatorInVersionComment = "ST3120";

    /// <summary>
    /// MySQL: an executable comment whose version gate lies inside the range of releases the dialect
    /// stands for, so whether its content runs depends on the server. Warning, in a statement the engine reads.
    /// </summary>
    public const string UndecidedVersionComment = "ST3121";

    /// <summary>
    /// MySQL: a <c>DELIMITER</c> line while a statement is still open, which the client sends to the
    /// server with that statement (refused, 1064) and Flyway refuses.
    /// </summary>
    public const string DelimiterInStatement = "ST3122";

    /// <summary>
    /// MySQL: a <c>SET sql_mode</c> whose value SchemaTasks cannot read (an expression, a variable it
    /// did not see set), or that sets the global mode: the statements after it may run under
    /// ANSI_QUOTES or NO_BACKSLASH_ESCAPES, which change how their strings and names read.
    /// </summary>
    public const string SessionReadingUndecided = "ST3124";

    /// <summary>
    /// PostgreSQL: a statement changes <c>standard_conforming_strings</c> in a way SchemaTasks does not
    /// follow (<c>SET LOCAL</c>, <c>set_config</c>, a value it cannot read): with it off, a backslash in a
    /// <c>'...'</c> string escapes, so the statements after it may read otherwise.
    /// </summary>
    public const string StandardStringsUndecided = "ST3125";

    /// <summary>
    /// MariaDB: an INSERT or REPLACE writes a string that matches an ENUM label or SET member of its
    /// column only ignoring case, and the migrations do not tell the column's collation: a
    /// case-sensitive one (<c>_bin</c>, <c>_cs</c>) refuses it in a strict sql_mode (error 1265).
    /// </summary>
    public const string EnumLabelCaseUndecided = "ST3126";

    /// <summary>
    /// MariaDB under ANSI_QUOTES: a column's <c>DEFAULT "x"</c> names the column itself, or a later
    /// column whose default is a name too, which the server refuses (error 4029, expression
    /// referring to an uninitialized field).
    /// </summary>
    public const string DefaultNamesItsColumn = "ST3127";

    /// <summary>
    /// PostgreSQL: the search_path in force names a schema other than public that exists (or
    /// pg_temp before public), so unqualified names are created and found where SchemaTasks does
    /// not put them.
    /// </summary>
    public const string SearchPathNotFollowed = "ST3137";

    /// <summary>PostgreSQL: a statement sets search_path to a value SchemaTasks cannot read.</summary>
    public const string SearchPathUnreadable = "ST3138";

    /// <summary>
    /// PostgreSQL: <c>CREATE SCHEMA AUTHORIZATION CURRENT_USER</c> (or SESSION_USER, CURRENT_ROLE)
    /// names the schema after the role that runs the migration, the default path's <c>"$user"</c>.
    /// </summary>
    public const string SchemaOfTheConnectingRole = "ST3139";

    /// <summary>
    /// PostgreSQL: a statement's names without a schema go to different schemas under the
    /// search_path an earlier migration (or ALTER DATABASE | ROLE) set and under the database's
    /// default, and which one the migration runs under is the runner's choice.
    /// </summary>
    public const string SearchPathOfAnEarlierMigration = "ST3141";

    /// <summary>
    /// PostgreSQL: an unqualified CREATE under a search_path on which no schema exists (SQLSTATE
    /// 3F000) or that puts pg_catalog first (SQLSTATE 42501); the server refuses it.
    /// </summary>
    public const string NoSchemaToCreateIn = "ST3142";

    /// <summary>
    /// A <c>CALL</c>, a PostgreSQL <c>SELECT</c> or a MySQL procedure calls a procedure or function
    /// that a <c>DROP</c> before it dropped and no migration created again: the server refuses the
    /// call (PostgreSQL SQLSTATE 42883, MySQL error 1305). Also when a PostgreSQL DROP took one
    /// overload (or one schema's routine) of the name and the call may reach another: undecided.
    /// </summary>
    public const string RoutineNotFound = "ST3123";

    /// <summary>
    /// MySQL/MariaDB: a trigger's body uses a row its event does not have (<c>OLD</c> in an INSERT
    /// trigger, <c>NEW</c> in a DELETE one: error 1363) or sets <c>NEW.c</c> in an AFTER trigger
    /// (error 1362): the server refuses the <c>CREATE TRIGGER</c>.
    /// </summary>
    public const string TriggerRowRefused = "ST3129";

    /// <summary>
    /// PostgreSQL: <c>CREATE TABLE ... INHERITS</c> that the server refuses: a parent listed twice, a
    /// column the parents (or the table) give different types, or different defaults.
    /// </summary>
    public const string InheritanceConflict = "ST3096";

    /// <summary>
    /// PostgreSQL: a statement the server refuses because of table inheritance: DROP TABLE of a
    /// table others inherit from, without CASCADE; dropping, retyping or renaming an inherited
    /// column, or dropping an inherited CHECK, in the table that inherits it.
    /// </summary>
    public const string InheritedObjectInUse = "ST3097";

    /// <summary>
    /// PostgreSQL: a backtick outside strings, comments and quoted names, as MySQL quotes names. The
    /// server reads it as an operator character and refuses the statement (42601, or 42883 between values).
    /// </summary>
    public const string PostgresBacktick = "ST3110";

    /// <summary>
    /// PostgreSQL refuses an escaped string literal while reading the statement: an <c>E'...'</c>
    /// or <c>U&amp;'...'</c> escape that is not one (22025), a code point out of range or half a
    /// surrogate pair (42601), octal or hex bytes that are not UTF-8 or are zero (22021), a bad
    /// <c>UESCAPE</c> character (42601).
    /// </summary>
    public const string StringEscapeRefused = "ST3140";

    /// <summary>
    /// PostgreSQL: a statement the server refuses because of partitioning: a partition of a table
    /// that is not partitioned, a second DEFAULT partition, a bound that overlaps another
    /// partition's or does not fit the parent's key, a unique key without the partition key's
    /// columns, a partition key's column dropped or retyped, INHERITS of a partitioned table or a
    /// partition, or a change of a partition's own inheritance or columns. MySQL and MariaDB: a
    /// PARTITION BY whose columns the primary key or a unique key lacks (error 1503).
    /// </summary>
    public const string PartitionRefused = "ST3103";

    /// <summary>
    /// PostgreSQL (warning): a partition's bound the engine cannot compare with another
    /// partition's (an expression, or values of a type whose order it does not know); the server
    /// refuses the statement if they overlap. The engine takes the partition as created.
    /// </summary>
    public const string PartitionBoundUndecided = "ST3130";

    /// <summary>
    /// PostgreSQL (warning): a primary key, unique constraint or unique index on a partitioned
    /// table whose partition key column, or the index's, has a COLLATE or an operator class; the
    /// server takes it only when the two agree, which the engine does not compare.
    /// </summary>
    public const string PartitionedUniqueUndecided = "ST3131";

    /// <summary>
    /// PostgreSQL: CREATE TRIGGER (or ALTER TRIGGER ... RENAME TO) of a name the table's triggers
    /// already use, which the server refuses (SQLSTATE 42710; also CREATE OR REPLACE of a
    /// constraint trigger, and CREATE OR REPLACE CONSTRAINT TRIGGER, 0A000). A warning when a DO
    /// block or routine body may have created or dropped a trigger of that name unseen.
    /// </summary>
    public const string TriggerExists = "ST3135";

    /// <summary>
    /// PostgreSQL: DROP TRIGGER (without IF EXISTS) or ALTER TRIGGER of a trigger the table does
    /// not have, which the server refuses (SQLSTATE 42704). A warning when a DO block or routine
    /// body may have created a trigger of that name unseen.
    /// </summary>
    public const string TriggerNotFound = "ST3136";

    /// <summary>
    /// PostgreSQL: CREATE TRIGGER executing a function the migrations created returning another
    /// type than <c>trigger</c>, which the server refuses (SQLSTATE 42P17).
    /// </summary>
    public const string TriggerFunctionNotTrigger = "ST3161";

    /// <summary>
    /// PostgreSQL: a trigger statement the server refuses for what the trigger is: a form it does
    /// not support (INSTEAD OF not FOR EACH ROW, or with WHEN or UPDATE OF; TRUNCATE FOR EACH ROW:
    /// SQLSTATE 0A000), or a trigger PostgreSQL cloned to a partition from its partitioned table,
    /// dropped (2BP01) or renamed (XX000) on the partition.
    /// </summary>
    public const string TriggerRefused = "ST3162";

    /// <summary>
    /// PostgreSQL: CREATE OR REPLACE FUNCTION (or PROCEDURE) of an overload the migrations
    /// created, with another return type or row of OUT parameters, an input parameter renamed or
    /// left without its name, or fewer parameter defaults; the server refuses it (42P13) and the
    /// routine keeps what its callers, views included, were made with.
    /// </summary>
    public const string FunctionReturnTypeChanged = "ST3132";

    /// <summary>
    /// PostgreSQL: CREATE OR REPLACE FUNCTION, PROCEDURE or AGGREGATE names a routine of another
    /// kind that the migrations created with the same input types; the server refuses it (42809,
    /// cannot change routine kind) and the routine stays as it was.
    /// </summary>
    public const string RoutineKindChanged = "ST3133";

    /// <summary>
    /// PostgreSQL: CREATE FUNCTION, PROCEDURE or AGGREGATE (without OR REPLACE) with the input types
    /// of a routine of that name the migrations created, of any kind (an aggregate over a function,
    /// a function over an aggregate); the server refuses it (42723, already exists with same
    /// argument types) and the routine stays as it was. MySQL/MariaDB: <c>CREATE PROCEDURE</c> or
    /// <c>CREATE FUNCTION</c> of a name an earlier migration created (names compare in any case),
    /// without <c>OR REPLACE</c> or <c>IF NOT EXISTS</c> (error 1304). A MySQL <c>DROP</c> without
    /// <c>IF EXISTS</c> of a routine no migration created is <see cref="RoutineNotFound"/> (1305).
    /// </summary>
    public const string RoutineExists = "ST3166";

    /// <summary>
    /// MySQL/MariaDB: a <c>CREATE TRIGGER</c> of a trigger name an earlier statement created, in
    /// the database's one namespace of trigger names (error 1359; MariaDB's <c>CREATE OR REPLACE
    /// TRIGGER</c> of a name another table's trigger has, 1360), or a <c>CREATE EVENT</c> of an event
    /// name there (1537; <c>ALTER EVENT ... RENAME TO</c> a name there, 1537, or its own, 1551),
    /// without <c>IF NOT EXISTS</c> or <c>OR REPLACE</c>: the server refuses it.
    /// </summary>
    public const string TriggerOrEventExists = "ST3171";

    /// <summary>
    /// MySQL/MariaDB: a <c>DROP TRIGGER</c> without <c>IF EXISTS</c> of a trigger that is not there
    /// (never created, dropped, or dropped with its table: error 1360), or a <c>DROP EVENT</c>
    /// without <c>IF EXISTS</c> or an <c>ALTER EVENT</c> of an event that is not there (1539): the
    /// server refuses it.
    /// </summary>
    public const string TriggerOrEventNotFound = "ST3172";

    /// <summary>
    /// MySQL/MariaDB (warning): <c>CREATE EVENT</c> or <c>ALTER EVENT</c> with a body that may change
    /// a tracked object (DDL, dynamic SQL, a call of a procedure that runs DDL). The server runs it
    /// when the event scheduler fires it, not as the migration runs, so the engine does not apply it.
    /// </summary>
    public const string EventBodyNotApplied = "ST3128";

    /// <summary>
    /// PostgreSQL (warning): <c>DROP FUNCTION</c> without <c>CASCADE</c> of a function that a view
    /// may call, where the engine cannot tell whether the view's call resolves to it (a function of
    /// pg_catalog, an extension, another schema or a DO block may have the name, or the view's
    /// query was not read); if it does, the server refuses the drop (2BP01).
    /// </summary>
    public const string RoutineViewCallUndecided = "ST3134";

    /// <summary>
    /// PostgreSQL (warning): <c>dblink_exec</c> (in a query or a DO block) runs SQL that may change
    /// a tracked object, or SQL known only at run time, over another connection, which may be to
    /// the migration's own database; the engine follows only the migration's session.
    /// </summary>
    public const string DblinkExecNotFollowed = "ST3175";

    /// <summary>
    /// PostgreSQL (warning): a child's CHECK of its parent's name whose expression is written
    /// otherwise, which the server merges only when both parse the same; the engine takes them
    /// as the same.
    /// </summary>
    public const string InheritedCheckUndecided = "ST3104";

    /// <summary>
    /// A statement depends on the columns of a table created from a query (SELECT ... INTO,
    /// CREATE TABLE ... AS SELECT), which the engine cannot know: an ALTER TABLE of it, an index
    /// or foreign key on it, or a DO block or routine call that names it.
    /// </summary>
    public const string QueryShapedTableUsed = "ST3157";

    /// <summary>
    /// MariaDB refuses an INSERT or REPLACE that gives no value to a NOT NULL column without a
    /// default (error 1364 in a strict sql_mode, the default), whether or not any row comes; and
    /// a DEFAULT written for such a column: VALUES (DEFAULT) or SET a = DEFAULT (in a strict
    /// sql_mode; a later row is a warning, as the table's engine decides), DEFAULT(a) and
    /// UPDATE ... SET a = DEFAULT (in any sql_mode).
    /// </summary>
    public const string OmittedColumnWithoutDefault = "ST3158";

    /// <summary>
    /// PostgreSQL refuses an <c>ALTER TYPE ... ALTER ATTRIBUTE ... TYPE</c> of a composite type a
    /// table column stores (directly, in an array, a domain or another composite; SQLSTATE 0A000),
    /// and an attribute added or retyped to a type that holds the composite itself (42P16).
    /// </summary>
    public const string CompositeAttributeRefused = "ST3168";

    /// <summary>
    /// A warning: <c>ALTER TYPE ... ATTRIBUTE</c> names a type the engine knows by name only (a
    /// range or base type, or one read from a snapshot), so it cannot check the action.
    /// </summary>
    public const string CompositeAttributesUnknown = "ST3169";

    /// <summary>
    /// PostgreSQL: a column of an enum type compared with <c>ANY</c>, <c>SOME</c> or <c>ALL</c> of
    /// <c>ARRAY['a', 'b']</c> whose elements are untyped constants (or text): the array is <c>text[]</c>, and
    /// the server refuses the statement (SQLSTATE 42883, operator does not exist: e = text).
    /// </summary>
    public const string EnumComparedWithTextArray = "ST3173";

    /// <summary>
    /// PostgreSQL: a typed table (<c>CREATE TABLE t OF type</c>) made of a type that is not a
    /// composite type (SQLSTATE 42809); <c>ALTER TABLE ... OF type</c> of a table whose columns are
    /// not the type's attributes (42804); <c>NOT OF</c> of a table that is not typed, or an ALTER
    /// TABLE that adds, drops, renames or retypes a typed table's column (42809).
    /// </summary>
    public const string TypedTableRefused = "ST3174";

    /// <summary>
    /// PostgreSQL: <c>DROP TYPE</c> or <c>DROP DOMAIN</c> without <c>CASCADE</c> of a type a
    /// function or procedure the migrations created may name in its header, when a DROP or rename
    /// of one of its overloads left unknown whether that one is still there. If it is, the server
    /// refuses the drop (SQLSTATE 2BP01). Warning.
    /// </summary>
    public const string RoutineTypeUseUndecided = "ST3145";

    /// <summary>The migrations' dialect is neither set by SchemaDialect nor declared by the layout.</summary>
    public const string DialectRequired = "ST1008";

    /// <summary>In locked mode, the committed snapshot differs from what the migrations produce.</summary>
    public const string SnapshotStale = "ST3101";

    /// <summary>Outside locked mode, the build rewrote the snapshot because the migrations changed.</summary>
    public const string SnapshotUpdated = "ST3102";

    /// <summary>The embedded manifest is missing or unreadable.</summary>
    public const string ManifestMissing = "ST5001";

    /// <summary>A migration listed in the manifest is not embedded.</summary>
    public const string EmbeddedMigrationMissing = "ST5002";

    /// <summary>An embedded migration's text does not match its manifest checksum.</summary>
    public const string EmbeddedMigrationTampered = "ST5003";

    /// <summary>A migration is embedded but not listed in the manifest.</summary>
    public const string EmbeddedMigrationUnlisted = "ST5004";

    /// <summary>The embedded snapshot is unreadable, or lists other migrations than the manifest.</summary>
    public const string EmbeddedSnapshotMismatch = "ST5005";

    /// <summary>A database connection string is malformed, has a key the provider does not support, or a value it cannot use.</summary>
    public const string InvalidConnectionString = "ST5010";

    /// <summary>The database server cannot be reached: not running, wrong host or port, a firewall, or a timeout.</summary>
    public const string CannotConnect = "ST5011";

    /// <summary>The server refused the login: wrong user or password, or the database does not exist.</summary>
    public const string LoginRejected = "ST5012";

    /// <summary>The role may connect but not read what the check needs (the history table).</summary>
    public const string ReadDenied = "ST5013";

    /// <summary>The migrations were written for one dialect and the check connects to a server of the other.</summary>
    public const string DialectMismatch = "ST5014";

    /// <summary>The server is MariaDB and the build followed MySQL 8's rules, or the other way round.</summary>
    public const string ServerFlavourMismatch = "ST5015";

    /// <summary>The PostgreSQL server is older than 12, the oldest version SchemaTasks reads.</summary>
    public const string UnsupportedServerVersion = "ST5019";

    /// <summary>An embedded migration has not been applied to the database.</summary>
    public const string PendingMigration = "ST6001";

    /// <summary>A migration failed, or golang-migrate marks it dirty; the database may hold part of it.</summary>
    public const string FailedMigration = "ST6002";

    /// <summary>An applied migration's file changed after it was applied (the recorded checksum differs).</summary>
    public const string EditedMigration = "ST6003";

    /// <summary>The database records a migration this build does not have (the database is ahead of the build).</summary>
    public const string UnknownMigration = "ST6004";

    /// <summary>A pending migration sorts before one that is already applied.</summary>
    public const string OutOfOrderMigration = "ST6005";

    /// <summary>A history table exists but lacks a column its tool writes, so it cannot be read.</summary>
    public const string UnreadableHistory = "ST6008";

    /// <summary>The database has the history tables of several tools and none is the layout's; the kind must be set.</summary>
    public const string AmbiguousHistory = "ST6009";

    /// <summary>An enum type, domain or table the migrations create does not exist in the database.</summary>
    public const string MissingObject = "ST6010";

    /// <summary>A column the migrations create does not exist in the database.</summary>
    public const string MissingColumn = "ST6011";

    /// <summary>A value the migrations allow (enum label, ENUM/SET value, CHECK or domain value) is not allowed by the database.</summary>
    public const string MissingAllowedValue = "ST6012";

    /// <summary>The database allows a value the migrations do not declare.</summary>
    public const string ExtraAllowedValue = "ST6013";

    /// <summary>The database orders enum labels (or ENUM values) differently from the migrations.</summary>
    public const string AllowedValueOrder = "ST6014";

    /// <summary>The migrations restrict a column with a CHECK value set that the database does not have.</summary>
    public const string MissingCheck = "ST6015";

    /// <summary>The database restricts a column with a CHECK value set that the migrations do not declare.</summary>
    public const string UnexpectedCheck = "ST6016";

    /// <summary>The start-up check found errors and the policy is to fail fast: the host does not start.</summary>
    public const string StartupCheckFailed = "ST6020";
    /// <summary>The migrator could not take the database's migration lock within the configured wait.</summary>
    public const string MigrationLockTimeout = "ST7001";

    /// <summary>A migration failed while the migrator applied it; the history records the failure.</summary>
    public const string MigrationFailed = "ST7002";

    /// <summary>A statement of a repair plan failed while repair applied it.</summary>
    public const string RepairFailed = "ST7003";

    /// <summary>A repair plan drops data (a table, a column, values of a column) and dropping data was not allowed; nothing ran.</summary>
    public const string RepairDropsData = "ST7004";

    /// <summary>Repair cannot generate a safe plan in the direction asked for (the message says why); nothing ran.</summary>
    public const string RepairBlocked = "ST7005";

    /// <summary>The migrator was asked to record migrations in a tool's history it cannot write for this folder (another tool's layout, or a tool whose table it does not write).</summary>
    public const string HistoryNotWritable = "ST7006";

    /// <summary>The migrator's own history records nothing, but another tool's history table in the database records these migrations as applied; nothing was applied.</summary>
    public const string AppliedByAnotherTool = "ST7007";
}
