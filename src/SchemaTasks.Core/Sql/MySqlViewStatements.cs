using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// MySQL and MariaDB <c>CREATE [OR REPLACE] VIEW</c> and <c>ALTER VIEW</c>: the view's name, which
/// shares the tables' namespace, and the tables and views its query reads, which must exist.
/// </summary>
/// <param name="At">Where the statement starts.</param>
/// <param name="Name">The view.</param>
/// <param name="Alter">ALTER VIEW: the view must exist, and takes the new query.</param>
/// <param name="OrReplace">OR REPLACE: an existing view takes the new query.</param>
/// <param name="IfNotExists">IF NOT EXISTS (MariaDB): a table or view of the name makes the server skip the statement.</param>
/// <param name="Reads">The tables and views the query names after FROM and JOIN, with where each is written: no CTE, no derived table, no name of a system database.</param>
internal sealed record MySqlCreateViewStatement(SqlToken At, QualifiedName Name, bool Alter, bool OrReplace, bool IfNotExists, IReadOnlyList<(QualifiedName Name, SqlToken At)> Reads) : SqlStatement(At);

/// <summary>MySQL and MariaDB <c>DROP VIEW [IF EXISTS] v [, ...] [RESTRICT | CASCADE]</c>.</summary>
internal sealed record MySqlDropViewStatement(SqlToken At, IReadOnlyList<QualifiedName> Names, bool IfExists) : SqlStatement(At);
