using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A procedure or function a migration creates, as far as a later <c>CALL</c> needs it: its
/// name, where it was created, whether its body may change a tracked object (DDL or dynamic SQL
/// anywhere in it) and, for a MySQL procedure, its parameters and body, which a call runs
/// (<see cref="RoutineCalls"/>). Histories define many functions and call few, so the body is
/// read only when a call asks: a definition keeps where its text is, not its tokens.
/// </summary>
internal sealed class RoutineDefinition
{
    // CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] FUNCTION|PROCEDURE: the kind comes within a few words.
    private const int KindWithin = 12;

    // A MySQL routine's characteristics, between its parameter list and its body.
    private static readonly HashSet<string> Characteristics = new(StringComparer.OrdinalIgnoreCase)
    {
        "LANGUAGE", "SQL", "NOT", "DETERMINISTIC", "CONTAINS", "NO", "READS", "MODIFIES", "DATA", "SECURITY", "DEFINER", "INVOKER", "COMMENT",
    };

    private readonly string _sql;
    private readonly SqlDialect _dialect;
    private readonly SqlToken _create;

    // The body's place in _sql: from its first token to the statement's end.
    private readonly SqlToken _bodyFirst;
    private readonly int _bodyEnd;
    private bool? _mayChangeTracked;
    private EmbeddedSql? _body;

    private RoutineDefinition(string name, string kind, string? file, string sql, SqlDialect dialect, SqlToken create, SqlToken bodyFirst, int bodyEnd, ImmutableArray<string> parameters, MySqlReturnType? returnType)
    {
        (Name, Kind, File, _sql, _dialect, _create, _bodyFirst, _bodyEnd, Parameters, ReturnType) = (name, kind, file, sql, dialect, create, bodyFirst, bodyEnd, parameters, returnType);
    }

    /// <summary>A MySQL function's return type, as far as a call's value converts to it; null for a type not read.</summary>
    public MySqlReturnType? ReturnType { get; }

    /// <summary>How <c>||</c> and <c>NOT</c> read in the body: the sql_mode in force when it was created, which the routine keeps.</summary>
    public MySqlOperatorMode OperatorMode { get; set; }

    /// <summary>The routine's name as the server keeps it.</summary>
    public string Name { get; }

    /// <summary><c>procedure</c> or <c>function</c>.</summary>
    public string Kind { get; }

    /// <summary>The file that created it, for findings inside its body.</summary>
    public string? File { get; }

    /// <summary>Where it was created, <c>file(line,col)</c>, for messages.</summary>
    public string Where => $"{File ?? "the migration"}({_create.Line},{_create.Column})";

    /// <summary>The parameters' names, in order (MySQL procedures).</summary>
    public ImmutableArray<string> Parameters { get; }

    /// <summary>Whether its body holds DDL or dynamic SQL.</summary>
    public bool MayChangeTracked => _mayChangeTracked ??= BodyMayChangeTracked();

    /// <summary>Whether a call can be run: a MySQL procedure whose body may change tracked objects.</summary>
    public bool CanRun => _dialect.IsMySqlFamily() && Kind == "procedure" && MayChangeTracked;

    /// <summary>Whether its text after its name (parameters, body) holds <paramref name="word"/> as a whole word, in any case.</summary>
    public bool TextNames(string word) => UnseenTriggers.NamesWord(_sql.AsSpan(_bodyFirst.Start, _bodyEnd - _bodyFirst.Start), word);

    /// <summary>The body as SQL located in <see cref="File"/>: a compound statement or one statement.</summary>
    public EmbeddedSql Body => _body ??= ReadBody();

