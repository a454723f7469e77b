namespace SchemaTasks.Analyzers.Sql;

/// <summary>A table a statement names (after FROM, JOIN, UPDATE or INTO), with its alias if it has one.</summary>
internal sealed class SqlTableReference
{
    public SqlTableReference(SqlName? schema, SqlName table, SqlName? alias)
    {
        Schema = schema;
        Table = table;
        Alias = alias;
    }

    public SqlName? Schema { get; }

    public SqlName Table { get; }

    public SqlName? Alias { get; }
}
