using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The keys one MariaDB column definition creates. MariaDB folds the key attributes of a column
/// into one key: <c>PRIMARY KEY UNIQUE</c> (and <c>SERIAL PRIMARY KEY</c>) is the primary key
/// alone, <c>UNIQUE UNIQUE</c> (and <c>SERIAL UNIQUE</c>) one unique key. Table-level keys are
/// never folded: <c>k int UNIQUE, UNIQUE (k)</c> has keys <c>k</c> and <c>k_2</c> on both servers.
/// MySQL 8 keeps what was written, as its manual says nothing else.
/// </summary>
internal static class ColumnKeyMerge
{
    /// <summary>The constraints of a column definition that the server creates.</summary>
    public static IReadOnlyList<ConstraintSpec> Effective(IReadOnlyList<ConstraintSpec> constraints, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || constraints.Count < 2) return constraints;
        var keys = 0;
        var hasPrimary = false;
        foreach (var constraint in constraints)
        {
            if (!IsFoldable(constraint)) continue;
            keys++;
            hasPrimary |= constraint.Kind == ConstraintKind.PrimaryKey;
        }

        if (keys < 2) return constraints;
        var kept = new List<ConstraintSpec>(constraints.Count);
        var keyKept = false;
        foreach (var constraint in constraints)
        {
            if (IsFoldable(constraint))
            {
                if (keyKept || (hasPrimary && constraint.Kind != ConstraintKind.PrimaryKey)) continue;
                keyKept = true;
            }

            kept.Add(constraint);
        }

        return kept;
    }

    // A named key keeps its own name, so it is not folded into another.
    private static bool IsFoldable(ConstraintSpec constraint)
        => constraint.Name is null && constraint.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique;
}
