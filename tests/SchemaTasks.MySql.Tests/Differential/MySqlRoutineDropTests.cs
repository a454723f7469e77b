using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A procedure the migrations dropped is gone for the calls after the DROP: the server refuses
/// them (1305) and the engine reports ST3123 there instead of running the body it had; created
/// again, or with only a function of its name dropped, it runs as before.
/// </summary>
public sealed class MySqlRoutineDropTests
{
    private const string Routines = "CREATE TABLE t (id int PRIMARY KEY);\nCREATE PROCEDURE p() ALTER TABLE t ADD COLUMN b int;\n";

    [MySqlTheory]
    [InlineData("dropped", "DROP PROCEDURE p;\nCALL p();")]
    [InlineData("dropped if it exists, named in other case", "DROP PROCEDURE IF EXISTS P;\nCALL p;")]
    public async Task A_call_after_the_drop_is_refused_as_the_server_refuses_it(string behaviour, string run)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Routines + run, DiagnosticCodes.RoutineNotFound, 1305);
    }

    [MySqlTheory]
    [InlineData("created again", "DROP PROCEDURE p;\nCREATE PROCEDURE p() ALTER TABLE t ADD COLUMN c int;\nCALL p();")]
    [InlineData("a function of its name dropped", "CREATE FUNCTION p() RETURNS int RETURN 1;\nDROP FUNCTION p;\nCALL p();")]
    public Task A_procedure_still_there_runs_and_the_catalog_matches_the_server(string behaviour, string run)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Routines + run, MySqlTestDatabase.ServerDialect);
}
