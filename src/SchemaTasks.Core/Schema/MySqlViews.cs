using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL and MariaDB views, kept by name among the relations (<see cref="RelationNames"/>, kind
/// <c>v</c>, never in the snapshot): a view takes a name in the tables' namespace, reads tables
/// that must exist when it is created, and is no table to ALTER, index or DROP TABLE. What the
/// server refuses is reported with its error number (checked on MariaDB 10.11; MySQL 8's
/// numbers from its manual).
/// </summary>
internal static class MySqlViews
{
    private const char View = 'v';

    /// <summary>Whether <paramref name="name"/> is a view the migrations created.</summary>
    public static bool IsView(Catalog catalog, QualifiedName name)
        => catalog.Relations.Named.TryGetValue(name, out var relation) && relation.Kind == View;

    /// <summary>CREATE [OR REPLACE] VIEW and ALTER VIEW.</summary>
    public static Catalog Create(Catalog catalog, MySqlCreateViewStatement s, ApplyContext context)
    {
        var verb = s.Alter ? "ALTER VIEW" : "CREATE VIEW";

        // The server reads the query before it looks at the name.
        foreach (var (read, at) in s.Reads)
        {
            if (catalog.Tables.ContainsKey(read) || IsView(catalog, read) || context.IsPassedOver(read) || context.TemporaryTables.Contains(read.Name)) continue;
            if (context.Rules.Dialect == SqlDialect.MariaDb && MySqlViewQueryTables.IsMariaDbSequenceTable(read.Name)) continue;
            context.Error(
                DiagnosticCodes.TableNotFound,
                $"{verb} {context.Show(s.Name)} reads {context.Show(read)}, which no earlier migration creates (or it was renamed or dropped), so the server refuses it (error 1146, Table doesn't exist). Fix the name, or create the table first.",
                at);
            return catalog;
        }

        var isTable = catalog.Tables.ContainsKey(s.Name);
        var isView = IsView(catalog, s.Name);
        if (isView && (s.Alter || s.OrReplace || s.IfNotExists)) return catalog; // The view takes the new query, or (IF NOT EXISTS) stays.
        if (isTable && s.IfNotExists) return catalog; // A note (1050), and nothing done.
        if (s.Alter || (isTable && s.OrReplace))
        {
            if (isTable)
            {
                context.Error(
                    s.Alter ? DiagnosticCodes.TableNotFound : DiagnosticCodes.TableExists,
                    $"{verb} {context.Show(s.Name)}: {context.Show(s.Name)} is a table, not a view, so the server refuses it (error 1347, is not of type 'VIEW'). Choose another name for the view, or drop the table first.",
                    s.At);
            }
            else if (!context.IsPassedOver(s.Name))
            {
                context.Error(
                    DiagnosticCodes.TableNotFound,
                    $"ALTER VIEW names {context.Show(s.Name)}, but no earlier migration creates it (or it was renamed or dropped), so the server refuses it (error 1146, Table doesn't exist). Fix the name, or write CREATE OR REPLACE VIEW.",
                    s.At);
            }

            return catalog;
        }

        if (isTable || isView)
        {
            context.Error(
                DiagnosticCodes.TableExists,
                $"CREATE VIEW {context.Show(s.Name)}: a {(isTable ? "table" : "view")} of that name already exists, and views share the tables' names, so the server refuses it (error 1050, Table already exists). Choose another name, write CREATE OR REPLACE VIEW to replace a view, or drop the {(isTable ? "table" : "view")} first.",
                s.At);
            return catalog;
        }

        if (context.IsPassedOver(s.Name)) return catalog; // A table whose columns are unknown may hold the name.
        return catalog.WithRelations(catalog.Relations with { Named = catalog.Relations.Named.Add(s.Name, new NamedRelation(View)) });
    }

    /// <summary>DROP VIEW: each name must be a view, unless IF EXISTS.</summary>
    public static Catalog Drop(Catalog catalog, MySqlDropViewStatement s, ApplyContext context)
    {
        foreach (var name in s.Names)
        {
            if (IsView(catalog, name) || s.IfExists || context.IsPassedOver(name)) continue;
            var what = catalog.Tables.ContainsKey(name) ? $"{context.Show(name)} is a table, not a view" : $"no earlier migration creates a view {context.Show(name)} (or it was renamed or dropped)";
            context.Error(
                DiagnosticCodes.TableNotFound,
                $"DROP VIEW {context.Show(name)}: {what}, so the server refuses it (MariaDB: error 4092, Unknown VIEW; MySQL 8: error 1051, Unknown table). Fix the name, use DROP TABLE for a table, or write DROP VIEW IF EXISTS.",
                s.At);
            return catalog;
        }

        var named = catalog.Relations.Named.RemoveRange(s.Names.Where(n => IsView(catalog, n)));
        return named.Count == catalog.Relations.Named.Count ? catalog : catalog.WithRelations(catalog.Relations with { Named = named });
    }

    /// <summary>
    /// A statement about a table that names a view: ALTER TABLE, CREATE or DROP INDEX (error
    /// 1347), DROP TABLE (1965), CREATE TABLE of the view's name (1050). Returns whether the
    /// statement is done with: refused, or skipped by IF NOT EXISTS.
    /// </summary>
    public static bool RefusesAsTable(Catalog catalog, SqlStatement statement, ApplyContext context)
    {
        switch (statement)
        {
            case AlterTableStatement s when IsView(catalog, s.Name):
                context.Error(
                    DiagnosticCodes.TableNotFound,
                    $"ALTER TABLE (or CREATE or DROP INDEX) names {context.Show(s.Name)}, which is a view, so the server refuses it (error 1347, is not of type 'BASE TABLE'). Change the tables the view reads, or ALTER VIEW {context.Show(s.Name)} AS a new query.",
                    s.At);
                return true;
            case DropTableStatement { IfExists: false } s when s.Names.Any(n => IsView(catalog, n)):
                var view = s.Names.First(n => IsView(catalog, n));
                context.Error(
                    DiagnosticCodes.TableNotFound,
                    $"DROP TABLE names {context.Show(view)}, which is a view, so the server refuses it (MariaDB: error 1965, is a view; MySQL 8: error 1051, Unknown table). Write DROP VIEW {context.Show(view)}.",
                    s.At);
                return true;
            case CreateTableStatement { OrReplace: false } s when IsView(catalog, s.Name):
                return Taken(s.Name, s.IfNotExists, s.At, context);
            case CreateTableLikeStatement { OrReplace: false } s when IsView(catalog, s.Name):
                return Taken(s.Name, s.IfNotExists, s.At, context);
            case CreateTableCopyStatement s when IsView(catalog, s.Name):
                return Taken(s.Name, s.IfNotExists, s.At, context);
            default:
                return false;
        }
    }

    /// <summary>
    /// RENAME TABLE of a view, or to a view's name: the view takes the new name, or the server
    /// refuses a name taken (error 1050). <see langword="null"/> when neither name is a view's.
    /// </summary>
    public static Catalog? Rename(Catalog catalog, QualifiedName from, QualifiedName to, ApplyContext context, SqlToken at)
    {
        var fromView = IsView(catalog, from);
        if (!fromView && !IsView(catalog, to)) return null;
        if (from == to) return catalog;
        if (catalog.Tables.ContainsKey(to) || IsView(catalog, to))
        {
            context.Error(
                DiagnosticCodes.TableExists,
                $"{(fromView ? "View" : "Table")} {context.Show(from)} cannot be renamed to {context.Show(to)}: a {(IsView(catalog, to) ? "view" : "table")} of that name already exists, and views share the tables' names (error 1050, Table already exists). Choose another name, or drop it first.",
                at);
            return catalog;
        }

        var relation = catalog.Relations.Named[from];
        return catalog.WithRelations(catalog.Relations with { Named = catalog.Relations.Named.Remove(from).Add(to, relation) });
    }

    private static bool Taken(QualifiedName name, bool ifNotExists, SqlToken at, ApplyContext context)
    {
        if (!ifNotExists)
        {
            context.Error(
                DiagnosticCodes.TableExists,
                $"CREATE TABLE {context.Show(name)}: a view of that name already exists, and views share the tables' names, so the server refuses it (error 1050, Table already exists). Choose another name, or drop the view first.",
                at);
        }

        return true;
    }
}
