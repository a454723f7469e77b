using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a child's CHECK is its parent's of the same name, as PostgreSQL decides when it
/// merges them (INHERIT, ATTACH PARTITION, a parent's ADD CHECK): the server compares the parsed
/// expressions, which the engine has only as text. The same text once spaces and parentheses are
/// set aside, or the same value set on the same column, is the same check; the same but for its
/// constants surely is not; any other difference is undecided (<c>x > 0</c> and <c>0 &lt; x</c> differ for the server, a cast written out does
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

        var (parentBare, childBare) = (Bare(parent.Expression), Bare(child.Expression));
        if (parentBare == childBare) return true;

        // The same expression but for its constants (b > 1, b > 2) surely differs.
        if (Skeleton(parentBare) == Skeleton(childBare)) return false;
        context.Warning(DiagnosticCodes.InheritedCheckUndecided, $"CHECK {context.Show(child.Name)} of {table} is written ({child.Expression}) where its parent has ({parent.Expression}): PostgreSQL merges them only when both parse to the same expression, which SchemaTasks cannot decide from the text. The snapshot takes them as the same. Write the child's CHECK as the parent's is written to settle it.", at);
        return true;
    }

    // The text with each number and quoted string as '#'.
    private static string Skeleton(string bare)
    {
        var skeleton = new System.Text.StringBuilder(bare.Length);
        for (var i = 0; i < bare.Length; i++)
        {
            if (bare[i] == '\'')
            {
                i++;
                while (i < bare.Length && !(bare[i] == '\'' && (i + 1 >= bare.Length || bare[i + 1] != '\''))) i += bare[i] == '\'' ? 2 : 1;
                skeleton.Append('#');
            }
            else if (char.IsDigit(bare[i]) && (i == 0 || !char.IsLetterOrDigit(bare[i - 1]) && bare[i - 1] != '_'))
            {
                while (i + 1 < bare.Length && (char.IsDigit(bare[i + 1]) || bare[i + 1] == '.')) i++;
                skeleton.Append('#');
            }
            else
            {
                skeleton.Append(bare[i]);
            }
        }

        return skeleton.ToString();
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
