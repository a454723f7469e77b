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
        // Loops rather than queries: every CREATE TABLE of a history comes here, and most
        // columns have no constraint to gather.
        var written = new List<(ConstraintSpec Spec, string? Column)>(s.Constraints.Count);
        for (var c = 0; c < s.Columns.Count; c++)
        {
            var column = s.Columns[c];
            for (var k = 0; k < column.Constraints.Count; k++) written.Add((column.Constraints[k], column.Name));
        }

        for (var k = 0; k < s.Constraints.Count; k++) written.Add((s.Constraints[k], null));
        if (!InWrittenOrder(written))
        {
            // Table constraints written between columns: a stable sort by where each starts.
            written = [.. written.OrderBy(p => p.Spec.At.Start)];
        }

        return Ordered(written);
    }

    /// <summary>The constraints of one added column, as PostgreSQL creates them.</summary>
    public static List<(ConstraintSpec Spec, string? Column)> OfColumn(ColumnSpec column)
    {
        var written = new List<(ConstraintSpec Spec, string? Column)>(column.Constraints.Count);
        for (var k = 0; k < column.Constraints.Count; k++) written.Add((column.Constraints[k], column.Name));
        return Ordered(written);
    }

    private static bool InWrittenOrder(List<(ConstraintSpec Spec, string? Column)> written)
    {
        for (var i = 1; i < written.Count; i++)
        {
            if (written[i].Spec.At.Start < written[i - 1].Spec.At.Start) return false;
        }

        return true;
    }

    private static List<(ConstraintSpec Spec, string? Column)> Ordered(List<(ConstraintSpec Spec, string? Column)> written)
    {
        if (written.Count == 0) return written;
        var ordered = new List<(ConstraintSpec Spec, string? Column)>(written.Count);
        foreach (var pair in written)
        {
            if (pair.Spec.Kind == ConstraintKind.Check) ordered.Add(pair);
        }

        var keys = new List<(ConstraintSpec Spec, string? Column)>();
        foreach (var pair in written)
        {
            if (pair.Spec.Kind == ConstraintKind.PrimaryKey) Keep(keys, pair);
        }

        foreach (var pair in written)
        {
            if (IsIndex(pair.Spec.Kind)) Keep(keys, pair);
        }

        ordered.AddRange(keys);
        foreach (var pair in written)
        {
            if (pair.Spec.Kind is not (ConstraintKind.Check or ConstraintKind.PrimaryKey) && !IsIndex(pair.Spec.Kind)) ordered.Add(pair);
        }

        return ordered;
    }

    // A key spec joins the kept ones, or is merged into the one it makes the same index as.
    private static void Keep(List<(ConstraintSpec Spec, string? Column)> keys, (ConstraintSpec Spec, string? Column) key)
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
