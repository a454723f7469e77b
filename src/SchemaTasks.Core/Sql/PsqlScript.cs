namespace SchemaTasks.Sql;

/// <summary>
/// What psql (15) does with its own commands in a PostgreSQL migration that the engine reads as
/// psql reads it: the commands that send the query buffer (<c>\g</c>, <c>\gset</c>, <c>\gexec</c>,
/// ...) end the statement before them; <c>\if</c>, <c>\elif</c>, <c>\else</c> and <c>\endif</c>
/// pick the branch that runs; <c>\set</c> and <c>\unset</c> give the values psql interpolates
/// for <c>:name</c>, <c>:'name'</c> and <c>:"name"</c>. The lexer owns one per text.
/// </summary>
/// <remarks>
/// The analyzer compiles this file with the lexer (netstandard2.0): plain string code only.
/// </remarks>
internal sealed class PsqlScript
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);
    private readonly List<Branch> _branches = new();

    /// <summary>Whether the text is in a branch psql skips: its SQL and commands (but the conditionals) do not run.</summary>
    public bool Inactive { get; private set; }

    /// <summary>When set, the lexer lists here each variable use psql replaces, instead of reporting it (<see cref="PsqlVariables"/>).</summary>
    public List<PsqlInterpolation>? Interpolations { get; init; }

    /// <summary>What a command of that name does to the query buffer and the script.</summary>
    public static PsqlCommand Classify(string name) => name switch
    {
        "g" or "gx" or "gset" or "crosstabview" or "watch" => PsqlCommand.SendsBuffer,
        "gexec" => PsqlCommand.RunsResult,
        "gdesc" => PsqlCommand.DescribesBuffer,
        "if" => PsqlCommand.If,
        "elif" => PsqlCommand.Elif,
        "else" => PsqlCommand.Else,
        "endif" => PsqlCommand.EndIf,
        "set" => PsqlCommand.Set,
        "unset" => PsqlCommand.Unset,
        "i" or "ir" or "include" or "include_relative" => PsqlCommand.Include,
        _ => PsqlCommand.Other,
    };

    /// <summary>Whether a terminator token the lexer made is <c>\gdesc</c>, which resets the buffer without running it.</summary>
    public static bool DiscardsBuffer(string text, SqlToken terminator)
        => terminator.Length >= 6 && text[terminator.Start] == '\\' && string.CompareOrdinal(text, terminator.Start + 1, "gdesc", 0, 5) == 0;

    /// <summary><c>\set name value...</c>: the value is the arguments joined, each unquoted, or unknown (<see langword="null"/>) when psql would compute it (a backquote, a double quote, an escape).</summary>
    public void Set(string arguments)
    {
        var words = Words(arguments);
        if (words.Count == 0) return; // \set alone lists the variables.
        var value = string.Empty;
        for (var i = 1; i < words.Count && value is not null; i++)
        {
            value = ArgumentValue(words[i]) is { } part ? value + part : null;
        }

        _variables[words[0]] = value;
    }

    /// <summary><c>\unset name</c>.</summary>
    public void Unset(string arguments)
    {
        var words = Words(arguments);
        if (words.Count > 0) _variables.Remove(words[0]);
    }

    /// <summary>Whether <paramref name="name"/> is set and its value known.</summary>
    /// <returns><see langword="true"/> and the value; <see langword="false"/> and whether it is set at all.</returns>
    public bool TryValue(string name, out string? value, out bool isSet)
    {
        isSet = _variables.TryGetValue(name, out value);
        return isSet && value is not null;
    }

    /// <summary><c>\if expression</c>.</summary>
    /// <returns>
    /// Whether the condition could not be decided. The branch is then read as not taken, as psql
    /// takes a condition it cannot read as a boolean (it reports it and goes on, even with
    /// ON_ERROR_STOP): right unless the value comes from outside the file.
    /// </returns>
    public bool If(string arguments)
    {
        var parentActive = !Inactive;
        var value = parentActive ? Evaluate(arguments) : false;
        _branches.Add(new Branch(parentActive, value == true, parentActive && value == true));
        Update();
        return parentActive && value is null;
    }

    /// <summary><c>\elif expression</c>.</summary>
    /// <returns>Whether the condition could not be decided.</returns>
    public bool Elif(string arguments)
    {
        if (_branches.Count == 0) return false;
        var top = _branches[_branches.Count - 1];
        bool? value = top.ParentActive && !top.Taken ? Evaluate(arguments) : false;
        _branches[_branches.Count - 1] = new Branch(top.ParentActive, top.Taken || value == true, top.ParentActive && !top.Taken && value == true);
        Update();
        return top.ParentActive && !top.Taken && value is null;
    }

    /// <summary><c>\else</c>.</summary>
    public void Else()
    {
        if (_branches.Count == 0) return;
        var top = _branches[_branches.Count - 1];
        _branches[_branches.Count - 1] = new Branch(top.ParentActive, true, top.ParentActive && !top.Taken);
        Update();
    }

    /// <summary><c>\endif</c>.</summary>
    public void EndIf()
    {
        if (_branches.Count == 0) return;
        _branches.RemoveAt(_branches.Count - 1);
        Update();
    }

    private void Update() => Inactive = _branches.Count > 0 && !_branches[_branches.Count - 1].Active;

    // psql joins the expression's arguments and reads the result as ParseVariableBool does
    // (src/bin/psql/variables.c); a variable it cannot know, or a backquoted command, leaves it open.
    private bool? Evaluate(string arguments)
    {
        var text = string.Empty;
        foreach (var word in Words(arguments))
        {
            if (ArgumentValue(word) is not { } part) return null;
            text += text.Length == 0 ? part : " " + part;
        }

        return ParseBool(text);
    }

    /// <summary>psql's <c>ParseVariableBool</c>: any unique prefix of true, false, yes, no, on, off; 1 and 0.</summary>
    public static bool? ParseBool(string value)
    {
        var length = value.Length;
        if (length == 0) return null;
        if (IsPrefixOf(value, "true", 1)) return true;
        if (IsPrefixOf(value, "false", 1)) return false;
        if (IsPrefixOf(value, "yes", 1)) return true;
        if (IsPrefixOf(value, "no", 1)) return false;
        if (IsPrefixOf(value, "on", 2)) return true; // "o" alone is not unique.
        if (IsPrefixOf(value, "off", 2)) return false;
        if (value == "1") return true;
        if (value == "0") return false;
        return null;
    }

    private static bool IsPrefixOf(string value, string word, int shortest)
        => value.Length >= shortest && value.Length <= word.Length && string.Compare(value, 0, word, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

    // One argument of a command: a plain word, a 'quoted' text ('' is a quote), or a :name /
    // :'name' reference to a known variable, in any sequence. Null when psql would compute it.
    private string? ArgumentValue(string word)
    {
        var value = string.Empty;
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '\'')
            {
                var close = i + 1;
                var part = string.Empty;
                while (true)
                {
                    var quote = word.IndexOf('\'', close);
                    if (quote < 0) return null;
                    part += word.Substring(close, quote - close);
                    if (quote + 1 < word.Length && word[quote + 1] == '\'')
                    {
                        part += "'";
                        close = quote + 2;
                        continue;
                    }

                    i = quote + 1;
                    break;
                }

                if (part.IndexOf('\\') >= 0) return null; // psql reads escapes in quotes.
                value += part;
            }
            else if (c == ':' && i + 1 < word.Length && IsNameChar(word[i + 1]))
            {
                var end = i + 1;
                while (end < word.Length && IsNameChar(word[end])) end++;
                if (!TryValue(word.Substring(i + 1, end - i - 1), out var known, out _)) return null;
                value += known;
                i = end;
            }
            else if (c is '`' or '"' or '\\' or ':')
            {
                return null;
            }
            else
            {
                value += c;
                i++;
            }
        }

        return value;
    }

    private static List<string> Words(string arguments)
    {
        var words = new List<string>();
        var i = 0;
        while (i < arguments.Length)
        {
            while (i < arguments.Length && arguments[i] is ' ' or '\t') i++;
            if (i >= arguments.Length) break;
            var start = i;
            var quoted = false;
            while (i < arguments.Length && (quoted || arguments[i] is not (' ' or '\t')))
            {
                if (arguments[i] == '\'') quoted = !quoted;
                i++;
            }

            words.Add(arguments.Substring(start, i - start));
        }

        return words;
    }

    /// <summary>A character of a variable name after a colon, as psql's lexer reads it.</summary>
    public static bool IsNameChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= '\u0080';

    private readonly record struct Branch(bool ParentActive, bool Taken, bool Active);
}

