using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL and MariaDB <c>CREATE TABLE b LIKE a</c> (<see cref="CreateTableLikeStatement"/>), as
/// MariaDB 10.11 builds it (checked on the server): every column as it is (type, charset,
/// default, NOT NULL, AUTO_INCREMENT, generation expression, ENUM values), the primary key,
/// unique keys and plain indexes under their names, the CHECK constraints under theirs (a
/// generated <c>CONSTRAINT_1</c> too), the table's charset; never the foreign keys, though the
/// index the server kept for one stays, as a plain index of that name. Modelled when the source
/// is a table the migrations create; a source the server does not have is refused (error 1146).
/// </summary>
internal static class MySqlTableLikes
{
    public static Catalog Create(Catalog catalog, CreateTableLikeStatement s, ApplyContext context)
    {
        if (catalog.FindTable(s.Name) is not null && !s.OrReplace)
        {
            if (!s.IfNotExists)
            {
                context.Error(DiagnosticCodes.TableExists, $"Table {context.Show(s.Name)} already exists; this CREATE TABLE ... LIKE would fail (error 1050, Table already exists). Write CREATE TABLE IF NOT EXISTS, or drop it first.", s.At);
            }

            return catalog;
        }

        var temporary = TemporaryTables.Names(s.Source, s, context);
        if (temporary || catalog.FindTable(s.Source) is not { } source)
        {
            context.UnknownShapes.Add(s.Name);
            if (!temporary && !context.IsPassedOver(s.Source))
            {
                context.Error(DiagnosticCodes.TableNotFound, $"CREATE TABLE {context.Show(s.Name)} LIKE {context.Show(s.Source)} names a table no earlier migration creates (or it was renamed or dropped), so the server refuses it (error 1146, Table doesn't exist; 1347 if it is a view). Fix the name, or create the table first. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.", s.SourceAt);
                return catalog;
            }

            context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this CREATE TABLE {context.Show(s.Name)} LIKE {context.Show(s.Source)}: {context.Show(s.Source)} is not a table the migrations create with known columns (a temporary table, or a table SchemaTasks could not model). Declare the columns explicitly. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.", s.SourceAt);
            return catalog;
        }

        // Foreign keys are not copied; the index the server kept for one is, as a plain index.
        var keys = source.Keys;
        var constraints = source.OtherConstraints;
        foreach (var (name, key) in source.Keys)
        {
            if (key.Kind != ConstraintKind.ForeignKey) continue;
            keys = keys.Remove(name);
            constraints = constraints.Remove(name);
            if (key.Index is { } index) keys = keys.SetItem(index.Name, new TableKey(ConstraintKind.PlainIndex, index.Columns) { Unfit = index.Unfit });
        }

        var table = source with { Name = s.Name, Keys = keys, OtherConstraints = constraints };
        return catalog.WithTable(s.Name, table);
    }
}
