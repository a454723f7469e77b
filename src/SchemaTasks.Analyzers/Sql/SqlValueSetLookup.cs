using System.Linq;
using SchemaTasks.Analyzers.ValueSets;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>The value set a name in SQL text refers to, matched as the dialect matches names; null unless exactly one.</summary>
internal sealed class SqlValueSetLookup
{
    private readonly ValueSetCatalog _catalog;

    public SqlValueSetLookup(ValueSetCatalog catalog, SqlDialect dialect)
    {
        _catalog = catalog;
        Dialect = dialect;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The restricted column <paramref name="column"/> of the table <paramref name="table"/> names.</summary>
    public ValueSetObject? Column(SqlTableReference table, SqlName column)
        => Single(_catalog.ColumnsNamedLike(column.Text).Where(o => column.Matches(o.Column, Dialect)
            && table.Table.Matches(o.Name, Dialect)
            && (table.Schema is not { } schema || schema.Matches(o.Schema, Dialect))));

    /// <summary>The enum type a cast names; null for any other type.</summary>
    public ValueSetObject? EnumType(SqlName? schema, SqlName name)
        => Single(_catalog.EnumTypesNamedLike(name.Text).Where(o => name.Matches(o.Name, Dialect)
            && (schema is not { } s || s.Matches(o.Schema, Dialect))));

    private static ValueSetObject? Single(IEnumerable<ValueSetObject> matches)
    {
        using var e = matches.GetEnumerator();
        if (!e.MoveNext())
        {
            return null;
        }

        var first = e.Current;
        return e.MoveNext() ? null : first;
    }
}
