using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

// An ALTER TABLE action whose content is not tracked is skipped up to its ','. When the ','
// before the next action is missing, that skip would swallow the next action: "OWNER TO app
// DROP COLUMN z" would lose the DROP, which the server refuses as a syntax error instead.
internal sealed partial class DdlParser
{
    // The words that start the actions that change tracked facts; none of them can stand,
    // unquoted and outside parentheses, inside an action that is skipped.
    private static readonly string[] TrackedActionWords = ["ADD", "DROP", "ALTER", "RENAME", "MODIFY", "CHANGE"];

    /// <summary>Moves past the rest of an untracked action, refusing one that runs into another action.</summary>
    private void SkipAction()
    {
        var start = _c.SkipToListEnd();
        var depth = 0;
        for (var i = start + 1; i < _c.Position; i++)
        {
            var token = _c.Tokens[i];
            if (token.Kind == SqlTokenKind.Symbol)
            {
                if (SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
                else if (SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            }
            else if (depth == 0 && token.Kind == SqlTokenKind.Word && IsTrackedActionWord(token))
            {
                throw new SqlParseException(
                    DiagnosticCodes.SyntaxError,
                    $"expected ',' or the end of the statement after the ALTER TABLE action, but found '{SqlTokenText.ForMessage(_c.Source, token)}'",
                    token);
            }
        }
    }

    private bool IsTrackedActionWord(SqlToken token)
    {
        foreach (var word in TrackedActionWords)
        {
            if (SqlTokenText.IsWord(_c.Source, token, word)) return true;
        }

        return false;
    }
}