    /// <summary>The routine the <c>CREATE</c> statement <paramref name="tokens"/> defines; <see langword="null"/> for any other statement.</summary>
    public static RoutineDefinition? Read(string sql, List<SqlToken> tokens, CreatedKind created, SqlDialect dialect, string? file)
    {
        var kind = created.Within(KindWithin);
        if (kind < 0 || !(SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE") || SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION"))) return null;
        var name = CreatedObjectName.NameAt(sql, tokens, kind);
        if (name < 0) return null;
        var identifier = CreatedObjectName.Identifier(sql, tokens[name], dialect);
        var routineKind = SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE") ? "procedure" : "function";
        var (parameters, body, returnType) = dialect.IsMySqlFamily() ? MySqlSignature(sql, tokens, name + 1) : ([], name + 1, null);
        return body >= tokens.Count
            ? null
            : new RoutineDefinition(identifier, routineKind, file, sql, dialect, tokens[0], tokens[body], TrimmedEnd(sql, tokens[^1]), parameters, returnType);
    }

    // PROCEDURE name(IN a type, OUT b type, ...) [characteristics] body, or FUNCTION name(a type, ...)
    // RETURNS type [characteristics] body: the parameters' names, the body's first token and the return type.
    private static (ImmutableArray<string> Parameters, int Body, MySqlReturnType? ReturnType) MySqlSignature(string sql, List<SqlToken> tokens, int open)
    {
        if (open >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[open], '(')) return ([], open, null);
        var parameters = ImmutableArray.CreateBuilder<string>();
        var depth = 0;
        var expectName = true;
        var i = open;
        for (; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, token, ')') && --depth == 0) break;
            else if (depth == 1 && SqlTokenText.IsSymbol(sql, token, ',')) expectName = true;
            else if (depth == 1 && expectName && token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier
                     && !SqlTokenText.IsWord(sql, token, "IN") && !SqlTokenText.IsWord(sql, token, "OUT") && !SqlTokenText.IsWord(sql, token, "INOUT"))
            {
                parameters.Add(token.Kind == SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(sql, token) : SqlTokenText.Raw(sql, token));
                expectName = false;
            }
        }

        var body = i + 1;
        MySqlReturnType? returnType = null;
        if (body < tokens.Count && SqlTokenText.IsWord(sql, tokens[body], "RETURNS")) returnType = MySqlReturnType.Read(sql, tokens, ref body);
        while (body < tokens.Count && (tokens[body].Kind == SqlTokenKind.Word && Characteristics.Contains(SqlTokenText.Raw(sql, tokens[body]))
                                       || SqlTokenText.IsWord(sql, tokens[body - 1], "COMMENT")))
        {
            body++;
        }

        return (parameters.ToImmutable(), body, returnType);
    }

    // Under DELIMITER $$ an older lexer read END$$ as one word; the body ends at its END either way.
    private static int TrimmedEnd(string sql, SqlToken last)
    {
        var raw = SqlTokenText.Raw(sql, last);
        return last.Kind == SqlTokenKind.Word && raw.Length > 3 && raw.StartsWith("END", StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(raw[3]) && raw[3] != '_'
            ? last.Start + 3
            : last.End;
    }

    // A PL/pgSQL body is read statement by statement (PlpgsqlBodyEffects). Any other body
    // written inline (MySQL's, PostgreSQL's BEGIN ATOMIC) is part of the statement's
    // text; a quoted one (PostgreSQL's AS $$ ... $$) is a string among its tokens, read whole. In
    // MySQL's inline bodies a string is a value, which counts only when it starts a statement
    // (built for PREPARE, say): 'atlas:create' in an UPDATE is no DDL.
    private bool BodyMayChangeTracked()
    {
        var body = Body;
        if (_dialect == SqlDialect.Postgres && PlpgsqlBodyEffects.MayChangeTracked(body) is { } read) return read;
        if (DdlText.LooksLikeDdl(body.Text, _dialect)) return true;
        var inline = _dialect.IsMySqlFamily();
        foreach (var token in body.Tokens)
        {
            if (token.Kind != SqlTokenKind.String) continue;
            var text = SqlTokenText.Unquote(body.Text, token);
            if (inline ? DdlText.MayBeDdlStatement(text, _dialect) : DdlText.LooksLikeDdl(text, _dialect)) return true;
        }

        return false;
    }

    private EmbeddedSql ReadBody() => EmbeddedSql.FromRegion(_sql, _bodyFirst.Start, _bodyEnd, _bodyFirst.Line, _bodyFirst.Column, [], _dialect);
}
