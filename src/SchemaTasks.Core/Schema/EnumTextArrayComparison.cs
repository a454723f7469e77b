using SchemaTasks.Diagnostics;

namespace SchemaTasks.Schema;

/// <summary>
/// Reports a PostgreSQL comparison of an enum column with <c>ANY (ARRAY['a', 'b'])</c> of untyped
/// constants (or of text: <c>ARRAY['a'::text]</c>, as pg_dump writes a text column's CHECK) (<see cref="UncommittedLabelUses.FindTextArrayComparison"/>): <c>ST3173</c>. The
/// server types the array as <c>text[]</c>, has no operator between the enum and text, and
/// refuses the statement when it parses it (SQLSTATE 42883), so a CHECK or index written so never
/// exists, and the snapshot must not hold it.
/// </summary>
internal static class EnumTextArrayComparison
{
    /// <summary>Reports <c>ST3173</c> at the <c>ARRAY</c> word.</summary>
    public static void Report(TextArrayComparison comparison, ApplyContext context)
    {
        var type = context.Show(comparison.Type);
        var column = context.Show(comparison.Column);
        context.Error(
            DiagnosticCodes.EnumComparedWithTextArray,
            $"Column {column} is of enum type {type}, and this ARRAY[...] of string constants is {comparison.ElementType}[]: PostgreSQL refuses the statement when it parses it, whether or not a row matches (SQLSTATE 42883, operator does not exist: {comparison.Type.Name} {comparison.Operator} {comparison.ElementType}). Cast the array to the type (ARRAY[...]::{type}[]), or write an array literal ('{{a,b}}') or {column} IN (...), which PostgreSQL reads as values of {type}.",
            comparison.At);
    }
}
