namespace SchemaTasks.Migrations;

/// <summary>A place where a migration tool that splits files by lines ends a statement it sends.</summary>
/// <param name="At">Where the statement the tool sends stops: the end of the line, or the start of a <c>StatementEnd</c> line.</param>
/// <param name="Mark">Where to point a diagnostic: the semicolon the tool saw, or the <c>StatementEnd</c> line.</param>
/// <param name="AtBlockEnd">Whether the end is a <c>StatementEnd</c> annotation rather than a semicolon.</param>
internal readonly record struct ToolStatementEnd(int At, int Mark, bool AtBlockEnd);
