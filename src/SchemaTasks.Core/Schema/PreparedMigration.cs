using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// One migration's statements lexed, and those the engine parses whole parsed, on another thread
/// (<see cref="MigrationReadAhead"/>), then given to the engine as the
/// <see cref="SqlStatementReader"/> it would otherwise run: the same statements, tokens, lexing
/// findings (each given when the reader would find it) and parse results.
/// </summary>
/// <remarks>
/// Every statement's tokens are kept, since whether the engine wants an untracked statement's
/// tokens (<see cref="KeepsEveryStatement"/>) is known only when it reaches it; the read-ahead
/// prepares only files small enough for that to stay cheap.
/// </remarks>
internal sealed class PreparedMigration : ISqlStatementSource
{
    private readonly List<SqlToken> _tokens = new(256); // Every statement's tokens, back to back.
    private readonly List<Entry> _statements = new(16);
    private readonly List<SqlLexDiagnostic> _lexed = new(); // In the order the reader found them.
    private readonly List<SqlToken> _scratch = new(64);
    private readonly List<SqlToken> _insertColumns = new(); // The columns of every watched INSERT's head, back to back.
    private readonly List<MariaDbDefaultUse> _insertDefaults = new(); // And their DEFAULT values and calls.
    private int _lexedAtEnd;
    private string _sql = string.Empty; // The text the tokens are of.
    private SessionReading? _startReading;
    private SessionReading? _endReading;

    private List<SqlLexDiagnostic> _givenTo = [];
    private int _next;
    private int _lexedGiven;

    /// <inheritdoc/>
    public List<SqlToken> Tokens { get; private set; } = [];

    /// <inheritdoc/>
    public bool KeepsEveryStatement { get; set; }

    /// <inheritdoc/>
    public IDataStatementTargets? DataTargets { get; set; }

    /// <inheritdoc/>
    public bool IsTracked { get; private set; }

    /// <inheritdoc/>
    public SqlToken First { get; private set; }

    /// <inheritdoc/>
    public SqlToken Last { get; private set; }

    /// <inheritdoc/>
    public SqlToken? JsonCastAt { get; private set; }

    /// <inheritdoc/>
    public MariaDbInsertHead? InsertHead { get; private set; }

    /// <inheritdoc/>
    public DataSyntaxError? DataSyntax { get; private set; }

    /// <inheritdoc/>
    public ParsedStatement? Parsed { get; private set; }

    /// <summary>How the session read the text as the migration started, as the read-ahead had it; the engine reads the migration again when its own differs.</summary>
    public SessionReading StartReading => _startReading!;

    /// <summary>How the session reads the text after the migration's SET statements.</summary>
    public SessionReading EndReading => _endReading!;

    /// <summary>Lexes <paramref name="migration"/> and parses the statements the engine parses whole, replacing what was prepared before.</summary>
    /// <param name="migration">The migration.</param>
    /// <param name="dialect">Its dialect.</param>
    /// <param name="flywayDelimiters">Whether DELIMITER is read as Flyway reads it.</param>
    /// <param name="session">How the session reads the text as the migration starts (a new session's when null); left as its SET statements leave it.</param>
    public void Prepare(Migration migration, SqlDialect dialect, bool flywayDelimiters, SessionReading? session = null)
    {
        session ??= new SessionReading(dialect);
        (_startReading ??= new SessionReading(dialect)).CopyFrom(session);
        _tokens.Clear();
        _statements.Clear();
        _lexed.Clear();
        _insertColumns.Clear();
        _insertDefaults.Clear();
        var sql = PsqlVariables.Interpolate(migration.Sql, dialect); // As the engine reads it.
        _sql = sql;
        var rules = IdentifierRules.For(dialect);
        var reader = new SqlStatementReader(sql, dialect, Math.Max(1, migration.SqlStartLine), _lexed, _scratch, flywayDelimiters, session: session)
        {
            KeepsDeletes = dialect == SqlDialect.MariaDb,
            WatchesJsonCasts = dialect == SqlDialect.MariaDb,
            WatchesInserts = dialect == SqlDialect.MariaDb,
            KeepsEveryStatement = true,
        };
        while (reader.Read())
        {
            var start = _tokens.Count;
            _tokens.AddRange(reader.Tokens);
            var parsed = reader.IsTracked && !reader.Last.Unterminated && IsParsedWhole(sql, reader.Tokens[0], dialect) ? Parse(sql, reader.Tokens, rules) : null;
            _statements.Add(new Entry(start, reader.Tokens.Count, reader.First, reader.Last, reader.IsTracked, reader.KeepsTokensAlways, _lexed.Count, parsed, reader.JsonCastAt, KeepInsertHead(reader.InsertHead), reader.DataSyntax));
        }

        _lexedAtEnd = _lexed.Count;
        (_endReading ??= new SessionReading(dialect)).CopyFrom(session);
    }

