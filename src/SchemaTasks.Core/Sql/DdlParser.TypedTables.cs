using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's typed tables: CREATE TABLE t OF type.
internal sealed partial class DdlParser
{
    /// <summary>
    /// <c>CREATE TABLE t OF type [(column [WITH OPTIONS] options | table constraint, ...)]</c>:
    /// the columns are the composite type's attributes (<see cref="TypedTables"/>), the list gives
    /// only their options and the table's constraints, as a partition's list does.
    /// </summary>
    private CreateTableStatement TypedTable(SqlToken at, QualifiedName name, bool ifNotExists)
    {
        var ofAt = _c.Next();
        var type = _c.QualifiedName();
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

        // WITH (...), ON COMMIT, TABLESPACE: nothing tracked; PARTITION BY makes it partitioned.
        var partitioned = false;
        PartitionKey? key = null;
        while (!_c.AtEnd)
        {
            if (_c.IsWord("PARTITION") && _c.IsWord("BY", 1))
            {
                (partitioned, key) = (true, PartitionBy());
                continue;
            }

            if (_c.IsSymbol('(')) _c.Parenthesised();
            else _c.Next();
        }

        return new CreateTableStatement(at, name, ifNotExists, false, columns, constraints) { OfType = type, OfTypeAt = ofAt, Partitioned = partitioned, PartitionKey = key };
    }
}
