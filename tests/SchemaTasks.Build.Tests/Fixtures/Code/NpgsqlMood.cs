using Npgsql;

namespace Moods;

// Npgsql maps the enum by its snake_case names; the migrations have no 'angry' yet.
public enum Mood
{
    Sad,
    Ok,
    VeryHappy,
    Angry,
}

public static class MoodDatabase
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.MapEnum<Mood>();
        return builder.Build();
    }
}
