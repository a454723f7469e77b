using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A new partition's bound against its parent's key and its other partitions, as PostgreSQL 15
/// checks it at <c>CREATE TABLE ... PARTITION OF</c> and <c>ATTACH PARTITION</c> (checked on the
/// server): a bound of another strategy, a count of range values other than the key's, NULL in a
/// range, an empty range, a bad hash modulus or remainder, or a DEFAULT partition of a hash-partitioned
/// table is refused (42P16, 42P17); so is a bound overlapping another partition's (42P17): ranges
/// compared column by column as the server does, list values by equality, hash remainders by the
/// smaller modulus, which must divide the larger. Values are compared when they are literals of a
/// type whose order the engine knows the same as the server under any collation: integers and
/// numerics, dates (and timestamps) written as ISO dates, and strings of lower-case letters and
/// digits; otherwise, when an overlap is possible, it warns that it cannot decide (the server
/// refuses the statement if they do overlap) and takes the partition as created. Rows are not
/// tracked, so a DEFAULT partition holding rows the new partition would take is not seen.
/// </summary>
internal static class PartitionBoundCheck
{
    /// <summary>
    /// Reports and returns <see langword="true"/> when the server refuses the bound of
    /// <paramref name="partition"/> (<paramref name="bound"/>, or DEFAULT) in
    /// <paramref name="parent"/>; <paramref name="statement"/> names the statement in the messages.
    /// </summary>
    public static bool Refuses(Catalog catalog, CatalogTable parent, QualifiedName partition, PartitionBound? bound, bool isDefault, string statement, SqlToken at, ApplyContext context)
    {
        if (parent.Inheritance?.Key is not { } key) return false;
        if (!isDefault && bound is not null && PartitionBoundLabels.FirstMissing(catalog, parent, key, bound) is var (type, label))
        {
            UnknownLabelCheck.Report(type, label, at, context);
            return true;
        }

        var refusal = isDefault
            ? key.Strategy == PartitionStrategy.Hash ? ("42P16", "a hash-partitioned table may not have a default partition") : default
            : bound is null ? default : Refusal(catalog, parent, key, partition, bound, statement, at, context);
        if (refusal.Item1 is null) return false;
        context.Error(DiagnosticCodes.PartitionRefused, $"{statement}: PostgreSQL refuses it (SQLSTATE {refusal.Item1}, {refusal.Item2}). Give the partition a bound of the parent's strategy that no other partition covers.", at);
        return true;
    }

