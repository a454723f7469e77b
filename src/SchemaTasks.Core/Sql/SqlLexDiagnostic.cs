namespace SchemaTasks.Sql;

/// <summary>A problem found while lexing, located in the migration file.</summary>
internal readonly record struct SqlLexDiagnostic(string Code, string Message, int Line, int Column);
