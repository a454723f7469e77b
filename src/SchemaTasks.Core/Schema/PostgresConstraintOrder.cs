using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The order in which PostgreSQL creates, and so names, the constraints of one CREATE TABLE (or
/// of one added column), and the key specs it merges away.
/// </summary>
/// <remarks>
/// The server gathers column and table constraints in written order, interleaved. It names the
/// CHECKs first, then makes the indexes of the primary key and unique constraints, the primary
/// key first, then the foreign keys: a clash of generated names numbers them in that order. A
/// unique spec that describes the same index as the primary key or an earlier one (same columns
/// in order, same INCLUDE, NULLS NOT DISTINCT and deferral) is dropped, and an unnamed kept spec
/// takes the dropped one's name (transformIndexConstraints). Only the kept ones take generated
/// names, so a dropped duplicate uses no number.
/// </remarks>
internal static class PostgresConstraintOrder
{
    /// <summary>The constraints of <paramref name="s"/>, each with the column it is written in (or <see langword="null"/>), as PostgreSQL creates them.</summary>
    public static List<(ConstraintSpec Spec, string? Column)> OfCreateTable(CreateTableStatement s)
    {
        var written = s.Columns.SelectMany(c => c.Constraints.Select(k => (Spec: k, Column: (string?)c.Name)))
            .Concat(s.Constraints.Select(k => (Spec: k, Column: (string?)null)))
            .OrderBy(p => p.Spec.At.Start)
            .ToList();
        return Ordered(written);
    }

    /// <summary>The constraints of one added column, as PostgreSQL creates them.</summary>
    public static List<(ConstraintSpec Spec, string? Column)> OfColumn(ColumnSpec column)
        => Ordered(column.Constraints.Select(k => (k, (string?)column.Name)).ToList());

    private static List<(ConstraintSpec Spec, string? Column)> Ordered(List<(ConstraintSpec Spec, string? Column)> written)
    {
        var ordered = written.Where(p => p.Spec.Kind == ConstraintKind.Check).ToList();
        var keys = new List<(ConstraintSpec Spec, string? Column)>();
        foreach (var key in written.Where(p => p.Spec.Kind == ConstraintKind.PrimaryKey).Concat(written.Where(p => IsIndex(p.Spec.Kind))))
        {
            var same = keys.FindIndex(k => SameIndex(k.Spec, key.Spec));
            if (same < 0)
            {
                keys.Add(key);
            }
            else if (keys[same].Spec.Name is null && key.Spec.Name is { } name)
            {
                keys[same] = (keys[same].Spec with { Name = name }, keys[same].Column);
            }
        }

        ordered.AddRange(keys);
        ordered.AddRange(written.Where(p => p.Spec.Kind is not (ConstraintKind.Check or ConstraintKind.PrimaryKey) && !IsIndex(p.Spec.Kind)));
        return ordered;
    }

    // Unique and exclusion constraints: made as indexes after the primary key's.
    private static bool IsIndex(ConstraintKind kind) => kind is ConstraintKind.Unique or ConstraintKind.Other;

    // Two primary key or unique specs the server makes one index of. Exclusion constraints are
    // never merged here: their operators are not read.
    private static bool SameIndex(ConstraintSpec kept, ConstraintSpec other)
        => kept.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique
            && other.Kind == ConstraintKind.Unique
            && kept.UsingIndex is null && other.UsingIndex is null
            && !kept.ColumnsUnknown && !other.ColumnsUnknown
            && kept.Columns.SequenceEqual(other.Columns, StringComparer.Ordinal)
            && kept.Index.SameIndexAs(other.Index);
}
