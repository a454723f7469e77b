using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE t (..., LIKE source [{INCLUDING | EXCLUDING} option ...], ...)</c>,
/// as PostgreSQL 15 does it (checked on the server): the source's columns where LIKE is written,
/// with their types and NOT NULL always; defaults only with INCLUDING DEFAULTS, identity with
/// IDENTITY, generation expressions with GENERATED (else a plain column); its CHECK constraints,
/// under their own names, with CONSTRAINTS; its primary key and unique constraints with INDEXES,
/// under names generated for the new table (a named one too); never its foreign keys. Modelled
/// when the source is a table the migrations create; with INHERITS, a copied column or CHECK
/// the table also inherits merges with it as one the table declares would.
/// </summary>
internal static class TableLikes
{
    /// <summary>
    /// The copied columns, each list with the number of the table's own columns before it;
    /// <see langword="null"/>, reported, when the source's columns are not known.
    /// </summary>
    public static List<(int Position, List<CatalogColumn> Columns)>? Columns(Catalog catalog, CreateTableStatement s, ApplyContext context)
    {
        var copied = new List<(int, List<CatalogColumn>)>(s.Likes.Count);
        foreach (var like in s.Likes)
        {
            if (TemporaryTables.Names(like.Source, s, context) || !catalog.Tables.TryGetValue(like.Source, out var source))
            {
                context.UnknownShapes.Add(s.Name);
                var why = $"{context.Show(like.Source)} is not a table the migrations create with known columns (a view, a temporary table, or a table SchemaTasks could not model)";
                context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this CREATE TABLE {context.Show(s.Name)} (LIKE {context.Show(like.Source)} ...): {why}. Declare the columns explicitly. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.", like.At);
                return null;
            }

            var options = like.Options;
            var columns = new List<CatalogColumn>(source.ColumnCount);
            foreach (var column in source.Columns)
            {
                var generated = column.GeneratedFrom is not null && (options & TableLikeOptions.Generated) != 0;
                columns.Add(column with
                {
                    Default = (options & TableLikeOptions.Defaults) != 0 ? column.Default : null,
                    IsIdentity = column.IsIdentity && (options & TableLikeOptions.Identity) != 0,
                    GeneratedFrom = generated ? column.GeneratedFrom : null,
                    GeneratedExpression = generated ? column.GeneratedExpression : null,
                    GeneratedStored = generated && column.GeneratedStored,
                });
            }

            copied.Add((like.Position, columns));
        }

        return copied;
    }

    /// <summary>
    /// The table with the CHECK constraints and keys its LIKE elements copy. A CHECK of the name
    /// and expression of one it inherits merges with it (its name is added to
    /// <paramref name="mergedChecks"/>); of the name only, it is refused (42710).
    /// </summary>
    public static CatalogTable WithConstraints(Catalog catalog, CatalogTable table, CreateTableStatement s, TableInheritance.Inherited? inherited, HashSet<string>? mergedChecks, ApplyContext context)
    {
        foreach (var like in s.Likes)
        {
            var source = catalog.Tables[like.Source];
            if ((like.Options & TableLikeOptions.Constraints) != 0)
            {
                foreach (var check in source.Checks)
                {
                    if (inherited?.Checks.Any(c => c.Name == check.Name && c.Expression == check.Expression) == true && mergedChecks?.Add(check.Name) != false) continue;
                    if (table.FindCheck(check.Name) is not null || table.Keys.ContainsKey(check.Name))
                    {
                        context.Error(DiagnosticCodes.ConstraintExists, $"CREATE TABLE {context.Show(s.Name)} (LIKE {context.Show(like.Source)} INCLUDING CONSTRAINTS) copies CHECK {context.Show(check.Name)}, a name the table already has: PostgreSQL refuses it (SQLSTATE 42710, constraint already exists). Rename one of them.", like.At);
                        continue;
                    }

                    table = table with { Checks = table.Checks.Add(check) };
                }
            }

            if ((like.Options & TableLikeOptions.Indexes) == 0) continue;
            foreach (var key in source.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value))
            {
                if (key.Kind is not (ConstraintKind.PrimaryKey or ConstraintKind.Unique)) continue;
                table = TableStatements.AddConstraint(catalog, table, new ConstraintSpec(like.At, null, key.Kind, key.Columns, null), null, context);
            }
        }

        return table;
    }
}
