using SchemaTasks.Diagnostics;

namespace SchemaTasks.Schema;

/// <summary>
/// Runs a MySQL stored function's body when a condition calls it, so that
/// <c>IF ido_index_exists(t, i) THEN</c> is decided as the same test written inline would be:
/// a body of <c>DECLARE</c>, local <c>SET</c>, <c>SELECT ... INTO</c>, <c>IF</c> and <c>RETURN</c>,
/// with its parameters bound to the call's arguments. Any other statement, a body that may change
/// tracked objects, or a value its return type would convert leaves the call unknown.
/// </summary>
internal sealed partial class RoutineCalls
{
    // The sql_mode reading of the routine running now, which keeps the mode it was created under; null outside one.
    private MySqlOperatorMode? _routineMode;

    /// <inheritdoc/>
    public MySqlOperatorMode OperatorMode => _routineMode ?? Session.OperatorMode;

    /// <inheritdoc/>
    public object? CallFunction(string name, List<object> arguments, Catalog catalog, out string? unknown)
    {
        if (!_dialect.IsMySqlFamily() || !_mySqlFunctions.TryGetValue(name, out var routine))
        {
            unknown = Dropped(name, "function") is { } drop
                ? $"the function {name}, which the DROP at {drop.Where} dropped: the server refuses the call, error 1305"
                : $"'{name}'";
            return null;
        }

        unknown = Unrunnable(routine, arguments);
        if (unknown is not null) return null;

        var saved = (_locals, _routineMode);
        _locals = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++) _locals[routine.Parameters[i]] = arguments[i];
        _routineMode = routine.OperatorMode;
        var body = routine.Body;
        var none = new List<SchemaDiagnostic>();
        var run = new ProcedureRun(this, body.Text, body.Tokens, null!, none) { Catalog = catalog, InFunction = true };
        _callDepth++;
        try
        {
            run.Statements(0, body.Tokens.Count, execute: true);
            unknown = $"the function {name}, which ends without RETURN (the server fails such a call, error 1321)";
            return null;
        }
        catch (FunctionReturn returned)
        {
            var value = routine.ReturnType?.Convert(returned.Value);
            unknown = value is null ? $"the value the function {name} returns as {routine.ReturnType?.Name ?? "its type"}" : null;
            return value;
        }
        catch (UndecidableCall step)
        {
            unknown = $"the function {name}: {step.Reason}";
            return null;
        }
        finally
        {
            (_locals, _routineMode) = saved;
            _callDepth--;
        }
    }

    // Why a call of the function is not run, or null when it is.
    private string? Unrunnable(RoutineDefinition routine, List<object> arguments)
    {
        if (routine.MayChangeTracked) return $"the function {routine.Name}, whose body may change tracked objects";
        if (_callDepth >= CallDepthLimit) return "routines calling each other more than eight deep";
        if (arguments.Count != routine.Parameters.Length) return $"{arguments.Count} arguments for the {routine.Parameters.Length} parameters of {routine.Name}";
        return null;
    }
}
