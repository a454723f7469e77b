using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A procedure or function a migration creates, as far as a later <c>CALL</c> needs it: its
/// name, where it was created, and whether its body may change a tracked object (DDL or
/// dynamic SQL anywhere in it). A MySQL procedure also keeps its parameters and its body's
/// tokens, which a call runs (<see cref="RoutineCalls"/>).
/// </summary>
internal sealed record RoutineDefinition(string Name, string Kind, string Where, bool MayChangeTracked)
{
    // CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] FUNCTION|PROCEDURE: the kind comes within a few words.
    private const int KindWithin = 12;

    // A MySQL routine's characteristics, between its parameter list and its body.
    private static readonly HashSet<string> Characteristics = new(StringComparer.OrdinalIgnoreCase)
    {
        "LANGUAGE", "SQL", "NOT", "DETERMINISTIC", "CONTAINS", "NO", "READS", "MODIFIES", "DATA", "SECURITY", "DEFINER", "INVOKER",
    };

    /// <summary>The file that created it, for findings inside its body.</summary>
    public string? File { get; init; }

    /// <summary>The text the body's tokens are spans of; set for a MySQL procedure only.</summary>
    public string? Source { get; init; }

    /// <summary>The body's tokens (a compound statement or one statement), located in <see cref="File"/>.</summary>
    public ImmutableArray<SqlToken> Body { get; init; } = [];

    /// <summary>The parameters' names, in order.</summary>
    public ImmutableArray<string> Parameters { get; init; } = [];

    /// <summary>Whether a call can be run: a MySQL procedure whose body was kept.</summary>
    public bool CanRun => Source is not null;

    /// <summary>The routine the <c>CREATE</c> statement <paramref name="tokens"/> defines; <see langword="null"/> for any other statement.</summary>
    public static RoutineDefinition? Read(string sql, List<SqlToken> tokens, SqlDialect dialect, string? file)
    {
        var kind = -1;
        for (var i = 1; i < Math.Min(tokens.Count, KindWithin); i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "PROCEDURE") || SqlTokenText.IsWord(sql, tokens[i], "FUNCTION"))
            {
                kind = i;
                break;
            }

            if (SqlTokenText.IsWord(sql, tokens[i], "TABLE") || SqlTokenText.IsWord(sql, tokens[i], "VIEW") || SqlTokenText.IsWord(sql, tokens[i], "TRIGGER")) return null;
        }

        if (kind < 0) return null;
        var name = kind + 1;
        if (SqlTokenText.IsWord(sql, tokens[Math.Min(name, tokens.Count - 1)], "IF")) name += 3; // IF NOT EXISTS
        if (name >= tokens.Count || tokens[name].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        while (name + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[name + 1], '.') && tokens[name + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            name += 2;
        }

        var identifier = tokens[name].Kind == SqlTokenKind.QuotedIdentifier
            ? SqlTokenText.Unquote(sql, tokens[name])
            : IdentifierRules.For(dialect).FoldUnquoted(SqlTokenText.Raw(sql, tokens[name]));
        var create = tokens[0];
        var where = $"{file ?? "the migration"}({create.Line},{create.Column})";
        var routineKind = SqlTokenText.Raw(sql, tokens[kind]).ToLowerInvariant();
        var routine = new RoutineDefinition(identifier, routineKind, where, BodyMayChangeTracked(sql, tokens, name + 1, dialect)) { File = file };
        return dialect.IsMySqlFamily() && routineKind == "procedure" && routine.MayChangeTracked ? WithBody(routine, sql, tokens, name + 1) : routine;
    }

    // PROCEDURE name(IN a type, OUT b type, ...) [characteristics] body
    private static RoutineDefinition WithBody(RoutineDefinition routine, string sql, List<SqlToken> tokens, int open)
    {
        if (open >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[open], '(')) return routine;
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
        while (body < tokens.Count && (tokens[body].Kind == SqlTokenKind.Word && Characteristics.Contains(SqlTokenText.Raw(sql, tokens[body]))
                                       || SqlTokenText.IsWord(sql, tokens[body], "COMMENT") || (body > 0 && SqlTokenText.IsWord(sql, tokens[body - 1], "COMMENT"))))
        {
            body++;
        }

        if (body >= tokens.Count) return routine;
        var bodyTokens = tokens.Skip(body).ToList();

        // Under DELIMITER $$, the lexer reads END$$ as one word: the body ends at its END.
        var last = bodyTokens[^1];
        var raw = SqlTokenText.Raw(sql, last);
        if (last.Kind == SqlTokenKind.Word && raw.Length > 3 && raw.StartsWith("END", StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(raw[3]) && raw[3] != '_')
        {
            bodyTokens[^1] = last with { Length = 3 };
        }

        return routine with { Source = sql, Body = [.. bodyTokens], Parameters = parameters.ToImmutable() };
    }

    // A body written inline (MySQL's, PostgreSQL's BEGIN ATOMIC) is part of the statement's
    // text; a quoted one (PostgreSQL's AS $$ ... $$) is a string among its tokens.
    private static bool BodyMayChangeTracked(string sql, List<SqlToken> tokens, int from, SqlDialect dialect)
    {
        if (from >= tokens.Count) return false;
        if (DdlText.LooksLikeDdl(sql[tokens[from].Start..tokens[^1].End], dialect)) return true;
        for (var i = from; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.String && DdlText.LooksLikeDdl(SqlTokenText.Unquote(sql, tokens[i]), dialect)) return true;
        }

        return false;
    }
}
