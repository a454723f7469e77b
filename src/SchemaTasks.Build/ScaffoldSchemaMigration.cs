using Microsoft.Build.Framework;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Scaffolding;

namespace SchemaTasks.Build;

/// <summary>
/// <c>dotnet build -p:SchemaScaffold=true</c>: reads the values the compiler's analyzer found
/// undeclared (from the compile's SARIF log) and writes the migration that declares them, in
/// the folder's own layout and naming convention.
/// </summary>
public sealed class ScaffoldSchemaMigration : Microsoft.Build.Utilities.Task
{
    private const string UndeclaredValue = CompileLogFacts.UndeclaredValueCode;
    private const string TemplateProperty = CompileLogFacts.FixTemplateProperty;
    private const string ValueProperty = CompileLogFacts.ValueProperty;

    /// <summary>The compile's SARIF 2.1 error log.</summary>
    [Required]
    public string ErrorLogFile { get; set; } = "";

    /// <summary>The migrations folder (full path).</summary>
    [Required]
    public string MigrationsDirectory { get; set; } = "";

    /// <summary>The layout (<c>SchemaMigrationsLayout</c>); empty to detect it.</summary>
    public string? Layout { get; set; }

    /// <summary>The dialect (<c>SchemaDialect</c>); empty to take it from the layout's marker.</summary>
    public string? Dialect { get; set; }

    /// <summary>Flyway's placeholder values (<c>SchemaFlywayPlaceholders</c>), so a folder that holds placeholders reads as the build reads it.</summary>
    public string? FlywayPlaceholders { get; set; }

    /// <summary>Whether Flyway replaces placeholders (<c>SchemaFlywayPlaceholderReplacement</c>).</summary>
    public string? FlywayPlaceholderReplacement { get; set; }

    /// <summary>pop's connection options (<c>SchemaPopOptions</c>), which pop renders into its migrations: <c>name=value</c> pairs separated by ';'.</summary>
    public string? PopOptions { get; set; }

    /// <summary>The files written, relative to the migrations folder.</summary>
    [Output]
    public ITaskItem[] ScaffoldedFiles { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var fixes = CompileLog.Read(ErrorLogFile)
            .Where(r => r.RuleId == UndeclaredValue && r.Properties.ContainsKey(TemplateProperty) && r.Properties.ContainsKey(ValueProperty))
            .Select(r => new ValueFix(r.Properties[TemplateProperty], r.Properties[ValueProperty]))
            .ToList();
        if (fixes.Count == 0)
        {
            Log.LogMessage(MessageImportance.High, "SchemaTasks: nothing to scaffold; the code uses no value the migrations leave undeclared.");
            return true;
        }

        var diagnostics = new DiagnosticLogger(Log, MigrationsDirectory);
        if (MsBuildMigrationFolder.Read(MigrationsDirectory, Layout, Dialect, diagnostics, flywayPlaceholders: FlywayPlaceholders, flywayPlaceholderReplacement: FlywayPlaceholderReplacement, popOptions: PopOptions) is not { Set: { } set, Dialect: { } dialect })
        {
            return false;
        }

        var sql = FixRenderer.Render(fixes, dialect);
        if (!MigrationScaffolder.ScaffoldsWithoutTool(set))
        {
            Log.LogError($"SchemaTasks: a drizzle-kit migration needs an entry in its journal, which drizzle-kit writes. Run `npx drizzle-kit generate --custom --name={MigrationScaffolder.Slug(MigrationName(fixes))}` and put this SQL in the file it creates:{Environment.NewLine}{sql}");
            return false;
        }

        var files = MigrationScaffolder.Create(set, MigrationName(fixes), sql, DateTime.UtcNow);
        var existing = files.Select(f => Path.Combine(MigrationsDirectory, f.RelativePath)).FirstOrDefault(File.Exists);
        if (existing is not null)
        {
            Log.LogError($"SchemaTasks: '{existing}' already exists; scaffolding never overwrites a migration. Move it, or build again in a second.");
            return false;
        }

        foreach (var file in files)
        {
            OutputFile.Write(Path.Combine(MigrationsDirectory, file.RelativePath), file.Text);
        }

        ScaffoldedFiles = files.Select(f => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(f.RelativePath)).ToArray();
        Log.LogMessage(
            MessageImportance.High,
            "SchemaTasks scaffolded {0} in '{1}':\n{2}Review it, then {3}build again.",
            string.Join(" and ", files.Select(f => f.RelativePath)),
            MigrationsDirectory,
            sql,
            set.Layout == MigrationLayout.Atlas ? "run `atlas migrate hash` (Atlas refuses a file its atlas.sum does not list) and " : string.Empty);
        return true;
    }

    private static string MigrationName(List<ValueFix> fixes)
    {
        var values = fixes.Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList();
        return values.Count <= 3 ? "add_" + string.Join("_", values) : $"add_{values[0]}_and_{values.Count - 1}_more_values";
    }
}
