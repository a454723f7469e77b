using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL: keeps an INSERT, UPDATE or DELETE for the check of labels a type lacks
/// (<see cref="UnknownLabelCheck"/>) only when the table it names has a column of an enum type
/// (through domains, or as an array's element type), or when a relation it reads besides (FROM,
/// USING, a join, a subquery's FROM; <see cref="DataStatementRelationWatch"/>) is such a table. Any
/// other statement is passed over unstored, as before the check read data statements: none of its
/// constants can be read as a label, and reading every data statement made large histories
/// slower. A table the migrations did not create is passed over too (no column of it is decided).
/// </summary>
internal sealed class EnumColumnTables(IdentifierRules rules, Catalog catalog) : IDataStatementTargets
{
    private CatalogTable? _lastTable;
    private bool _lastHasEnum;

    /// <summary>The catalog the statement read next is applied to; set before each statement.</summary>
    public Catalog Catalog { get; set; } = catalog;

    /// <summary>Whether unqualified names are read in public (the default path); otherwise such a statement is kept, and read with the rules the path gives it.</summary>
    public bool OnDefaultPath { get; set; } = true;

    /// <inheritdoc/>
    public bool KeepsStatementOn(string sql, SqlToken? schema, SqlToken table)
    {
        if (schema is null && !OnDefaultPath) return true;
        var name = new QualifiedName(schema is { } qualifier ? rules.Name(sql, qualifier) : rules.DefaultSchema, rules.Name(sql, table));
        return Catalog.FindTable(name) is { } found && HasEnumColumn(found);
    }

    // Many statements in a row name the same table: its answer is kept until another is asked
    // about. A column's type does not come to reach an enum type, or stop, without its table changing.
    private bool HasEnumColumn(CatalogTable table)
    {
        if (ReferenceEquals(table, _lastTable)) return _lastHasEnum;
        var has = false;
        foreach (var column in table.Columns)
        {
            if (column.TypeReference is { } type && ReachesEnum(type))
            {
                has = true;
                break;
            }
        }

        (_lastTable, _lastHasEnum) = (table, has);
        return has;
    }

    private bool ReachesEnum(QualifiedName type)
    {
        QualifiedName? next = type;
        for (var depth = 0; depth < 16 && next is { } name; depth++)
        {
            if (Catalog.EnumTypes.ContainsKey(name)) return true;
            next = Catalog.FindDomain(name)?.BaseTypeReference;
        }

        return false;
    }
}
