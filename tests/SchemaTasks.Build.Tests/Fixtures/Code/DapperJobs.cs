using System.Data;
using Dapper;

namespace Jobs;

// The migrations declare queued, running and done; 'retrying' is not among them yet.
public static class JobQueries
{
    private const string Pending = "SELECT id FROM jobs j WHERE j.status IN ('queued', 'running')";

    public static IEnumerable<long> FindPending(IDbConnection connection)
        => connection.Query<long>(Pending);

    public static int Retry(IDbConnection connection, long id)
        => connection.Execute("UPDATE jobs SET status = 'retrying' WHERE id = @id", new { id });

    // Built at run time: not read, only counted (ST4007, printed at detailed verbosity).
    public static int Run(IDbConnection connection, string statement)
        => connection.Execute(statement);
}
