using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Temporary tables, tracked by name for the length of one migration so that statements about
/// them are understood and never touch the catalog. They shadow a permanent table of the same
/// name: PostgreSQL looks in <c>pg_temp</c> first for a name written without a schema (a name
/// written with one, such as <c>public.t</c>, is the permanent table); MySQL always takes the
/// temporary table first.
/// </summary>
internal static class TemporaryTables
{
    private const string PostgresTemporarySchema = "pg_temp";

    /// <summary>Whether a CREATE TABLE puts the table in PostgreSQL's temporary schema.</summary>
    public static bool IsTemporarySchema(QualifiedName name, ApplyContext context)
        => context.IsPostgres && name.Schema == PostgresTemporarySchema;

    /// <summary>Whether <paramref name="name"/>, as <paramref name="statement"/> writes it, is a temporary table of this migration.</summary>
    public static bool Names(QualifiedName name, SqlStatement statement, ApplyContext context)
        => context.TemporaryTables.Contains(name.Name)
           && (!context.IsPostgres || name.Schema == PostgresTemporarySchema || statement.UnqualifiedTables?.Contains(name) == true);

    public static Catalog Create(Catalog catalog, CreateTemporaryTableStatement s, ApplyContext context)
    {
        if (!context.TemporaryTables.Add(s.Name) && !s.IfNotExists)
        {
            context.Error(DiagnosticCodes.TableExists, $"Temporary table {context.Show(s.Name)} already exists in this migration; this CREATE TEMPORARY TABLE would fail. Write IF NOT EXISTS, or drop it first.", s.At);
        }

        return catalog;
    }

    /// <summary>ALTER TABLE of a temporary table: only a rename matters, to keep following it.</summary>
    public static Catalog Alter(Catalog catalog, AlterTableStatement s, ApplyContext context)
    {
        foreach (var rename in s.Actions.OfType<RenameTableAction>())
        {
            if (rename.NewName.Name.Length == 0) continue; // SET SCHEMA: PostgreSQL refuses to move a temporary table.
            context.TemporaryTables.Remove(s.Name.Name);
            context.TemporaryTables.Add(rename.NewName.Name);
        }

        return catalog;
    }

    /// <summary>Drops the named temporary tables and returns the statement for the permanent ones left.</summary>
    public static DropTableStatement DropTemporary(DropTableStatement s, ApplyContext context)
    {
        var permanent = new List<QualifiedName>();
        foreach (var name in s.Names)
        {
            if (Names(name, s, context)) context.TemporaryTables.Remove(name.Name);
            else if (!s.Temporary) permanent.Add(name);
            else if (!s.IfExists) context.Error(DiagnosticCodes.TableNotFound, $"DROP TEMPORARY TABLE names {context.Show(name)}, but this migration creates no such temporary table (temporary tables end with the session). Write DROP TEMPORARY TABLE IF EXISTS, or fix the name.", s.At);
        }

        return permanent.Count == s.Names.Count ? s : s with { Names = permanent };
    }

    /// <summary>MySQL RENAME TABLE of temporary tables: followed by name; the rest is returned for the catalog.</summary>
    public static RenameTablesStatement RenameTemporary(RenameTablesStatement s, ApplyContext context)
    {
        var permanent = new List<(QualifiedName, QualifiedName)>();
        foreach (var (from, to) in s.Renames)
        {
            if (Names(from, s, context))
            {
                context.TemporaryTables.Remove(from.Name);
                context.TemporaryTables.Add(to.Name);
            }
            else
            {
                permanent.Add((from, to));
            }
        }

        return permanent.Count == s.Renames.Count ? s : s with { Renames = permanent };
    }
}
