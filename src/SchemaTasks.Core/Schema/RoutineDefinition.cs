using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A procedure or function a migration creates, as far as a later <c>CALL</c> needs it: its
/// name, where it was created, and whether its body may change a tracked object (DDL or
/// dynamic SQL anywhere in it). The body is never run.
/// </summary>
internal sealed record RoutineDefinition(string Name, string Kind, string Where, bool MayChangeTracked)
{
    // CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] FUNCTION|PROCEDURE: the kind comes within a few words.
    private const int KindWithin = 12;

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
        return new RoutineDefinition(identifier, SqlTokenText.Raw(sql, tokens[kind]).ToLowerInvariant(), where, BodyMayChangeTracked(sql, tokens, name + 1, dialect));
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
