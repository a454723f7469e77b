using System.Globalization;

namespace SchemaTasks.Schema;

/// <summary>
/// The operators whose reading depends on the session's sql_mode (<see cref="MySqlOperatorMode"/>),
/// and <c>!</c>, which binds tighter than any comparison (checked on MariaDB 10.11:
/// <c>! 1 = 2</c> is 0, where <c>NOT 1 = 2</c> is 1).
/// </summary>
internal sealed partial class MySqlUserExpression
{
    // Under PIPES_AS_CONCAT, || joins strings and binds tighter than a comparison
    // ('a' || 'b' = 'ab' is 1); a NULL on either side makes the result NULL.
    private object? Concatenation()
    {
        var left = Unary();
        if (left is null || !IsSymbol("||")) return left;
        switch (_scope.OperatorMode)
        {
            case MySqlOperatorMode.Default:
                return left; // OR, read by Or().
            case MySqlOperatorMode.Unknown:
                return Fail("'||', which the server reads as OR or as concatenation depending on a sql_mode SchemaTasks cannot read here");
        }

        while (left is not null && TrySymbol("||"))
        {
            var right = Unary();
            if (right is null) return null;
            if (left == Null || right == Null)
            {
                left = Null;
                continue;
            }

            left = Joined(left) is { } a && Joined(right) is { } b ? a + b : Fail("a concatenation with DATABASE()");
        }

        return left;
    }

    // || read as OR: only under the default mode; under PIPES_AS_CONCAT Concatenation() took it.
    private bool TryPipesAsOr() => _scope.OperatorMode == MySqlOperatorMode.Default && TrySymbol("||");

    private object? Unary()
    {
        if (!TrySymbol("!")) return Primary();
        var operand = Unary();
        return operand is null ? null : operand == Null ? Null : Bool(!Truth(operand));
    }

    // Under HIGH_NOT_PRECEDENCE, NOT binds as ! does: NOT a = b is (NOT a) = b. With a sql_mode
    // SchemaTasks cannot read, a NOT before a comparison is left unknown; elsewhere both readings agree.
    private bool NotBeforeComparisonUnknown()
    {
        if (_scope.OperatorMode != MySqlOperatorMode.Unknown) return false;
        var (start, unknown) = (_pos, _unknown);
        var operand = Concatenation();
        var comparison = operand is not null && _pos < _end && (IsWord("IS") || IsWord("LIKE") || IsWord("BETWEEN") || IsWord("IN")
            || IsSymbol("=") || IsSymbol("<>") || IsSymbol("!=") || IsSymbol(">") || IsSymbol("<") || IsSymbol(">=") || IsSymbol("<=") || IsSymbol("<=>"));
        (_pos, _unknown) = (start, unknown);
        return comparison;
    }

    private static string? Joined(object value) => value switch
    {
        long n => n.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => null,
    };
}
