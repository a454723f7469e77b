namespace Fixture.Migrations.Library;

/// <summary>A library whose package carries its own migrations.</summary>
public static class JobStore
{
    public const string Table = "job_tracking";
}
