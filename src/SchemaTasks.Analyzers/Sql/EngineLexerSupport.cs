// The engine's SQL lexer (src/SchemaTasks.Core/Sql/SqlLexer.cs and the token types beside it)
// is compiled into the analyzer unchanged, so SQL in C# strings is read by the same quoting and
// comment rules as migrations. These are the few engine names it uses that the analyzer cannot
// take from SchemaTasks.Core (a public library the compiler host cannot load): internal
// stand-ins with the same names and meanings. Only the lexer uses them.
global using System;
global using System.Collections.Generic;

namespace SchemaTasks
{
    /// <summary>Core's <c>SqlDialect</c>, for the lexer: which quoting rules apply.</summary>
    internal enum SqlDialect
    {
        Postgres,
        MySql,
        MariaDb,
    }

    /// <summary>Core's <c>SqlDialectNames.IsMySqlFamily</c>: MySQL and MariaDB lex alike.</summary>
    internal static class SqlDialectNames
    {
        public static bool IsMySqlFamily(this SqlDialect dialect) => dialect is SqlDialect.MySql or SqlDialect.MariaDb;
    }
}

namespace SchemaTasks.Diagnostics
{
    /// <summary>The codes the lexer attaches to its findings; the analyzer only counts them as unreadable SQL.</summary>
    internal static class DiagnosticCodes
    {
        public const string UnterminatedString = "ST2001";
        public const string UnterminatedQuotedIdentifier = "ST2002";
        public const string UnterminatedComment = "ST2003";
        public const string UnterminatedDollarQuote = "ST2004";
        public const string InvalidDelimiter = "ST2006";
        public const string UnknownStatement = "ST2013";
        public const string DashesWithoutSpace = "ST3091";
        public const string PostgresBacktick = "ST3110";
        public const string StringEscapeRefused = "ST3140";
        public const string SyntaxError = "ST2010";
        public const string TerminatorInVersionComment = "ST3120";
        public const string UndecidedVersionComment = "ST3121";
        public const string DelimiterInStatement = "ST3122";
        public const string PsqlRunsQueryResult = "ST3115";
        public const string PsqlConditionUndecided = "ST3116";
        public const string PsqlVariableUnknown = "ST3117";
        public const string PsqlCommandSentToServer = "ST3118";
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>Lets the lexer's <c>record struct</c> token compile for netstandard2.0, which lacks it.</summary>
    internal static class IsExternalInit
    {
    }
}