    private static (string?, string?) Refusal(Catalog catalog, CatalogTable parent, PartitionKey key, QualifiedName partition, PartitionBound bound, string statement, SqlToken at, ApplyContext context)
    {
        var strategy = key.Strategy.ToString().ToLowerInvariant();
        if (bound.Strategy != key.Strategy) return ("42P16", $"invalid bound specification for a {strategy} partition");
        var types = key.Parts.Select(p => p.Column is null ? null : parent.FindColumn(p.Column, SqlDialect.Postgres)?.Type).ToArray();
        var siblings = Siblings(catalog, parent, partition);
        string? undecided = null;
        switch (key.Strategy)
        {
            case PartitionStrategy.Range:
            {
                if (bound.Lower.Length != types.Length) return ("42P16", "FROM must specify exactly one value per partitioning column");
                if (bound.Upper.Length != types.Length) return ("42P16", "TO must specify exactly one value per partitioning column");
                if (bound.Lower.Concat(bound.Upper).Any(v => v.Kind == BoundValueKind.Null)) return ("42P17", "cannot specify NULL in range bound");
                var empty = CompareRows(bound.Lower, bound.Upper, types);
                if (empty >= 0) return ("42P17", $"empty range bound specified for partition {context.Show(partition)}");
                if (empty is null) undecided = "its lower bound is below its upper bound";
                foreach (var (name, other) in siblings)
                {
                    if (other is null || other.Strategy != PartitionStrategy.Range) { undecided ??= $"it does not overlap {context.Show(name)}"; continue; }
                    var (below, above) = (CompareRows(bound.Lower, other.Upper, types), CompareRows(other.Lower, bound.Upper, types));
                    if (below >= 0 || above >= 0) continue;
                    if (below < 0 && above < 0) return ("42P17", $"partition {context.Show(partition)} would overlap partition {context.Show(name)}");
                    undecided ??= $"it does not overlap {context.Show(name)}";
                }

                break;
            }

            case PartitionStrategy.List:
                foreach (var (name, other) in siblings)
                {
                    if (other is null || other.Strategy != PartitionStrategy.List) { undecided ??= $"it does not overlap {context.Show(name)}"; continue; }
                    var equal = bound.Lower.SelectMany(_ => other.Lower, (mine, theirs) => Equal(mine, theirs, types[0])).ToList();
                    if (equal.Contains(true)) return ("42P17", $"partition {context.Show(partition)} would overlap partition {context.Show(name)}");
                    if (equal.Contains(null)) undecided ??= $"it does not overlap {context.Show(name)}";
                }

                break;

            case PartitionStrategy.Hash:
            {
                if (HashBound(bound) is not var (modulus, remainder)) { undecided = "its modulus and remainder fit the other partitions'"; break; }
                if (modulus <= 0) return ("42P16", "modulus for hash partition must be an integer value greater than zero");
                if (remainder < 0) return ("42P16", "remainder for hash partition must be an integer value greater than or equal to zero");
                if (remainder >= modulus) return ("42P16", "remainder for hash partition must be less than modulus");
                var others = new List<(QualifiedName Name, long Modulus, long Remainder)>();
                foreach (var (name, other) in siblings)
                {
                    if (other is not null && HashBound(other) is var (m, r)) others.Add((name, m, r));
                    else undecided ??= $"its modulus and remainder fit those of {context.Show(name)}";
                }

                var smaller = others.Where(o => o.Modulus <= modulus).Select(o => o.Modulus).DefaultIfEmpty(0).Max();
                var larger = others.Where(o => o.Modulus > modulus).Select(o => o.Modulus).DefaultIfEmpty(0).Min();
                if ((smaller > 0 && modulus % smaller != 0) || (larger > 0 && larger % modulus != 0)) return ("42P17", "every hash partition modulus must be a factor of the next larger modulus");
                foreach (var other in others)
                {
                    var common = Math.Min(modulus, other.Modulus);
                    if (remainder % common == other.Remainder % common) return ("42P17", $"partition {context.Show(partition)} would overlap partition {context.Show(other.Name)}");
                }

                break;
            }
        }

        if (undecided is not null)
        {
            context.Warning(DiagnosticCodes.PartitionBoundUndecided, $"{statement}: SchemaTasks cannot tell whether {undecided}, as the bounds are not literals of a type it compares (integers, numerics, ISO dates, lower-case letters and digits); PostgreSQL refuses the statement if they overlap (SQLSTATE 42P17). The snapshot takes the partition as created. Write the bounds as such literals to settle it.", at);
        }

        return default;
    }

    // The parent's other partitions with their bounds (none for a DEFAULT partition, which overlaps nothing here).
    private static List<(QualifiedName Name, PartitionBound? Bound)> Siblings(Catalog catalog, CatalogTable parent, QualifiedName partition)
    {
        var found = new List<(QualifiedName, PartitionBound?)>();
        foreach (var name in parent.Inheritance!.Children)
        {
            if (name == partition || !catalog.Tables.TryGetValue(name, out var child) || child.Inheritance is not { IsPartition: true, IsDefaultPartition: false } links) continue;
            found.Add((name, links.Bound));
        }

        return found;
    }

    private static (long Modulus, long Remainder)? HashBound(PartitionBound bound)
        => bound is { Strategy: PartitionStrategy.Hash, Lower: [{ Kind: BoundValueKind.Number } m, { Kind: BoundValueKind.Number } r] }
           && long.TryParse(m.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var modulus)
           && long.TryParse(r.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var remainder)
            ? (modulus, remainder)
            : null;

    // Two range bounds compared as the server does: column by column, up to the first difference
    // or the first MINVALUE or MAXVALUE (the values after one do not count); null when undecided.
    internal static int? CompareRows(IReadOnlyList<BoundValue> left, IReadOnlyList<BoundValue> right, IReadOnlyList<string?> types)
    {
        for (var i = 0; i < types.Count && i < left.Count && i < right.Count; i++)
        {
            if (Compare(left[i], right[i], types[i]) is not { } order) return null;
            if (order != 0) return order;
            if (left[i].Kind is BoundValueKind.MinValue or BoundValueKind.MaxValue) return 0;
        }

        return 0;
    }

