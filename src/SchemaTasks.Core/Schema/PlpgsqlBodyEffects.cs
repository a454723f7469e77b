using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a PL/pgSQL function or procedure body may change a tracked object when a migration
/// calls it. The body is read, never run, so any DDL or <c>EXECUTE</c> in it counts, except
/// statements whose effect is certain to leave tracked objects alone:
/// <list type="bullet">
/// <item><c>CREATE [OR REPLACE] TRIGGER</c> and <c>DROP TRIGGER</c>: triggers are not tracked;</item>
/// <item><c>CREATE TEMP TABLE</c> (even <c>... ON COMMIT DROP</c>, whose last word reads like DDL);</item>
/// <item><c>EXECUTE</c> of such a statement whose text is known but for the routine's parameters:
/// a <c>regclass</c> parameter (printed as a relation's name however it is formatted), or any
/// parameter quoted by <c>%I</c>, <c>%L</c>, <c>quote_ident</c> or <c>quote_literal</c> (one
/// name or value, whatever the caller passes);</item>
/// <item><c>DROP TABLE</c> of temporary tables the body created before it, both in the body's
/// outermost statement list, where nothing can skip the <c>CREATE</c> and still reach the drop.</item>
/// </list>
/// A <c>CREATE CONSTRAINT TRIGGER</c> is not among them: it adds a row to <c>pg_constraint</c>.
/// </summary>
internal static class PlpgsqlBodyEffects
{
    // Stands for a parameter's value, which may be any text: allowed only inside a quoted name or
    // literal. No identifier or literal of a real statement holds it.
    private const char AnyText = '\u0001';

    // Stands for a regclass parameter's value: the server prints it as one (qualified, quoted where needed) name.
    private const string AnyRelation = "any_relation";

