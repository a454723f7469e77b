using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL runs the subcommands of one ALTER TABLE in passes, not in written order: drops,
/// type changes and added columns first, constraints last, the added columns' own constraints
/// before those of ADD CONSTRAINT. So ADD PRIMARY KEY (x), ADD COLUMN x is accepted, a CHECK is
/// named after the columns it uses even when one is added later in the statement, and generated
/// names are numbered in that order. This holds the constraints back until the other actions ran,
/// and ADD GENERATED ... AS IDENTITY too, which runs after SET NOT NULL and DROP NOT NULL wherever
/// they are written.
/// </summary>
internal sealed class PostgresAlterPasses
{
    private readonly List<(ConstraintSpec Spec, string? Column)> _columnConstraints = [];
    private readonly List<AlterAction> _added = [];

    /// <summary>Holds back an ADD CONSTRAINT or an ADD IDENTITY; <see langword="true"/> when <paramref name="action"/> is one.</summary>
    public bool Defers(AlterAction action)
    {
        if (action is not (AddConstraintAction or AddIdentityAction)) return false;
        _added.Add(action);
        return true;
    }

    /// <summary>What to apply now: an added column without its constraints, any other action as it is.</summary>
    public static AlterAction Now(AlterAction action)
        => action is AddColumnAction { Column.Constraints.Count: > 0 } add ? add with { Column = add.Column with { Constraints = [] } } : action;

    /// <summary>Holds back the constraints of a column <paramref name="action"/> added (none when it added nothing, as ADD COLUMN IF NOT EXISTS of a column the table has).</summary>
    public void Applied(AlterAction action, CatalogTable before, CatalogTable after, SqlDialect dialect)
    {
        if (action is not AddColumnAction add || before.FindColumn(add.Column.Name, dialect) is not null || after.FindColumn(add.Column.Name, dialect) is null) return;
        _columnConstraints.AddRange(PostgresConstraintOrder.OfColumn(add.Column));
    }

    /// <summary>The table once the held-back actions are applied, in the server's order; <paramref name="apply"/> applies one.</summary>
    public CatalogTable Finish(Catalog catalog, CatalogTable table, Func<CatalogTable, AlterAction, CatalogTable> apply, ApplyContext context)
    {
        foreach (var (spec, column) in _columnConstraints) table = TableStatements.AddConstraint(catalog, table, spec, column, context);
        foreach (var add in _added) table = apply(table, add);
        return table;
    }
}
