using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal sealed partial class RoutineCalls
{
    /// <summary>
    /// A top-level <c>SELECT f()</c> or <c>SELECT * FROM f()</c> of a PL/pgSQL function the
    /// migrations created: the schema after its body has run once, as a <c>DO</c> block runs;
    /// <see langword="null"/> when the call has another shape (arguments, a qualified name, other
    /// columns, a <c>FROM</c> that runs it once per row) or the function cannot be run.
    /// </summary>
    private Catalog? RunFunction(Catalog catalog, RoutineDefinition routine, string sql, List<SqlToken> tokens, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        if (_dialect != SqlDialect.Postgres || !CallsOnly(sql, tokens, routine.Name)) return null;
        if (PlpgsqlRunnableFunction.Body(routine) is not { } body) return null;
        var at = tokens[0];
        return DoBlockRunner.RunFunction(catalog, body, routine, $"{context.File ?? "the migration"}({at.Line},{at.Column})", context, this, diagnostics);
    }

    // SELECT [* FROM] name ( ): nothing else in the statement.
    private bool CallsOnly(string sql, List<SqlToken> tokens, string name)
    {
        var end = tokens.Count;
        if (end > 0 && tokens[end - 1].Kind == SqlTokenKind.Semicolon) end--;
        var i = 1;
        if (i + 1 < end && SqlTokenText.IsSymbol(sql, tokens[i], '*') && SqlTokenText.IsWord(sql, tokens[i + 1], "FROM")) i += 2;
        return end == i + 3
               && tokens[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier
               && Identifier(sql, tokens[i]) == name
               && SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')
               && SqlTokenText.IsSymbol(sql, tokens[i + 2], ')');
    }
}
