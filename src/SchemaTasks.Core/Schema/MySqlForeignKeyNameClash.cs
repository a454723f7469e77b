using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// InnoDB keeps foreign key names unique in a database, not per table, and compares them without
/// regard to case: a foreign key named like another table's foreign key (given or generated) is
/// refused by MySQL 8 (error 1826) and by MariaDB before 12.1 (error 1005, errno 121; checked on
/// MariaDB 10.11). MariaDB 12.1 and later keep the names per table (MDEV-28933) and accept it;
/// which server runs the migrations is not known when they are read, so for MariaDB it is a
/// warning. Keys, unique or CHECK constraints of the same name elsewhere do not clash.
/// </summary>
internal static class MySqlForeignKeyNameClash
{
    /// <summary>Whether the server refuses a foreign key named <paramref name="name"/> on <paramref name="table"/>; reported either way.</summary>
    public static bool Refuses(Catalog catalog, CatalogTable table, string name, SqlToken at, ApplyContext context)
    {
        if (!context.Rules.Dialect.IsMySqlFamily() || Holder(catalog, table.Name, name) is not { } holder) return false;
        var shown = context.Show(name);
        if (context.Rules.Dialect == SqlDialect.MySql)
        {
            context.Error(
                DiagnosticCodes.ConstraintExists,
                $"Foreign key {shown} of {context.Show(table.Name)} has the name of a foreign key of {context.Show(holder)}; MySQL keeps foreign key names unique in the whole database and refuses it (error 1826). Give it another name.",
                at);
            return true;
        }

        context.Warning(
            DiagnosticCodes.ForeignKeyNameInUse,
            $"Foreign key {shown} of {context.Show(table.Name)} has the name of a foreign key of {context.Show(holder)}. MariaDB before 12.1 keeps foreign key names unique in the whole database and refuses it (error 1005, errno 121); 12.1 and later accept it. Give it another name if the migrations may run on MariaDB before 12.1.",
            at);
        return false;
    }

    // The other table of the same database with a foreign key of that name, if any.
    private static QualifiedName? Holder(Catalog catalog, QualifiedName table, string name)
    {
        foreach (var other in catalog.Tables.Values)
        {
            if (other.Name == table || other.Name.Schema != table.Schema) continue;
            foreach (var (key, value) in other.Keys)
            {
                if (value.Kind == ConstraintKind.ForeignKey && string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return other.Name;
            }
        }

        return null;
    }
}
