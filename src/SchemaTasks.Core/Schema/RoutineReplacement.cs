using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What PostgreSQL refuses when <c>CREATE OR REPLACE FUNCTION | PROCEDURE | AGGREGATE</c> names
/// a routine that exists with the same input types, checked in the server's order (ProcedureCreate,
/// PostgreSQL 15): another kind of routine (42809), another return type or another row of OUT
/// parameters (42P13), an input parameter's name changed or taken away (42P13), fewer parameter
/// defaults (42P13); and CREATE without OR REPLACE of input types a routine of the name has, of any
/// kind (42723). A refused statement changes nothing.
/// </summary>
internal static class RoutineReplacement
{
    /// <summary>Reports and returns true when the server refuses <paramref name="now"/> replacing <paramref name="was"/>.</summary>
    public static bool Refuses(RoutineReturn was, RoutineReturn now, QualifiedName name, SqlToken at, ApplyContext context)
    {
        var shown = context.Show(name);
        var signature = $"{shown}({string.Join(", ", now.Inputs)})";
        var dropFirst = $"Drop it first (DROP {KindWord(was.Kind)} {signature}) and the objects that use it, or give the new {KindWord(now.Kind).ToLowerInvariant()} another name.";
        if (was.Kind != now.Kind)
        {
            context.Error(
                DiagnosticCodes.RoutineKindChanged,
                $"PostgreSQL refuses this CREATE OR REPLACE {KindWord(now.Kind)} {shown}: {signature} is {KindName(was.Kind)} (SQLSTATE 42809, cannot change routine kind). It stays as it was. {dropFirst}",
                at);
            return true;
        }

        var statement = $"PostgreSQL refuses this CREATE OR REPLACE {KindWord(now.Kind)} {signature}";
        if (was.Identity is { } oldType && now.Identity is { } newType && oldType != newType)
        {
            context.Error(
                DiagnosticCodes.FunctionReturnTypeChanged,
                $"{statement}: the {KindWord(was.Kind).ToLowerInvariant()} it replaces returns {oldType}, and this one returns {newType} (SQLSTATE 42P13, cannot change return type of existing function). It stays as it was. {dropFirst}",
                at);
            return true;
        }

        if (was.Row is { } oldRow && now.Row is { } newRow && oldRow != newRow)
        {
            context.Error(
                DiagnosticCodes.FunctionReturnTypeChanged,
                $"{statement}: its OUT parameters make the row ({Shown(oldRow)}), and this one's make ({Shown(newRow)}) (SQLSTATE 42P13, cannot change return type of existing function: row type defined by OUT parameters is different). It stays as it was. {dropFirst}",
                at);
            return true;
        }

        for (var i = 0; i < was.InputNames.Count; i++)
        {
            if (was.InputNames[i] is not { } oldName || (i < now.InputNames.Count && now.InputNames[i] == oldName)) continue;
            var becomes = i < now.InputNames.Count && now.InputNames[i] is { } newName ? $"this one names it {context.Show(newName)}" : "this one leaves it without a name";
            context.Error(
                DiagnosticCodes.FunctionReturnTypeChanged,
                $"{statement}: input parameter {i + 1} of the {KindWord(was.Kind).ToLowerInvariant()} it replaces is named {context.Show(oldName)}, and {becomes} (SQLSTATE 42P13, cannot change name of input parameter). It stays as it was; calls may pass that parameter by name. Keep the name, or {dropFirst[0..1].ToLowerInvariant()}{dropFirst[1..]}",
                at);
            return true;
        }

        if (now.Defaults < was.Defaults)
        {
            context.Error(
                DiagnosticCodes.FunctionReturnTypeChanged,
                $"{statement}: the {KindWord(was.Kind).ToLowerInvariant()} it replaces has defaults for {was.Defaults} parameter(s), and this one for {now.Defaults} (SQLSTATE 42P13, cannot remove parameter defaults from existing function). It stays as it was; calls may leave those parameters out. Keep the defaults, or {dropFirst[0..1].ToLowerInvariant()}{dropFirst[1..]}",
                at);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reports CREATE FUNCTION | PROCEDURE | AGGREGATE (without OR REPLACE) of input types a routine
    /// of the name has, of any kind: the server refuses it (42723, ProcedureCreate).
    /// </summary>
    public static void Exists(RoutineReturn was, RoutineReturn now, QualifiedName name, SqlToken at, ApplyContext context)
    {
        var shown = context.Show(name);
        var signature = $"{shown}({string.Join(", ", now.Inputs)})";
        var fix = was.Kind == now.Kind
            ? $"Write CREATE OR REPLACE {KindWord(now.Kind)} to replace it, drop it first (DROP {KindWord(was.Kind)} {signature}), or give the new {KindWord(now.Kind).ToLowerInvariant()} another name."
            : $"Drop it first (DROP {KindWord(was.Kind)} {signature}) and the objects that use it, or give the new {KindWord(now.Kind).ToLowerInvariant()} another name.";
        context.Error(
            DiagnosticCodes.RoutineExists,
            $"PostgreSQL refuses this CREATE {KindWord(now.Kind)} {signature}: {signature} is already there, {KindName(was.Kind)} (SQLSTATE 42723, function \"{name.Name}\" already exists with same argument types). It stays as it was. {fix}",
            at);
    }

    private static string Shown(string row) => row.Length == 0 ? "none" : row;

    private static string KindWord(RoutineKind kind) => kind switch
    {
        RoutineKind.Procedure => "PROCEDURE",
        RoutineKind.Aggregate => "AGGREGATE",
        _ => "FUNCTION",
    };

    private static string KindName(RoutineKind kind) => kind switch
    {
        RoutineKind.Procedure => "a procedure",
        RoutineKind.Aggregate => "an aggregate function",
        _ => "a function",
    };
}