/// <summary>What a psql command does, for the lexer.</summary>
internal enum PsqlCommand : byte
{
    /// <summary>Anything else: passed over.</summary>
    Other,

    /// <summary><c>\g</c>, <c>\gx</c>, <c>\gset</c>, <c>\crosstabview</c>, <c>\watch</c>: send the buffer, so they end the statement.</summary>
    SendsBuffer,

    /// <summary><c>\gexec</c>: sends the buffer, then runs each value of its result as a statement.</summary>
    RunsResult,

    /// <summary><c>\gdesc</c>: describes the buffer's result without running it, and resets the buffer.</summary>
    DescribesBuffer,

    /// <summary><c>\if</c>.</summary>
    If,

    /// <summary><c>\elif</c>.</summary>
    Elif,

    /// <summary><c>\else</c>.</summary>
    Else,

    /// <summary><c>\endif</c>.</summary>
    EndIf,

    /// <summary><c>\set</c>.</summary>
    Set,

    /// <summary><c>\unset</c>.</summary>
    Unset,

    /// <summary><c>\i</c>, <c>\ir</c> and their long forms: run another file.</summary>
    Include,
}

/// <summary>A variable use psql replaces: the text at <paramref name="Start"/> of <paramref name="Length"/> becomes <paramref name="Value"/>.</summary>
internal readonly record struct PsqlInterpolation(int Start, int Length, string Value);
