using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Reports a PostgreSQL statement that reads a constant as a value of an enum type lacking that
/// label (<see cref="UncommittedLabelUses.FindUnknown"/>): <c>ST3143</c>, and the statement is left
/// out, as the server refuses it when it parses it (22P02), even when no row is touched. A CHECK,
/// index, view or generated column naming a label the type does not have would otherwise enter
/// the snapshot, and the build accept code that uses it, while the deploy fails on that statement.
/// </summary>
internal static class UnknownLabelCheck
{
    // A type may have thousands of labels; the message shows the first few.
    private const int LabelsShown = 12;

    /// <summary>
    /// Returns the catalog the server is left with: <paramref name="before"/> when it refuses the
    /// statement. A statement the engine already refused (<paramref name="refused"/>) is not
    /// reported twice, as the server stops at its first error.
    /// </summary>
    public static Catalog Check(Catalog before, Catalog after, string sql, List<SqlToken> tokens, ApplyContext context, bool refused)
    {
        if (refused || !context.IsPostgres) return after;
        var textArray = UncommittedLabelUses.FindTextArrayComparison(before, after, sql, tokens, context.Rules);
        var use = UncommittedLabelUses.FindUnknown(before, after, sql, tokens, context.Rules, context.Overloads);
        var type = use is { } unknown ? after.FindEnumType(unknown.Label.Type) : null;

        // The server stops at the first of the two it meets, in the statement's order.
        if (textArray is { } comparison && (type is null || comparison.At.Start < use!.Value.At.Start))
        {
            EnumTextArrayComparison.Report(comparison, context);
            return before;
        }

        if (type is null) return after;
        Report(type, use!.Value.Label.Label, use.Value.At, context);
        return before;
    }

    /// <summary>Reports <c>ST3143</c>: the statement reads <paramref name="label"/>, which <paramref name="type"/> lacks, as a value of it.</summary>
    public static void Report(CatalogEnumType type, string label, SqlToken at, ApplyContext context)
    {
        var value = context.ShowValue(label);
        var shown = string.Join(", ", type.Labels.Take(LabelsShown).Select(context.ShowValue)) + (type.Labels.Length > LabelsShown ? $" and {type.Labels.Length - LabelsShown} more" : string.Empty);
        var has = type.Labels.Length == 0 ? "it has no labels" : $"it has {shown}";
        context.Error(
            DiagnosticCodes.EnumLabelUnknown,
            $"This statement reads {value} as a value of enum type {context.Show(type.Name)}, which has no such label ({has}): PostgreSQL refuses the statement when it parses it, whether or not a row matches (SQLSTATE 22P02, invalid input value for enum {type.Name.Name}: \"{label}\"). Use one of the type's labels, or add {value} first with ALTER TYPE {context.Show(type.Name)} ADD VALUE {value} in an earlier migration.",
            at);
    }
}
