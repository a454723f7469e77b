namespace SchemaTasks.Schema;

/// <summary>
/// A call of a stored function the migrations created, as Icinga's upgrade scripts test an index
/// through <c>IF ido_index_exists(t, i)</c>: its arguments are evaluated here, and the scope runs
/// the body with them (<see cref="RoutineCalls"/>).
/// </summary>
internal sealed partial class MySqlUserExpression
{
    // name(argument, ...) with the cursor on the name; built-in functions are read before this.
    private object? StoredFunctionCall(string name)
    {
        _pos += 2;
        var arguments = new List<object>();
        if (!TrySymbol(")"))
        {
            do
            {
                var argument = Or();
                if (argument is null) return null;
                arguments.Add(argument);
            }
            while (TrySymbol(","));

            if (!TrySymbol(")")) return Fail($"the call of {name}");
        }

        return _scope.CallFunction(name, arguments, _catalog, out var unknown) ?? Fail(unknown ?? $"the call of {name}");
    }
}
