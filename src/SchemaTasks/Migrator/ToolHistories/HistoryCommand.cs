namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>One statement a tool's history receives, with its parameters (named <c>@name</c> in <see cref="Sql"/>).</summary>
internal sealed record HistoryCommand(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public HistoryCommand(string sql, params (string Name, object Value)[] parameters)
        : this(sql, parameters.Select(p => new KeyValuePair<string, object>(p.Name, p.Value)).ToList())
    {
    }
}
