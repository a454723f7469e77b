using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal sealed partial class RoutineCalls
{
    // The migration text last asked about, and whether it turns check_function_bodies off
    // (pg_dump's files do; CREATE FUNCTION then resolves nothing in the body). Any mention counts.
    private string? _bodiesCheckedText;
    private bool _bodiesChecked;

    /// <summary>
    /// Reports the types a PL/pgSQL routine's <c>DECLARE</c> sections name that do not exist when
    /// <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c> runs: with check_function_bodies on (the
    /// default), the server resolves them then and refuses the statement (SQLSTATE 42704), though
    /// it checks nothing else of the body. ThingsBoard declares variables of its views' types.
    /// </summary>
    public void CheckDeclaredTypes(Catalog catalog, string sql, List<SqlToken> tokens, CreatedKind created, ApplyContext context)
    {
        if (_dialect != SqlDialect.Postgres) return;
        var kind = created.Within(12);
        if (kind < 0 || !(SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) return;
        var name = CreatedObjectName.NameAt(sql, tokens, kind);
        if (name < 0 || PlpgsqlBodyEffects.QuotedPlpgsqlBody(sql, tokens) is not { } literal) return;
        if (!AsciiWords.Contains(sql.AsSpan(literal.Start, literal.Length), "DECLARE") || !ChecksFunctionBodies(sql)) return;

        // The server checks the body under the routine's own SET clauses (a search_path that finds other types).
        for (var i = name + 1; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "SET")) return;
        }

        var body = EmbeddedSql.FromLiteral(sql, literal, []);
        PlpgsqlBlock block;
        try
        {
            block = PlpgsqlParser.ParseBody(body);
        }
        catch (SqlParseException)
        {
            return; // The server refuses it too, for its syntax; other checks say so.
        }

        var routine = new QualifiedName(context.Rules.DefaultSchema, Identifier(sql, tokens[name]));
        foreach (var declared in PlpgsqlStatementTree.All([block]).OfType<PlpgsqlBlock>().SelectMany(b => b.Declarations))
        {
            if (PlpgsqlDeclaredType.Read(body, declared, context.Rules) is var (type, at)) TypeExistence.CheckVariable(catalog, type, context, at, routine, declared.Name);
        }
    }

    private bool ChecksFunctionBodies(string sql)
    {
        if (!ReferenceEquals(sql, _bodiesCheckedText))
        {
            _bodiesCheckedText = sql;
            _bodiesChecked = sql.IndexOf("check_function_bodies", StringComparison.OrdinalIgnoreCase) < 0;
        }

        return _bodiesChecked;
    }
}