    /// <summary>Starts giving the statements from the first, into the engine's lists.</summary>
    /// <param name="lexDiagnostics">Receives the lexing findings as the reader would add them.</param>
    /// <param name="buffer">Holds the current statement's tokens, as the reader's buffer does.</param>
    public PreparedMigration Replay(List<SqlLexDiagnostic> lexDiagnostics, List<SqlToken> buffer)
    {
        (_givenTo, Tokens, _next, _lexedGiven) = (lexDiagnostics, buffer, 0, 0);
        return this;
    }

    /// <inheritdoc/>
    public bool Read()
    {
        Tokens.Clear();
        Parsed = null;
        if (_next == _statements.Count)
        {
            GiveLexedUpTo(_lexedAtEnd);
            return false;
        }

        var statement = _statements[_next++];
        GiveLexedUpTo(statement.LexedEnd);
        (First, Last, IsTracked, Parsed, JsonCastAt, InsertHead, DataSyntax) = (statement.First, statement.Last, statement.IsTracked, statement.Parsed, statement.JsonCastAt, statement.InsertHead, statement.DataSyntax);
        if (statement.KeptAlways || KeepsEveryStatement || KeepsData(statement))
        {
            for (var i = statement.TokenStart; i < statement.TokenStart + statement.TokenCount; i++) Tokens.Add(_tokens[i]);
        }

        return true;
    }

    // An INSERT, UPDATE or DELETE whose table DataTargets keeps, or that reads one besides (in
    // FROM, USING, a join or a subquery): its head and relations are read from the tokens kept
    // here, as the reader reads them while it lexes.
    private bool KeepsData(Entry statement)
    {
        if (DataTargets is null || statement.IsTracked || statement.TokenCount == 0 || !DataStatementHead.Starts(_sql, _tokens[statement.TokenStart])) return false;
        var head = default(DataStatementHead);
        var end = statement.TokenStart + statement.TokenCount;
        for (var i = statement.TokenStart; i < end; i++)
        {
            if (head.Take(_sql, _tokens[i], DataTargets) is not { } keeps) continue;
            return keeps || ReadsKeptRelation(i, end);
        }

        return true; // Ended before its table: kept, as the reader keeps it.
    }

    // From the token that decided the head on.
    private bool ReadsKeptRelation(int from, int end)
    {
        var relations = default(DataStatementRelationWatch);
        for (var i = from; i < end; i++)
        {
            if (relations.Take(_sql, _tokens[i], DataTargets!)) return true;
        }

        return relations.EndsOnKept(_sql, DataTargets!);
    }

    // The statements SchemaEngine hands to TrackedStatement whole: all it reads but DO blocks and
    // calls (a PostgreSQL SELECT is both a call and a possible SELECT ... INTO).
    private static bool IsParsedWhole(string sql, SqlToken first, SqlDialect dialect)
    {
        if (dialect.IsMySqlFamily()) return !RoutineCalls.Reads(sql, first, mySql: true);
        return !SqlTokenText.IsWord(sql, first, "DO")
               && (!RoutineCalls.Reads(sql, first, mySql: false) || SqlTokenText.IsWord(sql, first, "SELECT"));
    }

    private static ParsedStatement? Parse(string sql, List<SqlToken> tokens, IdentifierRules rules)
    {
        try
        {
            return new ParsedStatement(DdlParser.Parse(sql, tokens, new SqlStatementRange(0, tokens.Count), rules), null);
        }
        catch (SqlParseException refusal)
        {
            return new ParsedStatement(null, refusal);
        }
#pragma warning disable CA1031 // Not swallowed: left unparsed, the statement is parsed again by the engine, which meets the same failure on its own thread, where it would have met it without the read-ahead.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // The reader reuses its list of the head's columns for the next statement: they are kept in this one's.
    private MariaDbInsertHead? KeepInsertHead(MariaDbInsertHead? head)
    {
        if (head is not { } insert) return null;
        var start = _insertColumns.Count;
        for (var i = insert.Start; i < insert.Start + insert.Count; i++) _insertColumns.Add(insert.Columns[i]);
        var defaultStart = _insertDefaults.Count;
        for (var i = insert.DefaultStart; i < insert.DefaultStart + insert.DefaultCount; i++) _insertDefaults.Add(insert.Defaults![i]);
        return insert with { Columns = _insertColumns, Start = start, Defaults = _insertDefaults, DefaultStart = defaultStart };
    }

    private void GiveLexedUpTo(int end)
    {
        for (; _lexedGiven < end; _lexedGiven++) _givenTo.Add(_lexed[_lexedGiven]);
    }

    private readonly record struct Entry(int TokenStart, int TokenCount, SqlToken First, SqlToken Last, bool IsTracked, bool KeptAlways, int LexedEnd, ParsedStatement? Parsed, SqlToken? JsonCastAt, MariaDbInsertHead? InsertHead, DataSyntaxError? DataSyntax);
}
