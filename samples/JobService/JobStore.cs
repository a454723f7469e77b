using JobService.Model;
using Npgsql;

namespace JobService;

/// <summary>The jobs table. Stores statuses by their database labels, as the JobStatus mapping declares them.</summary>
internal sealed class JobStore(string connectionString)
{
    public async Task<string> CreateAsync(JobStatus status, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var id = Guid.NewGuid().ToString("N");
        await using var insert = new NpgsqlCommand("""INSERT INTO "Job" ("id", "status") VALUES ($1, $2::"JobStatus")""", connection);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(Label(status));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    // The labels of the "JobStatus" enum type: UPPER_SNAKE_CASE, as [DbEnum] on JobStatus says.
    private static string Label(JobStatus status) => status.ToString().ToUpperInvariant();
}
