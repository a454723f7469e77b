namespace SchemaTasks.Migrator;

/// <summary>Who the history says applied a migration.</summary>
internal static class AppliedBy
{
    /// <summary><c>user@machine</c> of this process, or the machine name when the user is unknown.</summary>
    public static string Default()
    {
        string user;
        try
        {
            user = Environment.UserName;
        }
        catch (InvalidOperationException)
        {
            user = string.Empty;
        }

        var text = string.IsNullOrEmpty(user) ? Environment.MachineName : $"{user}@{Environment.MachineName}";
        return text.Length <= 255 ? text : text[..255];
    }
}
