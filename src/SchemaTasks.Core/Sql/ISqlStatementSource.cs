namespace SchemaTasks.Sql;

/// <summary>
/// The statements of one migration, one at a time, as the engine reads them: lexed on the spot
/// (<see cref="SqlStatementReader"/>) or ahead of time on another thread
/// (<see cref="Schema.PreparedMigration"/>). Both give the same statements, tokens and lexing
/// findings in the same order.
/// </summary>
internal interface ISqlStatementSource
{
    /// <summary>The current statement's tokens when <see cref="IsTracked"/> or <see cref="KeepsEveryStatement"/>, or a data statement <see cref="DataTargets"/> keeps; empty otherwise.</summary>
    List<SqlToken> Tokens { get; }

    /// <summary>Whether untracked statements keep their tokens too; set between statements, it applies from the next one.</summary>
    bool KeepsEveryStatement { get; set; }

    /// <summary>PostgreSQL: which INSERT, UPDATE and DELETE statements keep their tokens, by the table they name (<see langword="null"/>: none); set between statements.</summary>
    IDataStatementTargets? DataTargets { get; set; }

    /// <summary>Whether the current statement starts with a word the engine reads.</summary>
    bool IsTracked { get; }

    /// <summary>MariaDB: the <c>JSON</c> of the current statement's first <c>CAST(... AS JSON)</c> or <c>CONVERT(..., JSON)</c> (<see cref="MariaDbJsonCastWatch"/>); <see langword="null"/> when it has none or it is not watched.</summary>
    SqlToken? JsonCastAt { get; }

    /// <summary>MariaDB: the head of the current statement when it is an INSERT or REPLACE whose columns the server checks (<see cref="MariaDbInsertWatch"/>); <see langword="null"/> otherwise or when it is not watched.</summary>
    MariaDbInsertHead? InsertHead { get; }

    /// <summary>PostgreSQL: the syntax error the server stops the current INSERT, UPDATE or DELETE at, when the reader is certain of one (<see cref="PostgresDataSyntaxWatch"/>).</summary>
    DataSyntaxError? DataSyntax { get; }

    /// <summary>The current statement's first token.</summary>
    SqlToken First { get; }

    /// <summary>The current statement's last token.</summary>
    SqlToken Last { get; }

    /// <summary>
    /// The current statement parsed as a whole when that was done ahead of time;
    /// <see langword="null"/> when the caller parses it.
    /// </summary>
    ParsedStatement? Parsed { get; }

    /// <summary>Moves to the next statement; <see langword="false"/> at the end of the text.</summary>
    bool Read();
}
