using SchemaTasks.Sql;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>A string literal in SQL text that a statement gives to a restricted column or enum type.</summary>
internal sealed class SqlValueCheck
{
    public SqlValueCheck(SqlToken literal, string value, ValueSetObject target, string context)
    {
        Literal = literal;
        Value = value;
        Target = target;
        Context = context;
    }

    /// <summary>The literal's token, as a span of the SQL text.</summary>
    public SqlToken Literal { get; }

    public string Value { get; }

    public ValueSetObject Target { get; }

    /// <summary>How the statement uses the literal, for messages: <c>compared with j.status</c>.</summary>
    public string Context { get; }
}
