using SchemaTasks.Diagnostics;

namespace SchemaTasks.Schema;

/// <summary>
/// Which PostgreSQL error (SQLSTATE) each of the engine's "the server would reject this"
/// findings stands for, and which of them an exception handler's <c>WHEN</c> condition catches.
/// Findings that are the engine's own limits (a statement it cannot read or model) have no
/// SQLSTATE: no handler may swallow them, since nobody knows what the server would do.
/// </summary>
internal static class PlpgsqlErrorConditions
{
    /// <summary>The SQLSTATE PL/pgSQL's <c>RAISE EXCEPTION</c> raises when none is given.</summary>
    public const string RaiseException = "P0001";

    private static readonly Dictionary<string, string> SqlStateByCode = new(StringComparer.Ordinal)
    {
        [DiagnosticCodes.SchemaNotFound] = "3F000",
        [DiagnosticCodes.SchemaExists] = "42P06",
        [DiagnosticCodes.TypeNotFound] = "42704",
        [DiagnosticCodes.TypeExists] = "42710",
        [DiagnosticCodes.EnumLabelExists] = "42710",
        [DiagnosticCodes.EnumLabelNotFound] = "22023",
        [DiagnosticCodes.EnumLabelTooLong] = "42602",
        [DiagnosticCodes.TableNotFound] = "42P01",
        [DiagnosticCodes.TableExists] = "42P07",
        [DiagnosticCodes.ColumnNotFound] = "42703",
        [DiagnosticCodes.ColumnExists] = "42701",
        [DiagnosticCodes.ConstraintExists] = "42710",
        [DiagnosticCodes.TriggerExists] = "42710",
        [DiagnosticCodes.TriggerNotFound] = "42704",
        [DiagnosticCodes.TypeInUse] = "2BP01",
        [DiagnosticCodes.SchemaNotEmpty] = "2BP01",
        [DiagnosticCodes.SequenceInUse] = "2BP01",
        [DiagnosticCodes.RoutineInUse] = "2BP01",
        [DiagnosticCodes.MultiplePrimaryKeys] = "42P16",
        [DiagnosticCodes.PrimaryKeyColumnNotNull] = "42P16",
        [DiagnosticCodes.KeyNeededByForeignKey] = "2BP01",
    };

    // Condition names as PL/pgSQL spells them (Appendix A of the PostgreSQL manual), for the
    // states above and their classes; a class name catches every state of its class.
    private static readonly Dictionary<string, string> StateByConditionName = new(StringComparer.Ordinal)
    {
        ["duplicate_object"] = "42710",
        ["duplicate_table"] = "42P07",
        ["duplicate_column"] = "42701",
        ["duplicate_schema"] = "42P06",
        ["undefined_object"] = "42704",
        ["undefined_table"] = "42P01",
        ["undefined_column"] = "42703",
        ["invalid_schema_name"] = "3F000",
        ["invalid_parameter_value"] = "22023",
        ["invalid_name"] = "42602",
        ["syntax_error"] = "42601",
        ["invalid_table_definition"] = "42P16",
        ["dependent_objects_still_exist"] = "2BP01",
        ["raise_exception"] = "P0001",
        ["syntax_error_or_access_rule_violation"] = "42000",
        ["data_exception"] = "22000",
        ["dependent_privilege_descriptors_still_exist"] = "2B000",
        ["plpgsql_error"] = "P0000",
    };

    /// <summary>The SQLSTATE the server raises where the engine reports <paramref name="code"/>; <see langword="null"/> for the engine's own limits.</summary>
    public static string? SqlStateOf(string code) => SqlStateByCode.GetValueOrDefault(code);

    /// <summary>
    /// Whether a handler with <paramref name="conditions"/> catches <paramref name="sqlState"/>:
    /// <see langword="null"/> when a condition name is one this table does not know (it might
    /// be a class that covers the error).
    /// </summary>
    public static bool? Catches(IReadOnlyList<string> conditions, string sqlState)
    {
        var unknown = false;
        foreach (var condition in conditions)
        {
            if (condition == "others")
            {
                return true; // OTHERS catches every error but query_canceled and assert_failure, which DDL does not raise.
            }

            var state = condition.StartsWith("sqlstate ", StringComparison.Ordinal)
                ? condition["sqlstate ".Length..]
                : StateByConditionName.GetValueOrDefault(condition);
            if (state is null)
            {
                unknown = true;
                continue;
            }

            if (state == sqlState || (state.EndsWith("000", StringComparison.Ordinal) && sqlState.StartsWith(state[..2], StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return unknown ? null : false;
    }
}
