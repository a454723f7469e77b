namespace SchemaTasks.Sql;

// MySQL's partitioning clause, at the end of CREATE TABLE or ALTER TABLE. The engine keeps no
// partitions, but every unique key of the table must hold the columns its partitioning functions
// use (error 1503), which MySqlPartitionKeys checks against the table the statement leaves.
internal sealed partial class DdlParser
{
    private bool IsMySqlPartitioning()
        => (_c.IsWord("PARTITION") && _c.IsWord("BY", 1)) || (_c.IsWord("REMOVE") && _c.IsWord("PARTITIONING", 1));

    /// <summary>
    /// <c>PARTITION BY [LINEAR] HASH (expr) | [LINEAR] KEY [ALGORITHM = n] (columns) | RANGE | LIST
    /// ((expr) | COLUMNS (columns)) | SYSTEM_TIME ... [PARTITIONS n] [SUBPARTITION BY ...]
    /// [(definitions)]</c>, or <c>REMOVE PARTITIONING</c>: the names the partitioning and
    /// subpartitioning functions use, functions' own names left out (empty for REMOVE
    /// PARTITIONING, SYSTEM_TIME and <c>KEY ()</c>, which takes the primary key). Reads to the end.
    /// </summary>
    private IReadOnlyList<string> MySqlPartitioning()
    {
        var names = new List<string>();
        if (_c.TryWord("REMOVE"))
        {
            _c.Next();
            return names;
        }

        while (!_c.AtEnd)
        {
            if (_c.TryWords("PARTITION", "BY") || _c.TryWords("SUBPARTITION", "BY"))
            {
                if (_c.IsWord("SYSTEM_TIME")) continue; // Partitions by row versions: no column.
                while (!_c.AtEnd && !_c.IsSymbol('(')) _c.Next(); // LINEAR, HASH, KEY ALGORITHM = 2, RANGE COLUMNS
                if (_c.AtEnd) break;
                var (start, end) = _c.Parenthesised();
                for (var i = start; i < end; i++)
                {
                    var token = _c.Tokens[i];
                    if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
                    if (i + 1 < end && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '(')) continue; // A function.
                    names.Add(_rules.Name(_c.Source, token));
                }

                continue;
            }

            if (_c.IsSymbol('(')) _c.Parenthesised(); // The partitions' definitions.
            else _c.Next();
        }

        return names;
    }
}
