using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A foreign key <c>ON DELETE SET NULL</c> or <c>ON UPDATE SET NULL</c> needs every referencing
/// column nullable. Checked on MariaDB 10.11: a statement that makes such a foreign key over a NOT
/// NULL column (a PRIMARY KEY's columns included) is refused with error 1005, errno 150; one that
/// makes a column of a kept SET NULL foreign key NOT NULL (MODIFY, CHANGE, ADD PRIMARY KEY) with
/// error 1830; both even with <c>foreign_key_checks = 0</c>. A statement that also drops the
/// foreign key is let through. MySQL 8's manual states the rule; its error reference names 1830
/// (<c>ER_FK_COLUMN_NOT_NULL</c>) for both, and nothing is reported under <c>mysql</c> while
/// <c>foreign_key_checks = 0</c> is in force, which the manual does not cover.
/// </summary>
internal static class MySqlSetNullForeignKeys
{
    /// <summary>
    /// Whether the statement that turned table <paramref name="name"/> from <paramref name="before"/>
    /// (<see langword="null"/> when it creates it) into <paramref name="after"/> leaves a SET NULL
    /// foreign key over a NOT NULL column; reported at the action that made it so, else at <paramref name="at"/>.
    /// </summary>
    public static bool Refuses(QualifiedName name, CatalogTable? before, CatalogTable after, AlterTableStatement? alter, SqlToken at, ApplyContext context)
    {
        var dialect = context.Rules.Dialect;
        if (!dialect.IsMySqlFamily() || (dialect == SqlDialect.MySql && context.Session.ForeignKeyChecksOff)) return false;
        foreach (var (fkName, fk) in after.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (fk.Kind != ConstraintKind.ForeignKey || fk.References is not { SetsNull: true } target) continue;
            if (fk.Columns.Select(c => after.FindColumn(c, dialect)).FirstOrDefault(c => c is { IsNullable: false }) is not { } notNull) continue;
            var made = before is null || !ForeignKeyChecks.Existed(before, fkName, target);
            var error = made && dialect == SqlDialect.MariaDb ? "MariaDB error 1005, errno 150, Foreign key constraint is incorrectly formed" : "error 1830, Column cannot be NOT NULL: needed in a foreign key constraint SET NULL";
            var why = made
                ? $"foreign key {context.Show(fkName)} of {context.Show(name)} is ON DELETE/UPDATE SET NULL, but its column {context.Show(notNull.Name)} is NOT NULL"
                : $"this statement makes column {context.Show(notNull.Name)} of {context.Show(name)} NOT NULL, and foreign key {context.Show(fkName)} over it is ON DELETE/UPDATE SET NULL";
            var fix = made
                ? "Make the column nullable, or choose another action (CASCADE, RESTRICT)"
                : $"Keep the column nullable, or drop the foreign key first (ALTER TABLE {context.Show(name)} DROP FOREIGN KEY {context.Show(fkName)}) and add it again with another action";
            var always = dialect == SqlDialect.MariaDb ? ", even with foreign_key_checks = 0" : string.Empty;
            context.Error(DiagnosticCodes.KeyNeededByForeignKey, $"The server refuses this statement: {why} ({error}){always}. {fix}.", Where(alter, notNull.Name, at, context));
            return true;
        }

        return false;
    }

    // The action of an ALTER TABLE that redefines the column, else the statement.
    private static SqlToken Where(AlterTableStatement? alter, string column, SqlToken at, ApplyContext context)
        => alter?.Actions.OfType<ReplaceColumnAction>().FirstOrDefault(a => context.Rules.ColumnComparer.Equals(a.Definition.Name, column))?.At ?? at;
}
