namespace SchemaTasks.Migrations;

/// <summary>
/// How a front door names the layout and dialect settings, so a message about them says what
/// the user wrote (<c>SchemaDialect</c> in a project file, <c>--dialect</c> on a command line).
/// </summary>
/// <param name="Layout">The layout setting, such as <c>SchemaMigrationsLayout</c>.</param>
/// <param name="Dialect">The dialect setting, such as <c>SchemaDialect</c>.</param>
/// <param name="HowToSetDialect">A sentence telling how to give the dialect.</param>
public sealed record MigrationSettingNames(string Layout, string Dialect, string HowToSetDialect)
{
    /// <summary>How to give a Flyway placeholder's value, with <c>{name}</c> and <c>{value}</c> to fill in.</summary>
    public string FlywayPlaceholders { get; init; } = "add {name}={value} to <SchemaFlywayPlaceholders> in the project file (pairs separated by ';')";

    /// <summary>How to give a pop connection option's value, with <c>{name}</c> and <c>{value}</c> to fill in.</summary>
    public string PopOptions { get; init; } = "add {name}={value} to <SchemaPopOptions> in the project file (pairs separated by ';')";

    /// <summary>The MSBuild properties.</summary>
    public static MigrationSettingNames MsBuild { get; } = new(
        "SchemaMigrationsLayout",
        "SchemaDialect",
        "Set <SchemaDialect>postgres</SchemaDialect>, <SchemaDialect>mysql</SchemaDialect> (MySQL 8) or <SchemaDialect>mariadb</SchemaDialect> in the project file.");

    /// <summary>The <c>schematasks</c> tool's options.</summary>
    public static MigrationSettingNames CommandLine { get; } = new(
        "--layout",
        "--dialect",
        "Give it: add --dialect postgres, --dialect mysql (MySQL 8) or --dialect mariadb.")
    {
        FlywayPlaceholders = "add --placeholder {name}={value}",
        PopOptions = "add --pop-option {name}={value}",
    };

    /// <summary>The parameters of the runtime's API.</summary>
    public static MigrationSettingNames Api { get; } = new(
        "layout",
        "dialect",
        "Pass the dialect (postgres, mysql for MySQL 8, or mariadb).")
    {
        FlywayPlaceholders = "give {name}={value} to the build in <SchemaFlywayPlaceholders>",
        PopOptions = "give {name}={value} to the build in <SchemaPopOptions>",
    };
}
