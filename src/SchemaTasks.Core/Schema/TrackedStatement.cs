using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Parses one statement that may shape a tracked object and applies it to a catalog; the one
/// path for statements at the top of a migration and inside a <c>DO</c> block.
/// </summary>
internal static class TrackedStatement
{
    /// <summary>Parses and applies the statement <paramref name="range"/> of <paramref name="tokens"/>.</summary>
    /// <param name="catalog">The catalog before the statement.</param>
    /// <param name="source">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="range">The statement's tokens.</param>
    /// <param name="context">The run's rules and state.</param>
    /// <param name="diagnostics">Receives the findings.</param>
    /// <param name="file">The file named in findings.</param>
    /// <param name="parsed">The whole statement as parsed ahead of time (<see cref="MigrationReadAhead"/>), if it was.</param>
    /// <returns>The catalog after the statement; unchanged when it does not parse or the applier rejects it.</returns>
    public static Catalog Apply(Catalog catalog, string source, List<SqlToken> tokens, SqlStatementRange range, ApplyContext context, List<SchemaDiagnostic> diagnostics, string? file, ParsedStatement? parsed = null)
    {
        var (statement, refusal) = parsed is { } ahead ? (ahead.Statement, ahead.Refusal) : Parse(source, tokens, range, context.Rules);
        if (refusal is not null)
        {
            // A table made from a query refused at parsing for want of a catalog: made after all when its query's columns are certain.
            if (refusal.FromQuery is { } fromQuery && QueryTables.Create(catalog, fromQuery, context) is { } made) return made;
            Report(catalog, refusal, source, tokens, range, context, diagnostics, file);
            return catalog;
        }

        return statement is null ? catalog : CatalogApplier.Apply(catalog, statement, context);
    }

    private static (SqlStatement? Statement, SqlParseException? Refusal) Parse(string source, List<SqlToken> tokens, SqlStatementRange range, IdentifierRules rules)
    {
        try
        {
            return (DdlParser.Parse(source, tokens, range, rules), null);
        }
        catch (SqlParseException refusal)
        {
            return (null, refusal);
        }
    }

    private static void Report(Catalog catalog, SqlParseException error, string source, List<SqlToken> tokens, SqlStatementRange range, ApplyContext context, List<SchemaDiagnostic> diagnostics, string? file)
    {
        // A scratch table made from a query (not over one already there): an error only once a statement depends on its columns.
        if (error is { ColumnsFromQuery: true, UnknownShapeTable: { } scratch } && catalog.FindTable(scratch) is null && !context.UnknownShapes.Contains(scratch)
            && !(context.IsPostgres && RelationStatements.IsNamed(catalog, scratch)))
        {
            context.UnknownShapes.Add(scratch);
            var what = SqlTokenText.IsWord(source, tokens[range.Start], "CREATE") ? "CREATE TABLE ... AS" : "SELECT ... INTO";
            context.QueryShaped.Made(scratch, $"the {what} at {file ?? "the migration"}({error.At.Line},{error.At.Column})");
            return;
        }

        var first = SqlTokenText.Raw(source, tokens[range.Start]).ToUpperInvariant();
        var second = range.Start + 1 < range.End ? " " + SqlTokenText.ForMessage(source, tokens[range.Start + 1]).ToUpperInvariant() : string.Empty;
        var message = error.OutsideTrackedStatement
            ? $"The server refuses this {first}{second} statement: {error.Message}. The migration stops here, so the statements after it never run; correct the SQL."
            : error.Code == DiagnosticCodes.SyntaxError
            ? $"Cannot read this {first}{second} statement: {error.Message}. It changes a tracked object, so SchemaTasks does not guess what it does; correct the SQL."
            : $"Cannot model this {first}{second} statement: {error.Message}.";
        if (error.UnknownShapeTable is { } table)
        {
            context.UnknownShapes.Add(table);
            message += $" The snapshot leaves {context.Show(table)} out, and later statements on it are passed over.";
        }

        diagnostics.Add(SchemaDiagnostic.Error(error.Code, message, file, error.At.Line, error.At.Column));
    }
}