    // Two list values: equal, not, or undecided (null). NULL equals NULL here, as the server
    // allows one partition to hold the NULLs.
    internal static bool? Equal(BoundValue left, BoundValue right, string? type)
    {
        if (left.Kind == BoundValueKind.Null || right.Kind == BoundValueKind.Null) return left.Kind == right.Kind;
        if (left == right && left.Kind != BoundValueKind.Other) return true;
        if (left.Kind == BoundValueKind.String && right.Kind == BoundValueKind.String && IsText(type)) return false; // Deterministic collations: equal strings only.
        return Compare(left, right, type) is { } order ? order == 0 : null;
    }

    // Two values of a column of the type; null when the engine does not know their order.
    internal static int? Compare(BoundValue left, BoundValue right, string? type)
    {
        if (left.Kind is BoundValueKind.MinValue or BoundValueKind.MaxValue || right.Kind is BoundValueKind.MinValue or BoundValueKind.MaxValue)
        {
            return Rank(left).CompareTo(Rank(right));
        }

        if (left.Kind is BoundValueKind.Other or BoundValueKind.Null || right.Kind is BoundValueKind.Other or BoundValueKind.Null) return null;
        if (type is null) return CompareUntyped(left.Text, right.Text);
        if (IsNumeric(type))
        {
            return decimal.TryParse(left.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) && decimal.TryParse(right.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? l.CompareTo(r) : null;
        }

        if (left.Kind != BoundValueKind.String || right.Kind != BoundValueKind.String) return null;
        if (type is "date" or "timestamp with time zone" || type.StartsWith("timestamp(", StringComparison.Ordinal) && type.EndsWith("with time zone", StringComparison.Ordinal))
        {
            return IsoDate.IsMatch(left.Text) && IsoDate.IsMatch(right.Text) ? string.CompareOrdinal(left.Text, right.Text) : null;
        }

        if (type.StartsWith("timestamp", StringComparison.Ordinal))
        {
            return IsoDateTime(left.Text) is { } l && IsoDateTime(right.Text) is { } r ? string.CompareOrdinal(l, r) : null;
        }

        // Strings of lower-case letters and digits sort the same under C and the usual linguistic collations.
        return IsText(type) && Plain.IsMatch(left.Text) && Plain.IsMatch(right.Text) ? string.CompareOrdinal(left.Text, right.Text) : null;
    }

    // Values of an expression, whose type the engine does not know: compared only when every
    // type they can be of orders them alike (digits of one length, ISO dates and times of one
    // shape, lower-case words).
    private static int? CompareUntyped(string left, string right)
    {
        var alike = (Digits.IsMatch(left) && Digits.IsMatch(right) && left.Length == right.Length)
                    || (IsoDate.IsMatch(left) && IsoDate.IsMatch(right))
                    || (IsoTimestamp.IsMatch(left) && IsoTimestamp.IsMatch(right) && left.Length == right.Length)
                    || (Word.IsMatch(left) && Word.IsMatch(right));
        return alike ? string.CompareOrdinal(left, right) : null;
    }

    private static int Rank(BoundValue value) => value.Kind switch { BoundValueKind.MinValue => -1, BoundValueKind.MaxValue => 1, _ => 0 };

    private static bool IsNumeric(string type)
        => type is "smallint" or "integer" or "bigint" or "real" or "double precision" or "numeric" || type.StartsWith("numeric(", StringComparison.Ordinal);

    private static bool IsText(string? type)
        => type is "text" or "character varying" || type?.StartsWith("character varying(", StringComparison.Ordinal) == true;

    private static string? IsoDateTime(string text)
    {
        if (IsoDate.IsMatch(text)) return text + " 00:00:00";
        var match = IsoTimestamp.Match(text);
        return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value}:{(match.Groups[3].Success ? match.Groups[3].Value : "00")}" : null;
    }

    private static readonly Regex IsoDate = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

    private static readonly Regex IsoTimestamp = new(@"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$", RegexOptions.CultureInvariant);

    private static readonly Regex Digits = new("^[0-9]+$", RegexOptions.CultureInvariant);

    private static readonly Regex Word = new("^[a-z]+$", RegexOptions.CultureInvariant);

    private static readonly Regex Plain = new("^[a-z0-9]*$", RegexOptions.CultureInvariant);
}
