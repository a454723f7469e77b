using SchemaTasks;

// Prints what the runtime reads back from this assembly: one line per migration.
try
{
    var embedded = EmbeddedMigrations.Load(typeof(Program).Assembly);
    Console.WriteLine($"layout={embedded.Manifest.Layout} dialect={embedded.Manifest.Dialect}");
    foreach (var migration in embedded.Migrations)
    {
        Console.WriteLine($"{migration.Id} {migration.Sha256} {migration.RelativePath}");
    }

    return 0;
}
catch (SchemaTasksException ex)
{
    Console.Error.WriteLine($"error {ex.Code}: {ex.Message}");
    return 1;
}
