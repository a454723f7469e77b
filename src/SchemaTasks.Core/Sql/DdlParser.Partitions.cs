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

    /// <summary>
    /// <c>ATTACH PARTITION name {FOR VALUES ... | DEFAULT}</c>, <c>DETACH PARTITION name
    /// [CONCURRENTLY | FINALIZE]</c> and <c>INHERIT parent</c>; <see langword="null"/> for any
    /// other action.
    /// </summary>
    private AlterAction? PartitionAction(SqlToken at)
    {
        if (_c.IsWord("INHERIT"))
        {
            _c.Next();
            return new InheritAction(at, TableName());
        }

        if (!(_c.IsWord("ATTACH") || _c.IsWord("DETACH")) || !_c.IsWord("PARTITION", 1)) return null;
        var attach = _c.TryWord("ATTACH");
        if (!attach) _c.Next();
        _c.Next();
        var partition = TableName();
        if (!attach)
        {
            SkipAction();
            return new DetachPartitionAction(at, partition);
        }

        var isDefault = _c.TryWord("DEFAULT");
        SkipAction();
        return new AttachPartitionAction(at, partition, isDefault);
    }

    /// <summary>PostgreSQL <c>LIKE source [{INCLUDING | EXCLUDING} option ...]</c> in a CREATE TABLE's list.</summary>
    private TableLikeSpec LikeClause(int position)
    {
        var at = _c.Next();
        var source = TableName();
        var options = TableLikeOptions.None;
        while (_c.IsWord("INCLUDING") || _c.IsWord("EXCLUDING"))
        {
            var including = _c.TryWord("INCLUDING");
            if (!including) _c.Next();
            var option = SqlTokenText.Raw(_c.Source, _c.Next()).ToUpperInvariant() switch
            {
                "DEFAULTS" => TableLikeOptions.Defaults,
                "CONSTRAINTS" => TableLikeOptions.Constraints,
                "INDEXES" => TableLikeOptions.Indexes,
                "IDENTITY" => TableLikeOptions.Identity,
                "GENERATED" => TableLikeOptions.Generated,
                "ALL" => TableLikeOptions.All,
                _ => TableLikeOptions.None, // COMMENTS, COMPRESSION, STATISTICS, STORAGE: nothing tracked.
            };
            options = including ? options | option : options & ~option;
        }

        return new TableLikeSpec(at, source, options, position);
    }

    private TypeSpec PartitionColumnType()
    {
        _c.TryWords("WITH", "OPTIONS");
        return ParentsType;
    }
}
