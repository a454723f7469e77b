using SchemaTasks.Schema;

namespace SchemaTasks.Testing;

/// <summary>How strictly <see cref="CatalogComparer"/> compares.</summary>
/// <param name="CheckNamesAreServerGenerated">
/// MariaDB names unnamed CHECKs after the column (or <c>CONSTRAINT_n</c>) where MySQL 8, which the
/// engine models, says <c>table_chk_n</c>: match CHECKs by content, not name.
/// </param>
/// <param name="DriftRead">
/// The live catalog comes from the start-up check's narrower read, which reads columns by name
/// alone, and leaves out domain defaults, key and foreign key constraints, types other than enum
/// types and domains, and CHECKs whose expression cannot be a value set: columns are compared
/// by name and order, and only value-set CHECKs are compared (every one of them must be there).
/// </param>
internal sealed record CatalogComparison(bool CheckNamesAreServerGenerated = false, bool DriftRead = false);

/// <summary>
/// Compares a live catalog with the migrations' catalog and lists every difference in words a
/// person can act on (which table, column, label). Opaque CHECK expressions are compared by
/// name only: servers re-render them (parentheses, casts) and the snapshot never interprets them.
/// CHECK order is not compared (PostgreSQL re-creates CHECKs when a column's type changes).
/// </summary>
internal static class CatalogComparer
{
    public static List<string> Compare(Catalog expected, Catalog actual, CatalogComparison? options = null)
    {
        options ??= new CatalogComparison();
        var diffs = new List<string>();
        Sets("schema", expected.Schemas, actual.Schemas, diffs);
        if (!options.DriftRead) Sets("other type", expected.OtherTypes.Select(n => n.ToString()), actual.OtherTypes.Select(n => n.ToString()), diffs);

        foreach (var (name, type) in expected.EnumTypes)
        {
            if (actual.FindEnumType(name) is not { } live) diffs.Add($"enum type {name}: missing live");
            else if (!type.Labels.SequenceEqual(live.Labels)) diffs.Add($"enum type {name}: labels [{string.Join(", ", type.Labels)}] vs live [{string.Join(", ", live.Labels)}]");
        }

        foreach (var name in actual.EnumTypes.Keys.Where(k => !expected.EnumTypes.ContainsKey(k))) diffs.Add($"enum type {name}: only live");

        foreach (var (name, domain) in expected.Domains)
        {
            if (actual.FindDomain(name) is not { } live)
            {
                diffs.Add($"domain {name}: missing live");
                continue;
            }

            Field($"domain {name} base type", domain.BaseType, live.BaseType, diffs);
            Field($"domain {name} base type reference", domain.BaseTypeReference?.ToString(), live.BaseTypeReference?.ToString(), diffs);
            Field($"domain {name} NOT NULL", domain.IsNotNull, live.IsNotNull, diffs);
            if (!options.DriftRead) Field($"domain {name} default", NullDefault(domain.Default), NullDefault(live.Default), diffs);
            Checks($"domain {name}", domain.Checks, live.Checks, options, diffs);
        }

        foreach (var name in actual.Domains.Keys.Where(k => !expected.Domains.ContainsKey(k))) diffs.Add($"domain {name}: only live");

        foreach (var (name, table) in expected.Tables)
        {
            if (actual.FindTable(name) is not { } live)
            {
                diffs.Add($"table {name}: missing live");
                continue;
            }

            var expectedColumns = string.Join(", ", table.Columns.Select(c => c.Name));
            var liveColumns = string.Join(", ", live.Columns.Select(c => c.Name));
            if (expectedColumns != liveColumns) diffs.Add($"table {name}: columns ({expectedColumns}) vs live ({liveColumns})");
            foreach (var column in table.Columns)
            {
                if (live.FindColumn(column.Name, expected.Dialect) is not { } other) continue;
                var at = $"column {name}.{column.Name}";
                if (options.DriftRead) continue;
                Field($"{at} type", column.Type, other.Type, diffs);
                Field($"{at} nullable", column.IsNullable, other.IsNullable, diffs);
                Field($"{at} default", NullDefault(column.Default), NullDefault(other.Default), diffs);
                Field($"{at} type reference", column.TypeReference?.ToString(), other.TypeReference?.ToString(), diffs);
                Field($"{at} is array", column.IsArray, other.IsArray, diffs);
                Field($"{at} inline values", Inline(column.InlineValues), Inline(other.InlineValues), diffs);
            }

            Checks($"table {name}", table.Checks, live.Checks, options, diffs);
            if (!options.DriftRead) Sets($"table {name} constraint", table.OtherConstraints, live.OtherConstraints, diffs);
        }

        foreach (var name in actual.Tables.Keys.Where(k => !expected.Tables.ContainsKey(k))) diffs.Add($"table {name}: only live");
        return diffs;
    }

    /// <summary>Throws with every difference when the catalogs differ.</summary>
    public static void AssertEqual(Catalog expected, Catalog actual, string context, CatalogComparison? options = null)
    {
        var diffs = Compare(expected, actual, options);
        if (diffs.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{context}\nLive schema differs from the migrations' catalog:\n  " + string.Join("\n  ", diffs));
        }
    }

    // DEFAULT NULL is no default: servers report both the same way.
    private static string? NullDefault(string? text) => text is null || text == "null" ? null : text;

    private static string? Inline(InlineValueList? list) => list is null ? null : $"{list.Kind}({string.Join(",", list.Values)})";

    private static void Checks(string owner, IEnumerable<CatalogCheck> expected, IEnumerable<CatalogCheck> actual, CatalogComparison options, List<string> diffs)
    {
        if (options.DriftRead)
        {
            expected = expected.Where(c => c.IsValueSet);
            actual = actual.Where(c => c.IsValueSet);
        }

        if (options.CheckNamesAreServerGenerated)
        {
            var e = expected.Select(Content).Order(StringComparer.Ordinal).ToList();
            var a = actual.Select(Content).Order(StringComparer.Ordinal).ToList();
            if (!e.SequenceEqual(a)) diffs.Add($"{owner}: CHECKs [{string.Join("; ", e)}] vs live [{string.Join("; ", a)}]");
            return;
        }

        var live = actual.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var check in expected)
        {
            if (!live.Remove(check.Name, out var other)) diffs.Add($"{owner}: CHECK {check.Name} ({check.Expression}) missing live");
            else if (Content(check) != Content(other)) diffs.Add($"{owner}: CHECK {check.Name} is {Content(check)}, live {Content(other)}");
        }

        foreach (var name in live.Keys) diffs.Add($"{owner}: CHECK {name} ({live[name].Expression}) only live");
    }

    private static string Content(CatalogCheck check)
        => check.IsValueSet ? $"{check.Column} IN ({string.Join(", ", check.Values)})" : "opaque";

    private static void Field<T>(string what, T expected, T actual, List<string> diffs)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) diffs.Add($"{what}: {expected?.ToString() ?? "(none)"} vs live {actual?.ToString() ?? "(none)"}");
    }

    private static void Sets(string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> diffs)
    {
        var e = expected.ToHashSet(StringComparer.Ordinal);
        var a = actual.ToHashSet(StringComparer.Ordinal);
        foreach (var x in e.Where(x => !a.Contains(x)).Order(StringComparer.Ordinal)) diffs.Add($"{what} {x}: missing live");
        foreach (var x in a.Where(x => !e.Contains(x)).Order(StringComparer.Ordinal)) diffs.Add($"{what} {x}: only live");
    }
}
