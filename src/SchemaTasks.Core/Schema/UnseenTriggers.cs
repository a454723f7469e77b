using System.Text.RegularExpressions;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The trigger names a DO block or a routine's body may create, drop or rename where the engine
/// does not follow it (a step that may not run, a call not run, SQL built at run time): a later
/// CREATE, DROP or ALTER TRIGGER of such a name is reported as undecided, never refused or passed
/// quietly (<see cref="TriggerStatements"/>). Also notes a routine body that creates a function,
/// after which no trigger's function is surely missing. Shared by the whole run.
/// </summary>
internal sealed class UnseenTriggers
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Whether a body touches a trigger whose name it does not write out (built at run time, or ALTER TRIGGER ... RENAME).</summary>
    public bool AnyName { get; private set; }

    /// <summary>Whether a routine body creates a function: a trigger's function may then exist without a CREATE the engine read.</summary>
    public bool FunctionsMade { get; private set; }

    /// <summary>Whether a body may have created, dropped or renamed a trigger of <paramref name="name"/>.</summary>
    public bool MayTouch(string name) => AnyName || (_names.Count > 0 && _names.Contains(name));

    /// <summary>Leaves <paramref name="name"/> undecided: a statement may or may not have dropped a trigger of it.</summary>
    public void Forget(string name) => _names.Add(name);

    /// <summary>A CREATE statement: only a function's or procedure's body is read (<see cref="Note"/>).</summary>
    public void NoteRoutine(string sql, List<SqlToken> tokens, CreatedKind created)
    {
        var kind = created.Within(6);
        if (kind >= 0 && (SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) Note(sql, tokens);
    }

    /// <summary>Reads the string constants (the bodies) of a DO block or a CREATE FUNCTION | PROCEDURE statement.</summary>
    public void Note(string sql, List<SqlToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Kind != SqlTokenKind.String) continue;
            var body = sql.AsSpan(token.Start, token.Length);
            if (AsciiWords.Contains(body, "TRIGGER")) NoteTriggers(body.ToString());
            if (!FunctionsMade && AsciiWords.Contains(body, "FUNCTION") && CreatesFunctionPattern.IsMatch(body)) FunctionsMade = true;
        }
    }

    private void NoteTriggers(string body)
    {
        foreach (Match match in TriggerStatementPattern.Matches(body))
        {
            var name = match.Groups["name"];
            var end = match.Index + match.Length;
            if (match.Groups["alter"].Success || !name.Success || (end < body.Length && !char.IsWhiteSpace(body[end])))
            {
                AnyName = true; // A name built at run time (%I, || ...), or a rename to a name not read here.
                continue;
            }

            _names.Add(name.Value[0] == '"' ? name.Value[1..^1] : name.Value.ToLowerInvariant());
        }
    }

    // Built when first used: most histories have no body that touches a trigger.
    private static Regex TriggerStatementPattern => field ??= new(
        """\b(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?|DROP\s+|(?<alter>ALTER\s+))TRIGGER\b\s*(?:IF\s+EXISTS\s+)?(?<name>"[^"]*"|[A-Za-z_][A-Za-z0-9_$]*)?""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex CreatesFunctionPattern => field ??= new("""\bCREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
