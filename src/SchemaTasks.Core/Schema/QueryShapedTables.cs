using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Tables created from a query (PostgreSQL's <c>SELECT ... INTO name</c>, <c>CREATE TABLE name AS
/// SELECT ...</c> of a shape not modelled, MySQL's <c>CREATE TABLE name [AS] SELECT ...</c>), whose
/// columns SchemaTasks cannot know. Histories make such scratch tables to copy rows aside, then
/// drop them: that is no error. The table is one of <see cref="ApplyContext.UnknownShapes"/>,
/// left out of the snapshot; a later statement that depends on its columns (an ALTER TABLE other
/// than a rename, an index, a foreign key to it, a table created under its name, a DO block or
/// routine call that names it) is ST3157, once, naming where the table was made. Shared by the
/// whole run.
/// </summary>
internal sealed class QueryShapedTables
{
    // Each table still there, with where and by what it was made.
    private readonly Dictionary<QualifiedName, string> _made = [];

    public int Count => _made.Count;

    /// <summary>Records a table made from a query at <paramref name="where"/> (<c>SELECT ... INTO at m.sql(2,1)</c>).</summary>
    public void Made(QualifiedName table, string where) => _made[table] = where;

    /// <summary>
    /// Follows a parsed statement: a drop forgets the table, a rename moves it, and a statement
    /// that depends on its columns is reported (ST3157); true when the statement must not be applied.
    /// </summary>
    public bool Check(SqlStatement statement, ApplyContext context)
    {
        switch (statement)
        {
            case DropTableStatement drop:
                foreach (var name in drop.Names) _made.Remove(name);
                return false;
            case RenameTablesStatement rename:
                foreach (var (from, to) in rename.Renames) Move(from, to);
                return false;
            case AlterTableStatement alter when _made.ContainsKey(alter.Name) && alter.Actions.All(a => a is RenameTableAction):
                foreach (var action in alter.Actions.OfType<RenameTableAction>()) Move(alter.Name, action.Target(alter.Name, context.IsPostgres));
                return false;
            case AlterTableStatement alter when _made.ContainsKey(alter.Name):
                Report(alter.Name, "ALTER TABLE", alter.At, context);
                return false;
            case AlterTableStatement alter:
                foreach (var action in alter.Actions)
                {
                    var constraints = action switch
                    {
                        AddConstraintAction add => [add.Constraint],
                        AddColumnAction add => add.Column.Constraints,
                        AddColumnsAction add => add.Columns.SelectMany(c => c.Column.Constraints),
                        _ => [],
                    };
                    foreach (var constraint in constraints) ReportReference(constraint, alter.At, context);
                }

                return false;
            case CreateIndexStatement index when _made.ContainsKey(index.Table):
                Report(index.Table, "CREATE INDEX", index.At, context);
                return false;
            case CreateUniqueIndexStatement index when _made.ContainsKey(index.Table):
                Report(index.Table, "CREATE UNIQUE INDEX", index.At, context);
                return false;
            case CreateTableStatement create when _made.ContainsKey(create.Name):
                return Exists(create.Name, create.IfNotExists, create.At, context);
            case CreateTableCopyStatement create when _made.ContainsKey(create.Name):
                return Exists(create.Name, create.IfNotExists, create.At, context);
            case CreateTableLikeStatement create when _made.ContainsKey(create.Name):
                return Exists(create.Name, create.IfNotExists, create.At, context);
            case CreateTableStatement create:
                foreach (var constraint in create.Constraints.Concat(create.Columns.SelectMany(c => c.Constraints))) ReportReference(constraint, create.At, context);
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// A DO block, procedure call or dynamic SQL about to run: one that names a table made from a
    /// query (it may test whether it exists, or change it) is reported, since what it does could
    /// depend on what SchemaTasks does not know.
    /// </summary>
    /// <param name="text">The text run: the statement's, or the body of the routine it calls.</param>
    /// <param name="what">The statement, for the message (<c>DO block</c>, <c>CALL</c>).</param>
    /// <param name="at">Where the statement starts.</param>
    /// <param name="context">The statement's context.</param>
    public void CheckNamed(ReadOnlySpan<char> text, string what, SqlToken at, ApplyContext context)
    {
        if (_made.Count == 0) return;
        foreach (var table in _made.Keys.ToList())
        {
            if (text.IndexOf(table.Name.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0) Report(table, $"{what}, which names it,", at, context);
        }
    }

    private void Move(QualifiedName from, QualifiedName to)
    {
        if (!_made.Remove(from, out var where)) return;
        _made[to] = where;
    }

    // A table of the name is there: the server refuses the CREATE (42P07 / 1050), or IF NOT EXISTS skips it.
    private bool Exists(QualifiedName name, bool ifNotExists, SqlToken at, ApplyContext context)
    {
        if (!ifNotExists)
        {
            context.Error(DiagnosticCodes.TableExists, $"Table {context.Show(name)} already exists: {_made[name]} made it from a query and no DROP TABLE came since, so this CREATE TABLE fails ({(context.IsPostgres ? "SQLSTATE 42P07" : "error 1050")}). Drop it first, or write CREATE TABLE IF NOT EXISTS.", at);
        }

        return true;
    }

    private void ReportReference(ConstraintSpec constraint, SqlToken at, ApplyContext context)
    {
        if (constraint.References is { } target && _made.ContainsKey(target.Table)) Report(target.Table, "FOREIGN KEY", at, context);
    }

    private void Report(QualifiedName table, string what, SqlToken at, ApplyContext context)
    {
        var where = _made[table];
        _made.Remove(table); // Reported once; the table stays passed over, as any of unknown shape.
        context.Error(
            DiagnosticCodes.QueryShapedTableUsed,
            $"Cannot tell what this {what} does with table {context.Show(table)}: {where} made it with the columns of its query, which SchemaTasks cannot know, so the schema after this would be a guess. Declare the table's columns with CREATE TABLE {context.Show(table)} (...) and fill it with INSERT INTO {context.Show(table)} SELECT ..., or drop it before statements that depend on its columns. The snapshot leaves {context.Show(table)} out.",
            at);
    }
}
