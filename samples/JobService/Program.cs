using JobService;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaTasks;

// `JobService manifest` prints what the build embedded; otherwise the service starts, and
// SchemaTasks checks the database before anything else runs.
if (args is ["manifest"])
{
    return EmbeddedManifest.Print();
}

var connectionString = Environment.GetEnvironmentVariable("JOBS_DATABASE");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("JobService: set JOBS_DATABASE to an Npgsql connection string.");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// SchemaTasks logs the check's report; the host would log the same failure again with a stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
builder.Services.AddSchemaTasksCheck(typeof(Program).Assembly).UseNpgsql(connectionString);
builder.Services.AddSingleton(new JobStore(connectionString));
builder.Services.AddHostedService<CancelStaleJobs>();

using var host = builder.Build();
try
{
    await host.RunAsync();
    return 0;
}
catch (SchemaTasksException ex)
{
    // FailFast: the host did not start.
    Console.Error.WriteLine($"JobService did not start (error {ex.Code}): {Meaning(ex)}");
    return 1;
}

// What the error means to whoever runs the service. SchemaTasks logged the details above: the
// check's report, or why the check could not run.
static string Meaning(SchemaTasksException ex) => ex.Kind switch
{
    SchemaTasksErrorKind.SchemaMismatch => "the database does not match the migrations it was built with.",
    SchemaTasksErrorKind.Connection => "the database could not be checked; fix JOBS_DATABASE or the database server.",
    SchemaTasksErrorKind.EmbeddedMigrations => "its embedded migrations changed after its build; rebuild it. The database was not touched.",
    _ => ex.Message,
};
