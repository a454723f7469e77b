namespace SchemaTasks.Sql;

/// <summary>The tokens <c>[Start, End)</c> of one statement, terminator excluded.</summary>
internal readonly record struct SqlStatementRange(int Start, int End);
