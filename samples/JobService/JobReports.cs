using Dapper;
using Npgsql;

namespace JobService;

/// <summary>
/// Reports written as plain SQL and run with Dapper. No enum maps these statuses: the build
/// reads the string literals inside the SQL and checks them against the migrations.
/// </summary>
public static class JobReports
{
    public static async Task<int> CountUnfinishedAsync(NpgsqlConnection connection)
        => await connection.ExecuteScalarAsync<int>("""SELECT count(*) FROM "Job" j WHERE j."status" IN ('PENDING', 'RUNNING')""");
}
