using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A generated column depends on the columns its expression uses, and each server guards them:
/// PostgreSQL refuses to change such a column's type (SQLSTATE 0A000) and to drop it without
/// CASCADE (2BP01; CASCADE drops the generated column too), dropping in statement order; MySQL
/// (error 3108) and MariaDB (1054) refuse to drop it unless the generated columns that use it go
/// in the same statement. A rename is followed by the expression in PostgreSQL and MariaDB;
/// MySQL refuses it (3108). Checked on PostgreSQL 15 and MariaDB 10.11.
/// </summary>
internal static class GeneratedColumnDependencies
{
    /// <summary>PostgreSQL ALTER COLUMN ... TYPE: whether a generated column's use of <paramref name="column"/> makes the server refuse (reported).</summary>
    public static bool RefusesTypeChange(CatalogTable table, string column, SqlToken at, ApplyContext context)
    {
        if (!context.IsPostgres || Users(table, column, [], context.Rules).FirstOrDefault() is not { } user) return false;
        context.Error(
            DiagnosticCodes.GeneratedColumnDependsOnColumn,
            $"PostgreSQL refuses to change the type of column {context.Show(column)} of {context.Show(table.Name)}: generated column {context.Show(user.Name)} uses it (SQLSTATE 0A000). Drop the generated column first and add it again after, or change its expression so that it no longer uses {context.Show(column)}.",
            at);
        return true;
    }

    /// <summary>
    /// DROP COLUMN of <paramref name="dropped"/>: the table without the generated columns that go
    /// with it (PostgreSQL's CASCADE), or <see langword="null"/>, reported, when the server refuses.
    /// </summary>
    /// <param name="table">The table before the drop.</param>
    /// <param name="dropped">The column dropped, as the table names it.</param>
    /// <param name="droppedTogether">The columns the same ALTER TABLE drops (MySQL and MariaDB check them together).</param>
    /// <param name="cascade">Whether the drop says CASCADE (PostgreSQL).</param>
    /// <param name="at">Where the drop is written.</param>
    /// <param name="context">The statement's context.</param>
    public static CatalogTable? BeforeDrop(CatalogTable table, string dropped, IReadOnlyCollection<string> droppedTogether, bool cascade, SqlToken at, ApplyContext context)
    {
        var users = Users(table, dropped, context.IsPostgres ? [] : droppedTogether, context.Rules);
        if (users.Count == 0) return table;
        if (context.IsPostgres && cascade)
        {
            var gone = users.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
            return table with { Columns = table.Columns.RemoveAll(c => gone.Contains(c.Name)) };
        }

        var refusal = context.Rules.Dialect switch
        {
            SqlDialect.Postgres => $"SQLSTATE 2BP01, other objects depend on it). Drop {context.Show(users[0].Name)} first, or add CASCADE to drop it with the column",
            SqlDialect.MariaDb => $"error 1054, unknown column in GENERATED ALWAYS AS). Drop {context.Show(users[0].Name)} in the same ALTER TABLE, or first",
            _ => $"error 3108, the column has a generated column dependency). Drop {context.Show(users[0].Name)} in the same ALTER TABLE, or first",
        };
        context.Error(
            DiagnosticCodes.GeneratedColumnDependsOnColumn,
            $"{context.Rules.Dialect.ServerName()} refuses to drop column {context.Show(dropped)} of {context.Show(table.Name)}: generated column {context.Show(users[0].Name)} uses it ({refusal}.",
            at);
        return null;
    }

    /// <summary>
    /// A rename of <paramref name="old"/> to <paramref name="newName"/>: the table whose generated
    /// columns follow it, or <see langword="null"/>, reported, when MySQL refuses the rename.
    /// </summary>
    public static CatalogTable? BeforeRename(CatalogTable table, string old, string newName, SqlToken at, ApplyContext context)
    {
        var comparer = context.Rules.ColumnComparer;
        if (comparer.Equals(old, newName)) return table;
        var users = Users(table, old, [], context.Rules);
        if (users.Count == 0) return table;
        if (context.Rules.Dialect == SqlDialect.MySql)
        {
            context.Error(
                DiagnosticCodes.GeneratedColumnDependsOnColumn,
                $"{SqlDialect.MySql.ServerName()} refuses to rename column {context.Show(old)} of {context.Show(table.Name)}: generated column {context.Show(users[0].Name)} uses it (error 3108, the column has a generated column dependency; MariaDB follows the rename). Drop the generated column first and add it again after with the new name.",
                at);
            return null;
        }

        return table with
        {
            Columns = table.Columns.Select(c => c.GeneratedFrom is { } names && names.Contains(old) ? c with { GeneratedFrom = names.Remove(old).Add(newName) } : c).ToImmutableArray(),
        };
    }

    // The generated columns, other than the column itself and those dropped with it, whose expression uses it.
    private static List<CatalogColumn> Users(CatalogTable table, string column, IReadOnlyCollection<string> droppedTogether, IdentifierRules rules)
    {
        var comparer = rules.ColumnComparer;
        return table.Columns
            .Where(c => c.GeneratedFrom is { } names && names.Contains(column) && !comparer.Equals(c.Name, column) && !droppedTogether.Contains(c.Name, comparer))
            .ToList();
    }
}
