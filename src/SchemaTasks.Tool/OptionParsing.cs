using System.CommandLine.Parsing;
using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>
/// Turns option values into what the commands use, by the core's rules where it has them, so a bad
/// value is a one-line usage error at parse time (exit 2) that names the option, the value and the fix.
/// </summary>
internal static class OptionParsing
{
    /// <summary>The settings a folder is read with; <paramref name="requireDialect"/> is false where no schema is built.</summary>
    public static MigrationFolderSettings Settings(MigrationLayout? layout, SqlDialect? dialect, bool requireDialect = true) =>
        new() { Layout = layout, Dialect = dialect, RequireDialect = requireDialect, Names = MigrationSettingNames.CommandLine };

    public static MigrationLayout? Layout(ArgumentResult result) =>
        Token(result) is { } text ? Settings(result, text, null)?.Layout : null;

    public static SqlDialect? Dialect(ArgumentResult result) =>
        Token(result) is { } text ? Settings(result, null, text)?.Dialect : null;

    /// <summary>A folder that exists.</summary>
    public static string? ExistingFolder(ArgumentResult result, string what)
    {
        var text = Token(result);
        if (text is not null && !Directory.Exists(text))
        {
            result.AddError($"{Subject(result, what)} '{ShownValue.Of(text)}' does not exist.");
        }

        return text;
    }

    /// <summary>A file that exists.</summary>
    public static string? ExistingFile(ArgumentResult result, string what)
    {
        var text = Token(result);
        if (text is not null && !File.Exists(text))
        {
            result.AddError($"{Subject(result, what)} '{ShownValue.Of(text)}' does not exist.");
        }

        return text;
    }

    /// <summary>A file to write, in a folder that exists.</summary>
    public static string? NewFile(ArgumentResult result)
    {
        var text = Token(result);
        if (text is null) return null;
        string? folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(text));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            result.AddError($"{Name(result)} is '{ShownValue.Of(text)}', which is not a file path: {ex.Message}");
            return null;
        }

        if (Path.GetFileName(text).Length is 0 or > 255)
        {
            result.AddError($"{Name(result)} is '{ShownValue.Of(text)}'; give a file name of 1 to 255 characters.");
        }
        else if (folder is null || !Directory.Exists(folder))
        {
            result.AddError($"{Name(result)} is '{ShownValue.Of(text)}', in a folder that does not exist; create the folder first.");
        }

        return text;
    }

    /// <summary>One of <paramref name="choices"/>, each with what it means.</summary>
    public static T? Choice<T>(ArgumentResult result, IReadOnlyDictionary<string, T> choices, string fix)
        where T : struct
    {
        var text = Token(result);
        if (text is null) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        result.AddError($"{Name(result)} is '{ShownValue.Of(text)}'; {fix}");
        return null;
    }

    /// <summary>
    /// A flag: present means on. <c>--flag true|false</c> is accepted as System.CommandLine does
    /// for flags; the old <c>--flag yes</c> gets a message saying the value is gone.
    /// </summary>
    public static bool Flag(ArgumentResult result)
    {
        if (result.Parent is OptionResult { Implicit: true }) return false;
        var text = Token(result);
        if (text is null) return true;
        if (bool.TryParse(text, out var value)) return value;
        result.AddError($"{Name(result)} is a flag and takes no value ('{ShownValue.Of(text)}'); write {Name(result)} alone to turn it on.");
        return false;
    }

    /// <summary>Seconds, such as 60 or 0.5.</summary>
    public static TimeSpan? Seconds(ArgumentResult result)
    {
        var text = Token(result);
        if (text is null) return null;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"{Name(result)} is '{ShownValue.Of(text)}'; give a number of seconds, such as 60.");
        return null;
    }

    /// <summary>The token given, or <see langword="null"/> when the option was left out.</summary>
    public static string? Token(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[0].Value;

    /// <summary>The option's name as typed in messages (<c>--dialect</c>), or the argument's.</summary>
    public static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : $"<{result.Argument.Name}>";

    private static string Subject(ArgumentResult result, string what) =>
        result.Parent is OptionResult option ? $"{option.Option.Name}: the {what}" : $"the {what}";

    private static MigrationFolderSettings? Settings(ArgumentResult result, string? layout, string? dialect)
    {
        var settings = MigrationFolderSettings.Parse(layout, dialect, MigrationSettingNames.CommandLine, out var error);
        if (settings is null) result.AddError(error!.Message);
        return settings;
    }
}
