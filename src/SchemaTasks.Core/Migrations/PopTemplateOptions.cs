using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Migrations;

/// <summary>
/// pop's rendering of a SQL migration: gobuffalo/pop runs every migration file through Go's
/// <c>text/template</c> with its connection's details before sending it, so
/// <c>{{ index .Options "Namespace" }}</c> and <c>{{ .Options.Namespace }}</c> become the value
/// of the connection option of that name (supabase's auth server places its tables in the schema
/// it names so). Those two actions, with Go's trim markers (<c>{{-</c>, <c>-}}</c>), are rendered
/// here from the values pop is given; any other action is left as written for the engine to
/// report (<c>ST2012</c>), as is an option without a value, which is reported here (<c>ST1036</c>)
/// where the schema depends on it: outside comments and the strings of data statements.
/// </summary>
internal static class PopTemplateOptions
{
    /// <summary>The file's SQL as pop runs it, its option actions rendered; problems go to <paramref name="diagnostics"/>.</summary>
    /// <param name="file">The migration file.</param>
    /// <param name="values">The connection options pop is given, by exact name.</param>
    /// <param name="dialect">The dialect, if known: it decides where comments and strings are.</param>
    /// <param name="names">How the settings are named in messages.</param>
    /// <param name="diagnostics">Where an option without a value (<c>ST1036</c>) is reported.</param>
    /// <param name="reported">The options already reported as without a value in this folder: each is reported once, at its first place.</param>
    public static string Render(MigrationSourceFile file, IReadOnlyDictionary<string, string> values, SqlDialect? dialect, MigrationSettingNames names, List<SchemaDiagnostic> diagnostics, HashSet<string> reported)
    {
        var text = file.Text;
        if (text.IndexOf("{{", StringComparison.Ordinal) < 0) return text; // Most files: nothing to render.

        var result = new System.Text.StringBuilder(text.Length);
        List<SqlToken>? tokens = null;
        var copied = 0;
        foreach (Match action in OptionAction.Matches(text))
        {
            var name = action.Groups["name"].Success ? action.Groups["name"].Value : action.Groups["field"].Value;
            if (!values.TryGetValue(name, out var value))
            {
                if (dialect is { } lexed && !reported.Contains(name))
                {
                    tokens ??= SqlLexer.Lex(text, lexed).Tokens;
                    if (TemplatePlaceholders.ShapesSchema(text, tokens, action.Index)) // Not in a comment or a data statement's string.
                    {
                        reported.Add(name);
                        var (line, column) = TextPosition.PositionOf(text, action.Index);
                        diagnostics.Add(SchemaDiagnostic.Error(
                            DiagnosticCodes.PopOptionWithoutValue,
                            $"{action.Value} is pop's connection option '{name}', which pop renders into the migration before running it, and no value is given for it. Give the value pop's connection is given: {Setting(names, name, "<value>")}. Only its first place in the folder is reported.",
                            file.RelativePath,
                            line,
                            column));
                    }
                }

                continue; // Left as written: the engine reports the action if it reaches the schema.
            }

            var start = action.Groups["trimBefore"].Success ? TrimmedEnd(text, copied, action.Index) : action.Index;
            result.Append(text, copied, start - copied).Append(value);
            copied = action.Index + action.Length;
            if (action.Groups["trimAfter"].Success)
            {
                while (copied < text.Length && IsGoSpace(text[copied])) copied++;
            }
        }

        if (copied == 0) return text;
        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    /// <summary>Where the first option action pop would render in <paramref name="text"/> is, or <see langword="null"/>.</summary>
    public static (int Line, int Column, string Text)? First(string text)
    {
        if (text.IndexOf("{{", StringComparison.Ordinal) < 0) return null;
        var action = OptionAction.Match(text);
        if (!action.Success) return null;
        var (line, column) = TextPosition.PositionOf(text, action.Index);
        return (line, column, action.Value);
    }

    // Go's "{{- " removes the white space before the action, down to the text already copied.
    private static int TrimmedEnd(string text, int floor, int index)
    {
        while (index > floor && IsGoSpace(text[index - 1])) index--;
        return index;
    }

    // The white space Go's trim markers remove and require beside the '-'.
    private static bool IsGoSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static string Setting(MigrationSettingNames names, string name, string value) =>
        names.PopOptions.Replace("{name}", name, StringComparison.Ordinal).Replace("{value}", value, StringComparison.Ordinal);


    // `{{ index .Options "name" }}` (the name a Go string, interpreted without escapes, or raw) or
    // `{{ .Options.name }}`, with Go's trim markers, which need white space beside the '-'.
    // Built when first used and not source-generated: the .NET Framework task compiles these sources too.
    private static Regex OptionAction => field ??= new(
        @"\{\{(?:(?<trimBefore>-)[ \t\r\n]+|[ \t]*)(?:index[ \t]+\.Options[ \t]+(?:""(?<name>[^""\\\r\n]*)""|`(?<name>[^`]*)`)|\.Options\.(?<field>[A-Za-z_][A-Za-z0-9_]*))(?:[ \t\r\n]+(?<trimAfter>-)|[ \t]*)\}\}",
        RegexOptions.CultureInvariant);
}
