using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The values of a <c>DO</c> block's variables as the runner follows them: a <c>boolean</c>
/// declared with a constant (or no) initial value, then set by assignments
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

    /// <summary>Whether the variable is a boolean followed here, whose assignments may be read.</summary>
    public bool IsFollowed(PlpgsqlDeclaration declaration) => _values.TryGetValue(declaration, out var value) && value.WhyUnknown != NotBoolean;

    /// <summary>Records an assignment: the value, or <see langword="null"/> with why it is not known.</summary>
    public void Set(PlpgsqlDeclaration declaration, bool? value, string? whyUnknown)
    {
        if (!IsFollowed(declaration)) return; // Stays unknown for its first reason.
        _values[declaration] = new PlpgsqlVariableValue(declaration.Name, value, value is null ? whyUnknown : null);
    }

    private const string NotBoolean = "is not a boolean declared with TRUE, FALSE or no initial value";

    // name [CONSTANT] {boolean | bool} [NOT NULL] [{:= | = | DEFAULT} {TRUE | FALSE | NULL}]
    private static PlpgsqlVariableValue Initial(string text, List<SqlToken> tokens, PlpgsqlDeclaration declaration)
    {
        var end = declaration.Initializer is { } initializer ? initializer.Start - 1 : declaration.Range.End;
        var words = new List<string>();
        for (var i = declaration.Range.Start + 1; i < end; i++)
        {
            if (tokens[i].Kind != SqlTokenKind.Word) return Unknown(declaration, NotBoolean);
            words.Add(SqlTokenText.Raw(text, tokens[i]).ToLowerInvariant());
        }

        if (words.Count > 0 && words[0] == "constant") words.RemoveAt(0);
        if (words.Count == 3 && words[1] == "not" && words[2] == "null") words.RemoveRange(1, 2);
        if (words is not ["boolean" or "bool"]) return Unknown(declaration, NotBoolean);
        if (declaration.Initializer is not { } value) return Unknown(declaration, "is NULL, declared without a value and not set since");
        var constant = value.End - value.Start == 1 && tokens[value.Start].Kind == SqlTokenKind.Word ? SqlTokenText.Raw(text, tokens[value.Start]).ToLowerInvariant() : null;
        return constant switch
        {
            "true" => new PlpgsqlVariableValue(declaration.Name, true, null),
            "false" => new PlpgsqlVariableValue(declaration.Name, false, null),
            "null" => Unknown(declaration, "is NULL, declared so and not set since"),
            _ => Unknown(declaration, "starts from a value other than TRUE, FALSE or NULL"),
        };
    }

    private static PlpgsqlVariableValue Unknown(PlpgsqlDeclaration declaration, string why) => new(declaration.Name, null, why);
}
