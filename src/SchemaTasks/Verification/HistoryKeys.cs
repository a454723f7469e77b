namespace SchemaTasks.Verification;

/// <summary>Matches a history row's key to an embedded migration's id, as each tool spells it.</summary>
internal static class HistoryKeys
{
    /// <summary>A function from a row's key to the id of the embedded migration it records, or null.</summary>
    public static Func<string, string?> For(MigrationHistoryKind kind, IReadOnlyList<EmbeddedMigration> migrations)
    {
        switch (kind)
        {
            case MigrationHistoryKind.Flyway or MigrationHistoryKind.Evolve:
            {
                // Flyway and Evolve compare versions numerically: "1.01" is "1.1", and "1" is "1.0".
                var byVersion = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var m in migrations) byVersion.TryAdd(NormaliseVersion(m.Id), m.Id);
                return key => byVersion.GetValueOrDefault(NormaliseVersion(key));
            }

            case MigrationHistoryKind.DbUp:
                return DbUpNames(migrations);

            case MigrationHistoryKind.Liquibase:
                return LiquibaseChangesets(migrations);

            case MigrationHistoryKind.Sqlx or MigrationHistoryKind.Goose:
                return FileVersions(migrations);

            case MigrationHistoryKind.SqlMigrate:
                return FileNames(migrations);

            default:
            {
                var ids = new HashSet<string>(migrations.Count, StringComparer.Ordinal);
                foreach (var m in migrations) ids.Add(m.Id);
                return key => ids.Contains(key) ? key : null;
            }
        }
    }

    /// <summary>Compares two dotted numeric versions as Flyway does.</summary>
    public static int CompareVersions(string x, string y)
    {
        var a = NormaliseVersion(x).Split('.');
        var b = NormaliseVersion(y).Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var p = i < a.Length ? a[i] : "0";
            var q = i < b.Length ? b[i] : "0";
            var byLength = p.Length.CompareTo(q.Length);
            if (byLength != 0) return byLength;
            var byDigits = string.CompareOrdinal(p, q);
            if (byDigits != 0) return byDigits;
        }

        return 0;
    }

    internal static string NormaliseVersion(string version)
    {
        var parts = version.Trim().Replace('_', '.').Split('.')
            .Select(p => p.TrimStart('0') is { Length: > 0 } t ? t : "0")
            .ToList();
        while (parts.Count > 1 && parts[^1] == "0") parts.RemoveAt(parts.Count - 1);
        return string.Join('.', parts);
    }

    // sqlx and goose record the number before the first '_' of the file name. A folder read in
    // their layout has it as the id; one read as plain (a sqlx folder without a marker) has the
    // file name, so the row is matched by the file name's number as the tool reads it.
    private static Func<string, string?> FileVersions(IReadOnlyList<EmbeddedMigration> migrations)
    {
        var byVersion = new Dictionary<long, string>();
        foreach (var m in migrations)
        {
            var name = m.RelativePath[(m.RelativePath.LastIndexOf('/') + 1)..];
            var underscore = name.IndexOf('_');
            var digits = underscore < 0 ? m.Id : name[..underscore];
            if (long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)) byVersion.TryAdd(version, m.Id);
        }

        return key => long.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? byVersion.GetValueOrDefault(version)
            : null;
    }

    // sql-migrate records the file name, '.sql' included: the id of a folder read in its layout,
    // and the last part of the path of one read as plain files.
    private static Func<string, string?> FileNames(IReadOnlyList<EmbeddedMigration> migrations)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in migrations) byName.TryAdd(m.RelativePath[(m.RelativePath.LastIndexOf('/') + 1)..], m.Id);
        return key => byName.GetValueOrDefault(key);
    }

    // Liquibase records FILENAME as the changelog was named to it (relative to its search path,
    // "classpath:" or a logicalFilePath), so a row names the changeset with its id and author in
    // the folder: the only one, or the one whose file the recorded name ends with.
    private static Func<string, string?> LiquibaseChangesets(IReadOnlyList<EmbeddedMigration> migrations)
    {
        var byIdAndAuthor = new Dictionary<(string, string), List<(string File, string Key)>>();
        foreach (var m in migrations)
        {
            if (Migrations.LiquibaseChangelog.Split(m.Id) is not { } parts) continue;
            if (!byIdAndAuthor.TryGetValue((parts.Id, parts.Author), out var list)) byIdAndAuthor[(parts.Id, parts.Author)] = list = [];
            list.Add((parts.File, m.Id));
        }

        return key =>
        {
            if (Migrations.LiquibaseChangelog.Split(key) is not { } row || !byIdAndAuthor.TryGetValue((row.Id, row.Author), out var candidates)) return null;
            if (candidates.Count == 1) return candidates[0].Key;
            var recorded = row.File.Replace('\\', '/');
            recorded = recorded.StartsWith("classpath:", StringComparison.Ordinal) ? recorded["classpath:".Length..] : recorded;
            recorded = recorded.TrimStart('/');
            return candidates.FirstOrDefault(c => recorded == c.File || recorded.EndsWith("/" + c.File, StringComparison.Ordinal)).Key;
        };
    }

    // DbUp records embedded-resource names ("App.Scripts.001_init.sql") or file names. A row
    // names the first migration (in apply order) it spells in any of these ways; the lookups
    // are by dictionary, so a history of thousands of rows is not compared with every file.
    private static Func<string, string?> DbUpNames(IReadOnlyList<EmbeddedMigration> migrations)
    {
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var dotted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < migrations.Count; i++)
        {
            var path = migrations[i].RelativePath;
            exact.TryAdd(migrations[i].Id, i);
            exact.TryAdd(path, i);
            exact.TryAdd(path[(path.LastIndexOf('/') + 1)..], i);
            exact.TryAdd(path.Replace('/', '.'), i);
            dotted.TryAdd(path.Replace('/', '.'), i);
        }

        return key =>
        {
            var first = exact.GetValueOrDefault(key, int.MaxValue);
            for (var dot = key.IndexOf('.'); dot >= 0; dot = key.IndexOf('.', dot + 1))
            {
                // "<prefix>.<dotted path>": the resource name of an embedded script.
                if (dotted.TryGetValue(key[(dot + 1)..], out var i) && i < first) first = i;
            }

            return first == int.MaxValue ? null : migrations[first].Id;
        };
    }
}
