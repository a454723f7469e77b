using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a child's CHECK is its parent's of the same name, as PostgreSQL decides when it
/// merges them (INHERIT, ATTACH PARTITION, a parent's ADD CHECK): the server compares the parsed
/// expressions, which the engine has only as text. The same text once spaces and parentheses are
/// set aside, or the same value set on the same column, is the same check; any other difference
/// is undecided (<c>x > 0</c> and <c>0 &lt; x</c> differ for the server, a cast written out does
/// not), reported as a warning rather than a refusal the server may not make.
/// </summary>
internal static class InheritedCheckMatch
{
    /// <summary>
    /// <see langword="true"/> when the checks are the same or the engine cannot tell (reported,
    /// a warning); <see langword="false"/> when they surely differ.
    /// </summary>
    public static bool Merges(CatalogCheck parent, CatalogCheck child, string table, SqlToken at, ApplyContext context)
    {
        if (parent.Expression == child.Expression) return true;
        if (parent.IsValueSet && child.IsValueSet)
        {
            return string.Equals(parent.Column, child.Column, StringComparison.Ordinal) && parent.Values.SequenceEqual(child.Values);
        }

        if (Bare(parent.Expression) == Bare(child.Expression)) return true;
        context.Warning(DiagnosticCodes.InheritedCheckUndecided, $"CHECK {context.Show(child.Name)} of {table} is written ({child.Expression}) where its parent has ({parent.Expression}): PostgreSQL merges them only when both parse to the same expression, which SchemaTasks cannot decide from the text. The snapshot takes them as the same. Write the child's CHECK as the parent's is written to settle it.", at);
        return true;
    }

    private static string Bare(string expression)
    {
        var bare = new System.Text.StringBuilder(expression.Length);
        foreach (var c in expression)
        {
            if (!char.IsWhiteSpace(c) && c != '(' && c != ')') bare.Append(c);
        }

        return bare.ToString();
    }
}