    /// <summary>
    /// For the routine whose definition after its name is <paramref name="definition"/> (the
    /// parameter list, <c>RETURNS</c>, the quoted body, <c>LANGUAGE</c>): whether calling it may
    /// change a tracked object; <see langword="null"/> when it is not a PL/pgSQL routine with a
    /// quoted body that parses, which the caller judges by its text alone.
    /// </summary>
    public static bool? MayChangeTracked(EmbeddedSql definition)
    {
        if (QuotedPlpgsqlBody(definition) is not { } literal) return null;
        var body = EmbeddedSql.FromLiteral(definition.Text, literal, []);
        PlpgsqlBlock block;
        try
        {
            block = PlpgsqlParser.ParseBody(body);
        }
        catch (SqlParseException)
        {
            return null;
        }

        var statements = PlpgsqlStatementTree.All([block]).ToList();
        var values = ParameterValues(definition, body, statements);
        var certain = TemporaryTableDrops(body, block);
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case PlpgsqlSql plain when plain.Range.End > plain.Range.Start
                                           && (IsTriggerStatement(body.Text, body.Tokens, plain.Range.Start) || Parsed(body, plain.Range) is { } created && CreatedTemporaryTable(created) is not null):
                    certain.Add(Span(body, plain.At, plain.Range.End));
                    break;
                case PlpgsqlExecute execute when RunsOnlyTriggerStatements(body, execute, values):
                    certain.Add(Span(body, execute.At, execute.Expression.End));
                    break;
            }
        }

        return DdlText.LooksLikeDdl(Blanked(body.Text, certain), SqlDialect.Postgres);
    }

    // ... AS <string> ... LANGUAGE plpgsql: the string; null for any other language or body.
    internal static SqlToken? QuotedPlpgsqlBody(EmbeddedSql definition) => QuotedPlpgsqlBody(definition.Text, definition.Tokens);

    /// <summary>The same, read from the tokens of a whole <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c>.</summary>
    internal static SqlToken? QuotedPlpgsqlBody(string text, List<SqlToken> tokens)
    {
        SqlToken? body = null;
        var plpgsql = false;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var next = tokens[i + 1];
            if (SqlTokenText.IsWord(text, tokens[i], "AS") && next.Kind == SqlTokenKind.String && body is null)
            {
                if (i + 2 < tokens.Count && SqlTokenText.IsSymbol(text, tokens[i + 2], ',')) return null; // AS 'file', 'symbol': C.
                body = next;
            }
            else if (SqlTokenText.IsWord(text, tokens[i], "LANGUAGE"))
            {
                var language = next.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(text, next) : SqlTokenText.Unquote(text, next);
                plpgsql = string.Equals(language, "plpgsql", StringComparison.OrdinalIgnoreCase);
            }
        }

        return plpgsql ? body : null;
    }

    private static bool IsTriggerStatement(string text, List<SqlToken> tokens, int start)
    {
        bool Is(int i, string word) => i < tokens.Count && SqlTokenText.IsWord(text, tokens[i], word);
        if (Is(start, "DROP")) return Is(start + 1, "TRIGGER");
        if (!Is(start, "CREATE")) return false;
        var kind = Is(start + 1, "OR") && Is(start + 2, "REPLACE") ? start + 3 : start + 1;
        return Is(kind, "TRIGGER");
    }

    // EXECUTE of text known but for parameters, each statement of it a trigger's, each parameter in it quoted.
    private static bool RunsOnlyTriggerStatements(EmbeddedSql body, PlpgsqlExecute execute, IReadOnlyDictionary<string, string> values)
    {
        if (PlpgsqlConstantText.Evaluate(body.Text, body.Tokens, execute.Expression, values).Value is not { } value) return false;
        var executed = value.Lex([]);
        if (!ParametersStayQuoted(executed)) return false;
        var start = 0;
        var statements = 0;
        for (var i = 0; i <= executed.Tokens.Count; i++)
        {
            if (i < executed.Tokens.Count && executed.Tokens[i].Kind != SqlTokenKind.Semicolon) continue;
            if (i > start)
            {
                if (!IsTriggerStatement(executed.Text, executed.Tokens, start)) return false;
                statements++;
            }

            start = i + 1;
        }

        return statements > 0;
    }

    private static bool ParametersStayQuoted(EmbeddedSql executed)
    {
        var at = executed.Text.IndexOf(AnyText, StringComparison.Ordinal);
        while (at >= 0)
        {
            var inside = executed.Tokens.Any(t => t.Kind is SqlTokenKind.QuotedIdentifier or SqlTokenKind.String && t.Start < at && at < t.End - 1);
            if (!inside) return false;
            at = executed.Text.IndexOf(AnyText, at + 1);
        }

        return true;
    }

    // The values EXECUTE text may use for the parameters: a regclass parameter is a relation's
    // name, any other is any text. A name the body declares again, or loops over, is a variable
    // of the body's own, and stays unknown.
    private static Dictionary<string, string> ParameterValues(EmbeddedSql definition, EmbeddedSql body, List<PlpgsqlStatement> statements)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var redeclared = statements.OfType<PlpgsqlBlock>().SelectMany(b => b.Declarations).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i + 1 < body.Tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(body.Text, body.Tokens[i], "FOR") || SqlTokenText.IsWord(body.Text, body.Tokens[i], "FOREACH"))
            {
                redeclared.Add(SqlTokenText.Raw(body.Text, body.Tokens[i + 1]).ToLowerInvariant());
            }
        }

        foreach (var (name, isRegclass) in PostgresRoutineParameters.Read(definition.Text, definition.Tokens))
        {
            if (!redeclared.Contains(name)) values[name] = isRegclass ? AnyRelation : AnyText.ToString();
        }

        return values;
    }

    // The DROP TABLE statements that drop only temporary tables created before them in their own
    // statement list (and not dropped since): the body's, a nested block's or handler's, an IF
    // branch's or a loop's, whose statements run one after the other each time the list runs.
    private static List<(int Start, int End)> TemporaryTableDrops(EmbeddedSql body, PlpgsqlBlock block)
    {
        var spans = new List<(int, int)>();
        foreach (var list in PlpgsqlStatementTree.Lists([block]))
        {
            var temporary = new HashSet<string>(StringComparer.Ordinal);
            foreach (var plain in list.OfType<PlpgsqlSql>())
            {
                var statement = Parsed(body, plain.Range);
                switch (statement)
                {
                    case not null when CreatedTemporaryTable(statement) is { } created:
                        temporary.Add(created);
                        break;
                    case DropTableStatement drop when drop.Names.All(n => temporary.Contains(n.Name) && (n.Schema == "pg_temp" || drop.UnqualifiedTables?.Contains(n) == true)):
                        foreach (var name in drop.Names) temporary.Remove(name.Name);
                        spans.Add(Span(body, plain.At, plain.Range.End));
                        break;
                }
            }
        }

        return spans;
    }

    // CREATE TEMP TABLE, or CREATE TABLE pg_temp.name: the table's name.
    private static string? CreatedTemporaryTable(SqlStatement statement) => statement switch
    {
        CreateTemporaryTableStatement created => created.Name,
        CreateTableStatement { Name.Schema: "pg_temp" } created => created.Name.Name,
        _ => null,
    };

    private static SqlStatement? Parsed(EmbeddedSql body, SqlStatementRange range)
    {
        if (range.End <= range.Start || !DdlText.StartsDdl(body.Text, body.Tokens[range.Start], SqlDialect.Postgres)) return null;
        try
        {
            return DdlParser.Parse(body.Text, body.Tokens, range, IdentifierRules.For(SqlDialect.Postgres));
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    private static (int Start, int End) Span(EmbeddedSql body, SqlToken first, int endToken) => (first.Start, body.Tokens[endToken - 1].End);

    // The text with the certain statements blanked out, so that what is left is judged by its words as before.
    private static string Blanked(string text, List<(int Start, int End)> spans)
    {
        if (spans.Count == 0) return text;
        var chars = text.ToCharArray();
        foreach (var (start, end) in spans)
        {
            for (var i = start; i < end; i++)
            {
                if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
