using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB before 12.1 names a foreign key written without a name <c>table_ibfk_N</c>, as MySQL
/// does; MariaDB 12.1 and later name it with a bare number (<c>1</c>, <c>2</c>, ...; MDEV-28933).
/// The snapshot follows the older servers, which the differential tests run, so a migration that
/// drops such a key by its generated name works there and not on a newer server: there the drop
/// fails (error 1091), or, with <c>IF EXISTS</c>, drops nothing and leaves the key in place for
/// the statements after it to trip over. Which server runs the migrations is not known when they
/// are read, so this is a warning, given where a migration depends on the old name.
/// </summary>
internal static class MariaDbGeneratedForeignKeyNames
{
    /// <summary>Whether the server chose the name of a foreign key this dialect adds without one.</summary>
    public static bool Generates(ConstraintSpec spec, SqlDialect dialect)
        => dialect == SqlDialect.MariaDb && spec.Kind == ConstraintKind.ForeignKey && spec.Name is null;

    /// <summary>Reports <paramref name="drop"/> when it names a foreign key by the name MariaDB before 12.1 generated for it.</summary>
    public static void WarnOnDropByGeneratedName(CatalogTable table, DropConstraintAction drop, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || !table.Keys.TryGetValue(drop.Name, out var key) || !key.NameGenerated) return;
        var name = context.Show(drop.Name);
        var outcome = drop.IfExists
            ? "drops nothing there and leaves the foreign key in place"
            : "fails there (error 1091)";
        context.Warning(
            DiagnosticCodes.MariaDbGeneratedForeignKeyName,
            $"{name} is the name MariaDB before 12.1 gives the foreign key of {context.Show(table.Name)} that was created without a name; MariaDB 12.1 and later name it with a number (1, 2, ...), so this drop {outcome}. If the migrations may run on MariaDB 12.1 or later, give the foreign key a name where it is created (CONSTRAINT <name> FOREIGN KEY ...) and drop it by that name.",
            drop.At);
    }
}
