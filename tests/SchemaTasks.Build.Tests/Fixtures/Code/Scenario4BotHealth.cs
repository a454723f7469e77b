using SchemaTasks;

namespace Bots;

// Scenario 4: a CHECK constraint, not an enum type, restricts the column.
[DbEnum("bots.health_status")]
public static class BotHealth
{
    public const string Normal = "normal";
    public const string PotentiallyStuck = "potentially_stuck";
    public const string Unhealthy = "unhealthy";
}
