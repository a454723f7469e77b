using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The values of a <c>DO</c> block's variables as the runner follows them: a <c>boolean</c>
/// declared with a constant (or no) initial value, and an integer declared with 0 (or no) initial
/// value that a row count is selected into, then set by assignments
/// <see cref="PlpgsqlBooleanAssignment"/> reads. Anything else leaves a variable unknown, with
/// the reason, so an <c>IF</c> that reads it is not decided.
/// </summary>
internal sealed class PlpgsqlBooleanVariables
{
    // By declaration, not name: an inner block's variable shadows an outer one of the same name.
    // Declarations of one body differ by their token range, so record equality tells them apart.
    private readonly Dictionary<PlpgsqlDeclaration, PlpgsqlVariableValue> _values = [];

    /// <summary>Gives the variables of a block being entered their initial values, as the server does each time it enters the block.</summary>
    /// <param name="text">The body's text.</param>
    /// <param name="tokens">The body's tokens.</param>
    /// <param name="declarations">The block's DECLARE section.</param>
    public void Enter(string text, List<SqlToken> tokens, IReadOnlyList<PlpgsqlDeclaration> declarations)
    {
        foreach (var declaration in declarations) _values[declaration] = Initial(text, tokens, declaration);
    }

    /// <summary>The variable's value as far as it is followed.</summary>
    public PlpgsqlVariableValue Of(PlpgsqlDeclaration declaration)
        => _values.TryGetValue(declaration, out var value) ? value : new PlpgsqlVariableValue(declaration.Name, null, "is not declared in a way SchemaTasks reads");

    /// <summary>Whether the variable is a boolean or a count followed here, whose assignments may be read.</summary>
    public bool IsFollowed(PlpgsqlDeclaration declaration) => _values.TryGetValue(declaration, out var value) && value.WhyUnknown != NotFollowed;

    /// <summary>Whether the variable is an integer followed as a row count (<see cref="PlpgsqlVariableValue.IsCount"/>).</summary>
    public bool IsCount(PlpgsqlDeclaration declaration) => _values.TryGetValue(declaration, out var value) && value.IsCount;

    /// <summary>Records an assignment: the value, or <see langword="null"/> with why it is not known.</summary>
    public void Set(PlpgsqlDeclaration declaration, bool? value, string? whyUnknown)
    {
        if (!IsFollowed(declaration)) return; // Stays unknown for its first reason.
        _values[declaration] = _values[declaration] with { Value = value, WhyUnknown = value is null ? whyUnknown : null };
    }

    private const string NotFollowed = "is neither a boolean declared with TRUE, FALSE or no initial value nor an integer declared with 0 or no initial value";

    // The integer types a count(*) is selected into without a cast that could fail.
    private static readonly HashSet<string> IntegerTypes = new(StringComparer.Ordinal) { "integer", "int", "int4", "bigint", "int8" };

    // name [CONSTANT] {boolean | bool} [NOT NULL] [{:= | = | DEFAULT} {TRUE | FALSE | NULL}]
    private static PlpgsqlVariableValue Initial(string text, List<SqlToken> tokens, PlpgsqlDeclaration declaration)
    {
        var end = declaration.Initializer is { } initializer ? initializer.Start - 1 : declaration.Range.End;
        var words = new List<string>();
        for (var i = declaration.Range.Start + 1; i < end; i++)
        {
            if (tokens[i].Kind != SqlTokenKind.Word) return Unknown(declaration, NotFollowed);
            words.Add(SqlTokenText.Raw(text, tokens[i]).ToLowerInvariant());
        }

        if (words.Count > 0 && words[0] == "constant") words.RemoveAt(0);
        if (words.Count == 3 && words[1] == "not" && words[2] == "null") words.RemoveRange(1, 2);
        if (words is [var type] && IntegerTypes.Contains(type)) return InitialCount(text, tokens, declaration);
        if (words is not ["boolean" or "bool"]) return Unknown(declaration, NotFollowed);
        if (declaration.Initializer is not { } value) return Unknown(declaration, "is NULL, declared without a value and not set since");
        var constant = value.End - value.Start == 1 && tokens[value.Start].Kind == SqlTokenKind.Word ? SqlTokenText.Raw(text, tokens[value.Start]).ToLowerInvariant() : null;
        return constant switch
        {
            "true" => new PlpgsqlVariableValue(declaration.Name, true, null),
            "false" => new PlpgsqlVariableValue(declaration.Name, false, null),
            "null" => Unknown(declaration, "is NULL, declared so and not set since"),
            _ => Unknown(declaration, RunTimeSetting(text, tokens, value) is { } setting
                ? $"is read from the run-time setting '{setting}' (current_setting), which the migrations do not fix: its value is known only where the migration runs"
                : "starts from a value other than TRUE, FALSE or NULL"),
        };
    }

    // The setting a current_setting('name' ...) call in the initial value reads (supabase storage's
    // COALESCE(current_setting('storage.multitenant', true), 'false')::boolean); null when none.
    private static string? RunTimeSetting(string text, List<SqlToken> tokens, SqlStatementRange value)
    {
        for (var i = value.Start; i + 2 < value.End; i++)
        {
            if (SqlTokenText.IsWord(text, tokens[i], "current_setting") && SqlTokenText.IsSymbol(text, tokens[i + 1], '(') && tokens[i + 2].Kind == SqlTokenKind.String)
            {
                return SqlTokenText.Unquote(text, tokens[i + 2]);
            }
        }

        return null;
    }

    // name [CONSTANT] integer [NOT NULL] [{:= | = | DEFAULT} 0]: zero, or NULL until a count is selected into it.
    private static PlpgsqlVariableValue InitialCount(string text, List<SqlToken> tokens, PlpgsqlDeclaration declaration)
    {
        var zero = declaration.Initializer is { } value && value.End - value.Start == 1 && tokens[value.Start].Kind == SqlTokenKind.Number
                   && SqlTokenText.Raw(text, tokens[value.Start]) == "0";
        var why = declaration.Initializer is null ? "is NULL, declared without a value and not set since" : zero ? null : "starts from a value other than 0";
        return new PlpgsqlVariableValue(declaration.Name, zero ? false : null, why) { IsCount = true };
    }

    private static PlpgsqlVariableValue Unknown(PlpgsqlDeclaration declaration, string why) => new(declaration.Name, null, why);
}
