using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL renames a table's constraints that carry the table's name when the table is renamed:
/// foreign keys named <c>old_ibfk_N</c> (generated or given) become <c>new_ibfk_N</c> on MySQL 8
/// and MariaDB alike; MySQL 8 also renames CHECKs named <c>old_chk_N</c>, which MariaDB leaves.
/// PostgreSQL keeps every constraint name.
/// </summary>
internal static class RenamedTableConstraints
{
    public static CatalogTable Apply(CatalogTable table, string from, string to, SqlDialect dialect)
    {
        if (!dialect.IsMySqlFamily() || from == to) return table;
        var foreignKeyPrefix = from + "_ibfk_";
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in table.OtherConstraints)
        {
            // Only foreign keys: a UNIQUE key the user named old_ibfk_1 keeps its name.
            var isForeignKey = !table.Keys.TryGetValue(name, out var key) || key.Kind == Sql.ConstraintKind.ForeignKey;
            if (isForeignKey && name.StartsWith(foreignKeyPrefix, StringComparison.Ordinal))
            {
                renamed[name] = to + "_ibfk_" + name[foreignKeyPrefix.Length..];
            }
        }

        var checkPrefix = from + "_chk_";
        var checks = table.Checks.Select(c => dialect == SqlDialect.MySql && c.Name.StartsWith(checkPrefix, StringComparison.Ordinal)
            ? c with { Name = to + "_chk_" + c.Name[checkPrefix.Length..] }
            : c).ToImmutableArray();
        if (renamed.Count == 0) return table with { Checks = checks };

        var keys = table.Keys;
        foreach (var (old, now) in renamed)
        {
            if (keys.TryGetValue(old, out var key)) keys = keys.Remove(old).SetItem(now, key);
        }

        return table with
        {
            Checks = checks,
            OtherConstraints = table.OtherConstraints.Except(renamed.Keys).Union(renamed.Values),
            Keys = keys,
        };
    }
}
