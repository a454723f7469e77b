using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Verification;

/// <summary>
/// Compares the schema the migrations build with the live one, on the objects that decide
/// whether the code's values are accepted: enum types and their labels, tracked tables and
/// columns, MySQL ENUM/SET lists, CHECK value sets and domains. Objects the live database has
/// beyond the migrations' are not reported; values it has beyond them are warnings.
/// </summary>
public static class SchemaDrift
{
    /// <summary>Every difference, in catalog order (enum types, domains, then tables by name).</summary>
    /// <param name="expected">The schema the migrations build (the snapshot's).</param>
    /// <param name="live">The schema read from the database.</param>
    public static IReadOnlyList<VerificationFinding> Compare(Catalog expected, Catalog live)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(live);
        var findings = new List<VerificationFinding>();
        CompareEnumTypes(expected, live, findings);
        CompareDomains(expected, live, findings);
        CompareTables(expected, live, findings);
        return findings;
    }

    private static void CompareEnumTypes(Catalog expected, Catalog live, List<VerificationFinding> findings)
    {
        foreach (var (name, type) in expected.EnumTypes)
        {
            var liveType = live.FindEnumType(name);
            if (liveType is not null && type.Labels.AsSpan().SequenceEqual(liveType.Labels.AsSpan())) continue;
            var subject = name.ToString();
            if (liveType is null)
            {
                findings.Add(Error(DiagnosticCodes.MissingObject, subject, $"Enum {subject} does not exist; the migrations create it with labels {List(type.Labels)}."));
                continue;
            }

            CompareValues(subject, $"Enum {subject}", type.Labels, liveType.Labels, findings,
                "lacks label {0}, which the migrations add; writing it fails (PostgreSQL 22P02 invalid input value for enum).",
                "has label {0}, which the migrations do not declare; code mapped to the migrations cannot read rows holding it.",
                "labels");
        }
    }

    private static void CompareDomains(Catalog expected, Catalog live, List<VerificationFinding> findings)
    {
        foreach (var (name, domain) in expected.Domains)
        {
            if (live.FindDomain(name) is not { } liveDomain)
            {
                findings.Add(Error(DiagnosticCodes.MissingObject, name.ToString(), $"Domain {name} does not exist."));
                continue;
            }

            var (want, have) = (ValueSet(domain.Checks, null, expected.Dialect), ValueSet(liveDomain.Checks, null, live.Dialect));
            if (!Same(want, have)) CompareCheckSets(name.ToString(), $"Domain {name}", want, have, findings);
        }
    }

    private static void CompareTables(Catalog expected, Catalog live, List<VerificationFinding> findings)
    {
        foreach (var (name, table) in expected.Tables)
        {
            if (live.FindTable(name) is not { } liveTable)
            {
                findings.Add(Error(DiagnosticCodes.MissingObject, name.ToString(), $"Table {name} does not exist."));
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (liveTable.FindColumn(column.Name, live.Dialect) is not { } liveColumn)
                {
                    var missing = $"{name}.{column.Name}";
                    findings.Add(Error(DiagnosticCodes.MissingColumn, missing, $"Column {missing} does not exist."));
                    continue;
                }

                // Most columns restrict nothing and match: no text is built for them, so a
                // start-up check over thousands of columns allocates for the differences only.
                var (want, have) = (ValueSet(table.Checks, column.Name, expected.Dialect), ValueSet(liveTable.Checks, liveColumn.Name, live.Dialect));
                if (Same(want, have) && SameInline(column.InlineValues, liveColumn.InlineValues)) continue;

                var subject = $"{name}.{column.Name}";
                CompareInlineValues(subject, column, liveColumn, findings);
                CompareCheckSets(subject, $"Column {subject}", want, have, findings);
            }
        }
    }

    private static bool Same(ImmutableArray<string>? a, ImmutableArray<string>? b) =>
        a is { } x ? b is { } y && x.AsSpan().SequenceEqual(y.AsSpan()) : b is null;

    private static bool SameInline(InlineValueList? a, InlineValueList? b) =>
        a is null ? b is null : b is not null && a.Kind == b.Kind && a.Values.AsSpan().SequenceEqual(b.Values.AsSpan());

    private static void CompareInlineValues(string subject, CatalogColumn column, CatalogColumn liveColumn, List<VerificationFinding> findings)
    {
        if (column.InlineValues is not { } inline) return;
        var kind = inline.Kind == InlineValueKind.Enum ? "ENUM" : "SET";
        if (liveColumn.InlineValues is not { } liveInline || liveInline.Kind != inline.Kind)
        {
            findings.Add(Warning(DiagnosticCodes.MissingCheck, subject, $"Column {subject} is {liveColumn.Type}, not an {kind} of {List(inline.Values)}; the database does not restrict its values as the migrations do."));
            return;
        }

        CompareValues(subject, $"Column {subject} ({kind})", inline.Values, liveInline.Values, findings,
            "does not allow {0}, which the migrations allow; writing it fails (MySQL error 1265, data truncated).",
            "allows {0}, which the migrations do not declare.",
            "values");
    }

    // CHECKs are matched by the column they restrict, never by name: MariaDB and MySQL name
    // unnamed constraints differently from each other and from what the migrations imply.
    private static void CompareCheckSets(string subject, string described, ImmutableArray<string>? expected, ImmutableArray<string>? live, List<VerificationFinding> findings)
    {
        switch (expected, live)
        {
            case (null, null):
                return;
            case ({ } values, null):
                findings.Add(Warning(DiagnosticCodes.MissingCheck, subject, $"{described} has no CHECK limiting it to {List(values)}; the database accepts any value."));
                return;
            case (null, { } values):
                findings.Add(Error(DiagnosticCodes.UnexpectedCheck, subject, $"{described} has a CHECK limiting it to {List(values)}, which the migrations do not declare; any other value fails."));
                return;
            case ({ } want, { } have):
                CompareValues(subject, $"{described} (CHECK)", want, have, findings,
                    "does not allow {0}, which the migrations allow; writing it fails with a check violation.",
                    "allows {0}, which the migrations do not declare.",
                    order: null);
                return;
        }
    }

    private static void CompareValues(
        string subject,
        string described,
        ImmutableArray<string> expected,
        ImmutableArray<string> live,
        List<VerificationFinding> findings,
        string missingFormat,
        string extraFormat,
        string? order)
    {
        foreach (var value in expected.Where(v => !live.Contains(v, StringComparer.Ordinal)))
        {
            findings.Add(Error(DiagnosticCodes.MissingAllowedValue, subject, $"{described} {string.Format(System.Globalization.CultureInfo.InvariantCulture, missingFormat, Quote(value))}") with { Value = value });
        }

        foreach (var value in live.Where(v => !expected.Contains(v, StringComparer.Ordinal)))
        {
            findings.Add(Warning(DiagnosticCodes.ExtraAllowedValue, subject, $"{described} {string.Format(System.Globalization.CultureInfo.InvariantCulture, extraFormat, Quote(value))}") with { Value = value });
        }

        if (order is null) return;
        var expectedCommon = expected.Where(v => live.Contains(v, StringComparer.Ordinal)).ToList();
        var liveCommon = live.Where(v => expected.Contains(v, StringComparer.Ordinal)).ToList();
        if (!expectedCommon.SequenceEqual(liveCommon, StringComparer.Ordinal))
        {
            findings.Add(Warning(DiagnosticCodes.AllowedValueOrder, subject,
                $"{described} orders its {order} {List(live)}; the migrations order them {List(expected)}. Sorting and comparisons on it follow the database's order."));
        }
    }

    /// <summary>The values every value-set CHECK on <paramref name="column"/> allows, or null when none restricts it.</summary>
    private static ImmutableArray<string>? ValueSet(ImmutableArray<CatalogCheck> checks, string? column, SqlDialect dialect)
    {
        var comparison = dialect.IsMySqlFamily() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        ImmutableArray<string>? result = null;
        foreach (var check in checks)
        {
            if (!check.IsValueSet || (column is not null && !string.Equals(check.Column, column, comparison))) continue;
            result = result is { } sofar ? Intersect(sofar, check.Values) : check.Values;
        }

        return result;
    }

    // Out of the loop above: a lambda there would capture the loop variable, which allocates a
    // closure on every iteration, for every column of every table, even when no check matches.
    private static ImmutableArray<string> Intersect(ImmutableArray<string> values, ImmutableArray<string> allowed) =>
        values.Where(v => allowed.Contains(v, StringComparer.Ordinal)).ToImmutableArray();

    internal static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string List(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    private static VerificationFinding Error(string code, string subject, string message) => new(DiagnosticSeverity.Error, code, subject, message);

    private static VerificationFinding Warning(string code, string subject, string message) => new(DiagnosticSeverity.Warning, code, subject, message);
}
