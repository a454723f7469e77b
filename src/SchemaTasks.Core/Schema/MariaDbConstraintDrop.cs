using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB refuses <c>DROP CONSTRAINT</c> (and <c>DROP FOREIGN KEY</c>) of a name the table has no
/// constraint of (error 1091, Can't DROP CONSTRAINT ...; check that it exists; checked on 10.11),
/// a plain index's name included. The engine knows every constraint of a table the migrations
/// created, under the names the server gives unnamed ones (<see cref="ConstraintNames"/>: a
/// column's CHECK after its column, a table's <c>CONSTRAINT_1</c>, <c>CONSTRAINT_2</c>, ...), so
/// there a missing name is the server's refusal. A table read from a snapshot, or one whose shape
/// the engine passed over, may have constraints it does not know: a missing name there stays a
/// warning; so does a bare number on a table with an unnamed foreign key, which MariaDB 12.1 and
/// later name so.
/// </summary>
internal static class MariaDbConstraintDrop
{
    /// <summary>Reports the drop of a constraint <paramref name="table"/> does not have when MariaDB refuses it; <see langword="true"/> then.</summary>
    public static bool RefusesMissing(CatalogTable table, DropConstraintAction drop, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || !table.IndexesKnown || context.IsPassedOver(table.Name)) return false;
        if (IsNumber(drop.Name) && table.Keys.Values.Any(k => k.NameGenerated)) return false; // MariaDB 12.1's name of an unnamed foreign key (MariaDbGeneratedForeignKeyNames).
        var what = drop.Kind == ConstraintKind.ForeignKey ? "FOREIGN KEY" : "CONSTRAINT";
        context.Error(
            DiagnosticCodes.ConstraintNotFound,
            $"MariaDB refuses to drop {what} {context.Show(drop.Name)}: table {context.Show(table.Name)} has no constraint of that name (error 1091, Can't DROP {what}; check that it exists). Its constraints are {AlterTableActions.KnownConstraints(table, context)}; an unnamed CHECK is named after its column when written in the column's definition, else CONSTRAINT_1, CONSTRAINT_2, ... Fix the name, or write DROP {what} IF EXISTS.",
            drop.At);
        return true;
    }

    private static bool IsNumber(string name)
    {
        foreach (var c in name)
        {
            if (c is < '0' or > '9') return false;
        }

        return name.Length > 0;
    }
}
