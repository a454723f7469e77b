using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// A Liquibase "formatted SQL" changelog, read line by line as Liquibase 4's formatted SQL parser
/// reads it: the first non-blank line is <c>--liquibase formatted sql</c>; each
/// <c>--changeset author:id attributes</c> line starts a changeset, whose SQL is every following
/// line that is not one of Liquibase's own comment lines (<c>--rollback</c>, <c>--comment</c>,
/// <c>--preconditions</c>, <c>--precondition-*</c>, <c>--validCheckSum</c>, a
/// <c>/* liquibase rollback */</c> block, <c>--ignoreLines</c>).
/// </summary>
internal static class LiquibaseChangelog
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly Regex FirstLine = new(@"^\s*--\s*liquibase\s*formatted.*$", Options);
    private static readonly Regex ChangesetLine = new(@"^\s*--[\s]*changeset\s+(""[^""]+""|[^:]+):\s*(""[^""]+""|\S+).*$", Options);
    private static readonly Regex MalformedChangeset = new(@"^(-[\s]*changeset\s.*|\s*--[\s]*changeset[\s]*.*)$", Options);
    private static readonly Regex Comment = new(@"^--[\s]*comment:? (.*)$", Options);
    private static readonly Regex Rollback = new(@"^\s*--[\s]*rollback (.*)$", Options);
    private static readonly Regex RollbackBlockStart = new(@"^\s*/\*\s*liquibase\s*rollback\s*$", Options);
    private static readonly Regex RollbackBlockEnd = new(@"^.*\s*\*/\s*$", Options);
    private static readonly Regex Preconditions = new(@"^\s*--[\s]*preconditions(.*)$", Options);
    private static readonly Regex Precondition = new(@"^\s*--[\s]*precondition\-([a-zA-Z0-9-]+)( .*)?$", Options);
    private static readonly Regex ValidCheckSum = new(@"^--[\s]*validCheckSum:? (.*)$", Options);
    private static readonly Regex IgnoreLines = new(@"^--[\s]*ignoreLines:(\w+)$", Options);
    private static readonly Regex Property = new(@"^\s*--[\s]*property\s+(.*:.*)\s+(.*:.*).*$", Options);
    private static readonly Regex PropertyName = new(@"name:\s*(\S+)", Options);
    private static readonly Regex PropertyValue = new(@"value:\s*(\S+)", Options);
    private static readonly Regex Expression = new(@"\$\{([^}]+)\}", RegexOptions.CultureInvariant);

    /// <summary>One changeset: its identity, the line it starts on, its SQL and the attributes that change how it runs.</summary>
    public sealed record Changeset(
        string Author,
        string Id,
        int Line,
        string Sql,
        int SqlStartLine,
        bool RunOnChange,
        bool RunAlways,
        bool RunInTransaction,
        string? Context,
        string? Dbms,
        IReadOnlyList<string> ValidCheckSums,
        string? Comment)
    {
        /// <summary>Whether the changeset says <c>ignore:true</c>: Liquibase neither runs nor records it.</summary>
        public bool Ignore { get; init; }

        /// <summary>The key SchemaTasks gives the changeset: Liquibase's own <c>file::id::author</c>.</summary>
        public string Key(string relativePath) => $"{relativePath}::{Id}::{Author}";
    }

    /// <summary>Whether the file is a formatted SQL changelog: its first non-blank line says so.</summary>
    public static bool IsChangelog(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Trim().Length == 0) continue;
            return FirstLine.IsMatch(trimmed);
        }

        return false;
    }

    /// <summary>The changesets of <paramref name="file"/>, reporting <c>ST1020</c> (errors Liquibase stops at) and <c>ST1021</c> (what the snapshot cannot know).</summary>
    public static IReadOnlyList<Changeset> Read(MigrationSourceFile file, List<SchemaDiagnostic>? diagnostics)
    {
        var lines = file.Text.Split('\n').Select(l => l.EndsWith("\r", StringComparison.Ordinal) ? l.Substring(0, l.Length - 1) : l).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var changesets = new List<Changeset>();
        var seen = new Dictionary<(string, string), int>();
        Pending? current = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (Property.Match(line) is { Success: true } property)
            {
                var name = PropertyName.Match(line);
                var value = PropertyValue.Match(line);
                if (name.Success && value.Success) properties[name.Groups[1].Value] = value.Groups[1].Value;
                continue;
            }

            if (IgnoreLines.Match(line) is { Success: true } ignore)
            {
                var from = i;
                if (ignore.Groups[1].Value == "start")
                {
                    while (++i < lines.Count && !(IgnoreLines.Match(lines[i]) is { Success: true } end && end.Groups[1].Value == "end"))
                    {
                    }
                }
                else if (int.TryParse(ignore.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                {
                    i = Math.Min(i + count, lines.Count - 1);
                }
                else
                {
                    Error(number, $"'{line.Trim()}' is not '--ignoreLines:<count>' or '--ignoreLines:start', and Liquibase stops at it (\"Unknown ignoreLines syntax\").");
                }

                current?.Skip(Math.Min(i, lines.Count - 1) - from + 1);
                continue;
            }

            if (ChangesetLine.Match(line) is { Success: true } start)
            {
                Finish();
                var author = Unquote(start.Groups[1].Value);
                var id = Unquote(start.Groups[2].Value);
                if (!Regex.IsMatch(line, @"^\s*--[\s]*changeset\s+" + Regex.Escape(start.Groups[1].Value + ":" + start.Groups[2].Value) + ".*$", Options))
                {
                    Error(number, $"'{line.Trim()}' is not '--changeset <author>:<id>' (no space after the ':'), and Liquibase stops at it.");
                    current = null;
                    continue;
                }

                if (seen.TryGetValue((author, id), out var first))
                {
                    Error(number, $"Changeset '{author}:{id}' is defined twice in '{file.RelativePath}' (lines {first} and {number}); Liquibase refuses the changelog (\"changesets had duplicate identifiers\"). Give the second one its own id.");
                }
                else
                {
                    seen[(author, id)] = number;
                }

                var endDelimiter = Attribute(line, "endDelimiter", @"(\S*)");
                if (endDelimiter is { Length: > 0 } && endDelimiter != ";")
                {
                    Error(number, $"Changeset '{author}:{id}' sets endDelimiter:{endDelimiter}; SchemaTasks splits statements on ';' as the server does and cannot read statements ended by '{endDelimiter}'. End each statement with ';' (dollar-quoted bodies stay whole), or keep this changeset out of the folder SchemaTasks reads.");
                }

                current = new Pending(author, id, number)
                {
                    RunOnChange = Flag(line, "runOnChange", false),
                    RunAlways = Flag(line, "runAlways", false),
                    RunInTransaction = Flag(line, "runInTransaction", true),
                    Context = Unquote(Attribute(line, "contextFilter", @"("".*?""|\S*)") is { Length: > 0 } filter ? filter : Attribute(line, "context", @"("".*?""|\S*)") ?? string.Empty) is { Length: > 0 } context ? context : null,
                    Dbms = Attribute(line, "dbms", @"([^,][\w!,]+)"),
                    Ignore = Attribute(line, "ignore", @"(\w*)") is { } ignored && ignored.Equals("true", StringComparison.OrdinalIgnoreCase),
                };
                continue;
            }

            if (MalformedChangeset.IsMatch(line))
            {
                Error(number, $"'{line.Trim()}' is not '--changeset <author>:<id>', and Liquibase stops at it.");
                continue;
            }

            if (current is null)
            {
                if (Comment.IsMatch(line)) Error(number, "A '--comment' line outside a changeset: Liquibase refuses it. Move it below a '--changeset' line.");
                continue; // Liquibase ignores other lines before the first changeset.
            }

            // Liquibase's own lines are not SQL; they stay as empty lines so that the SQL's lines
            // keep their numbers in the file (whitespace does not count in the checksum).
            if (Comment.Match(line) is { Success: true } comment)
            {
                current.Comment = comment.Groups[1].Value;
                current.Skip(1);
            }
            else if (ValidCheckSum.Match(line) is { Success: true } valid)
            {
                current.ValidCheckSums.Add(valid.Groups[1].Value.Trim());
                current.Skip(1);
            }
            else if (Rollback.IsMatch(line))
            {
                current.Skip(1); // Rollback SQL is not history.
            }
            else if (RollbackBlockStart.IsMatch(line))
            {
                var from = i;
                while (++i < lines.Count && !RollbackBlockEnd.IsMatch(lines[i]))
                {
                }

                current.Skip(Math.Min(i, lines.Count - 1) - from + 1);
            }
            else if (Preconditions.IsMatch(line) || Precondition.IsMatch(line))
            {
                Warning(number, 1, $"Changeset '{current.Author}:{current.Id}' has a precondition: Liquibase decides when it runs whether to run, skip (MARK_RAN) or stop, which the snapshot cannot know; SchemaTasks includes the changeset.");
                current.Skip(1);
            }
            else
            {
                if (current.SqlStartLine == 0 && line.Trim().Length > 0) current.SqlStartLine = number;
                if (current.SqlStartLine != 0) current.Sql.Append(line).Append('\n');
            }
        }

        Finish();
        return changesets;

        void Finish()
        {
            if (current is null) return;
            var raw = current.Sql.ToString().Trim();
            if (raw.Length == 0)
            {
                Error(current.Line, $"Changeset '{current.Author}:{current.Id}' has no SQL, and Liquibase refuses it (\"No SQL for changeset\"). Add its statements, or remove the changeset.");
                current = null;
                return;
            }

            var sql = Expand(raw, current.SqlStartLine);
            changesets.Add(new Changeset(
                current.Author, current.Id, current.Line, sql, current.SqlStartLine == 0 ? current.Line : current.SqlStartLine,
                current.RunOnChange, current.RunAlways, current.RunInTransaction, current.Context, current.Dbms, current.ValidCheckSums, current.Comment)
            {
                Ignore = current.Ignore,
            });
            current = null;
        }

        // Liquibase replaces ${name} with a changelog parameter; those set by '--property' lines are
        // known here, those given to Liquibase at run time are not.
        string Expand(string sql, int startLine)
        {
            return Expression.Replace(sql, match =>
            {
                if (properties.TryGetValue(match.Groups[1].Value, out var value)) return value;
                var before = sql.Substring(0, match.Index);
                var line = startLine + before.Count(c => c == '\n');
                var column = match.Index - (before.LastIndexOf('\n') + 1) + 1;
                Warning(line, column, $"'{match.Value}' is a Liquibase parameter this changelog does not define (no '--property name:{match.Groups[1].Value} value:...' line): Liquibase replaces it with a value given at run time, which the snapshot cannot know. SchemaTasks reads it as written; define it with '--property' to make the schema known.");
                return match.Value;
            });
        }

        void Error(int line, string message) =>
            diagnostics?.Add(SchemaDiagnostic.Error(DiagnosticCodes.LiquibaseChangelog, message, file.RelativePath, line, 1));

        void Warning(int line, int column, string message) =>
            diagnostics?.Add(SchemaDiagnostic.Warning(DiagnosticCodes.LiquibaseUndecidable, message, file.RelativePath, line, column));
    }

    /// <summary>The changeset a migration id (<c>file::id::author</c>) names in <paramref name="text"/>, the file's text.</summary>
    public static Changeset? Find(string relativePath, string text, string migrationId)
    {
        // Every changeset of a changelog asks for the same file in turn: it is read once.
        var last = lastRead;
        if (last is null || last.Path != relativePath || !string.Equals(last.Text, text, StringComparison.Ordinal))
        {
            last = lastRead = new ReadFile(relativePath, text, Read(new MigrationSourceFile(relativePath, text), null));
        }

        return last.Changesets.FirstOrDefault(c => c.Key(relativePath) == migrationId);
    }

    /// <summary>The id and author of a migration id <c>file::id::author</c>.</summary>
    public static (string File, string Id, string Author)? Split(string migrationId)
    {
        var parts = migrationId.Split(["::"], StringSplitOptions.None);
        return parts.Length == 3 ? (parts[0], parts[1], parts[2]) : null;
    }

    /// <summary>
    /// Liquibase 4's <c>MD5SUM</c> of a formatted SQL changeset (checksum version 9): the MD5 of
    /// the SQL's UTF-8 bytes with every space, tab, CR and LF removed, then the MD5 of
    /// <c>"9:" + that + ":"</c>, written <c>9:&lt;hex&gt;</c>.
    /// </summary>
    public static string CheckSum(string sql)
    {
        var bytes = Encoding.UTF8.GetBytes(sql).Where(b => b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')).ToArray();
        var change = "9:" + Md5(bytes);
        return "9:" + Md5(Encoding.UTF8.GetBytes(change + ":"));
    }

    /// <summary>
    /// Whether a changeset limited to <paramref name="dbms"/> can run on PostgreSQL, MySQL or
    /// MariaDB at all: a list naming none of them (<c>dbms:oracle</c>) never runs there.
    /// </summary>
    public static bool MayRunOnSupportedServer(string? dbms)
    {
        if (string.IsNullOrWhiteSpace(dbms)) return true;
        var names = dbms!.Split(',').Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToList();
        if (names.Any(n => n is "all" || n.StartsWith("!", StringComparison.Ordinal))) return true;
        return names.Any(n => n is "postgresql" or "mysql" or "mariadb");
    }

    /// <summary>
    /// Whether a changeset limited to <paramref name="dbms"/> runs on a server of <paramref name="dialect"/>,
    /// as Liquibase matches a <c>dbms</c> list against its database's short name (<c>postgresql</c>,
    /// <c>mysql</c>, <c>mariadb</c>: MariaDB is not <c>mysql</c> to Liquibase): <c>all</c> matches,
    /// <c>none</c> does not, <c>!name</c> excludes, and a list of exclusions alone matches every other server.
    /// </summary>
    public static bool RunsOn(string? dbms, SqlDialect dialect)
    {
        if (string.IsNullOrWhiteSpace(dbms)) return true;
        var names = dbms!.Split(',').Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToList();
        if (names.Count == 0 || names.Contains("all")) return true;
        if (names.Contains("none")) return false;
        var shortName = ShortName(dialect);
        if (names.Contains("!" + shortName)) return false;
        var included = names.Where(n => !n.StartsWith("!", StringComparison.Ordinal)).ToList();
        return included.Count == 0 || included.Contains(shortName);
    }

    /// <summary>Liquibase's short name for the database of <paramref name="dialect"/>, which <c>dbms</c> lists name.</summary>
    public static string ShortName(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Postgres => "postgresql",
        SqlDialect.MariaDb => "mariadb",
        _ => "mysql",
    };

    /// <summary>Whether a changeset limited to <paramref name="dbms"/> runs on each of PostgreSQL, MySQL and MariaDB (<c>all</c>, <c>!oracle</c>).</summary>
    public static bool RunsOnEverySupportedServer(string? dbms)
    {
        if (string.IsNullOrWhiteSpace(dbms)) return true;
        var names = dbms!.Split(',').Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToList();
        return names.Contains("all") || names.All(n => n.StartsWith("!", StringComparison.Ordinal) && n.Substring(1) is not ("postgresql" or "mysql" or "mariadb"));
    }

#pragma warning disable CA5351 // Liquibase's checksum is MD5; it identifies a changeset's version, it protects nothing.
    private static string Md5(byte[] bytes)
    {
        using var md5 = MD5.Create();
        return Convert.ToHexString(md5.ComputeHash(bytes)).ToLowerInvariant();
    }
#pragma warning restore CA5351

    private static string? Attribute(string line, string name, string valuePattern)
    {
        var match = Regex.Match(line, "^.*" + name + ":" + valuePattern + ".*$", Options);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool Flag(string line, string name, bool fallback) =>
        Attribute(line, name, @"(\w+)") is { } value ? value.Equals("true", StringComparison.OrdinalIgnoreCase) : fallback;

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text.Substring(1, text.Length - 2) : text;

    [ThreadStatic]
    private static ReadFile? lastRead;

    private sealed record ReadFile(string Path, string Text, IReadOnlyList<Changeset> Changesets);

    private sealed class Pending(string author, string id, int line)
    {
        public string Author { get; } = author;

        public string Id { get; } = id;

        public int Line { get; } = line;

        public StringBuilder Sql { get; } = new();

        public int SqlStartLine { get; set; }

        public bool RunOnChange { get; init; }

        public bool RunAlways { get; init; }

        public bool RunInTransaction { get; init; }

        public string? Context { get; init; }

        public string? Dbms { get; init; }

        public bool Ignore { get; init; }

        public List<string> ValidCheckSums { get; } = [];

        public string? Comment { get; set; }

        /// <summary>Keeps <paramref name="count"/> lines that are not SQL as empty ones, once the SQL has started.</summary>
        public void Skip(int count)
        {
            if (SqlStartLine != 0) Sql.Append('\n', count);
        }
    }
}
