using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL CREATE TABLE ... PARTITION OF: the parent's columns, with options of the partition's own.
internal sealed partial class DdlParser
{
    // The type a partition's column option stands for: none of its own, as the column is the parent's.
    private static readonly TypeSpec ParentsType = new(string.Empty, null, false, null, false);

    /// <summary>
    /// <c>PARTITION OF parent [ ( column [WITH OPTIONS] constraints | table constraint, ... ) ]
    /// { FOR VALUES ... | DEFAULT } [PARTITION BY ...] [USING ...] [WITH ...] [TABLESPACE ...]</c>,
    /// read after the table's name. The bounds are not kept: nothing tracked depends on them.
    /// </summary>
    private CreateTableStatement PartitionOf(SqlToken at, QualifiedName name, bool ifNotExists)
    {
        var partitionAt = _c.Next();
        _c.Next();
        var parent = TableName();
        var columns = new List<ColumnSpec>();
        var constraints = new List<ConstraintSpec>();
        if (_c.TrySymbol('('))
        {
            do
            {
                if (IsTableConstraintStart()) constraints.Add(TableConstraint());
                else columns.Add(ColumnDefinition(partitionOptions: true));
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
        }

        var isDefault = _c.TryWord("DEFAULT");
        var partitioned = false;
        while (!_c.AtEnd)
        {
            if (_c.IsWord("PARTITION") && _c.IsWord("BY", 1)) partitioned = true;
            if (_c.IsSymbol('(')) _c.Parenthesised();
            else _c.Next();
        }

        return new CreateTableStatement(at, name, ifNotExists, false, columns, constraints)
        {
            Inherits = [parent],
            InheritsAt = partitionAt,
            PartitionOf = true,
            DefaultPartition = isDefault,
            Partitioned = partitioned,
        };
    }

    private TypeSpec PartitionColumnType()
    {
        _c.TryWords("WITH", "OPTIONS");
        return ParentsType;
    }
}
