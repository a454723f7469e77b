using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Foreign keys MariaDB refuses when CREATE or ALTER TABLE makes them (error 1005, errno 150,
/// <i>Foreign key constraint is incorrectly formed</i>), checked on MariaDB 10.11: a referenced
/// column that does not exist; a pair of columns of different types (integers of another size or
/// sign, a string and a number, varchar and text, strings of different character sets; string
/// lengths may differ); referenced columns that are not the first columns, in order, of an index
/// of the referenced table. These hold even with <c>foreign_key_checks = 0</c>. A referenced table
/// the engine does not know is refused only while the checks are on, and a migration tool may turn
/// them off outside the SQL files, so that is a warning.
/// </summary>
internal static class MariaDbForeignKeyChecks
{
    /// <summary>
    /// Whether the statement that turned table <paramref name="name"/> from <paramref name="before"/>
    /// (<see langword="null"/> when it creates it) into <paramref name="after"/> (its indexes settled)
    /// makes a foreign key MariaDB refuses; reported at <paramref name="at"/>.
    /// </summary>
    public static bool Refuses(Catalog catalog, QualifiedName name, CatalogTable? before, CatalogTable after, SqlToken at, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb) return false;

        // A statement that leaves the keys as they were makes no foreign key (most do).
        if (before is not null && ReferenceEquals(before.Keys, after.Keys)) return false;
        foreach (var (fkName, fk) in after.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (fk.Kind != ConstraintKind.ForeignKey || fk.References is not { } target || target.Columns.Count == 0) continue;
            if (before is not null && ForeignKeyChecks.Existed(before, fkName, target)) continue;
            var referenced = target.Table.Equals(name) ? after : catalog.Tables.TryGetValue(target.Table, out var found) ? found : null;
            if (referenced is null)
            {
                if (!context.Session.ForeignKeyChecksOff && !context.IsPassedOver(target.Table))
                {
                    context.Warning(DiagnosticCodes.TableNotFound, $"Foreign key {context.Show(fkName)} of {context.Show(name)} references {context.Show(target.Table)}, which no earlier migration creates: MariaDB refuses it while foreign_key_checks is on (error 1005, errno 150). Create the referenced table first; if the migrations run with foreign_key_checks = 0 (set by the tool, or SET FOREIGN_KEY_CHECKS = 0 in the file), the server accepts it.", at);
                }

                continue;
            }

            if (Refuses(name, after, fkName, fk, target, referenced, at, context)) return true;
        }

        return false;
    }

    private static bool Refuses(QualifiedName name, CatalogTable table, string fkName, TableKey fk, ForeignKeyTarget target, CatalogTable referenced, SqlToken at, ApplyContext context)
    {
        var dialect = context.Rules.Dialect;
        foreach (var column in target.Columns)
        {
            if (referenced.FindColumn(column, dialect) is not null) continue;
            context.Error(DiagnosticCodes.ColumnNotFound, $"Foreign key {context.Show(fkName)} of {context.Show(name)} references column {context.Show(column)} of {context.Show(referenced.Name)}, which that table does not have: MariaDB refuses it (error 1005, errno 150, Foreign key constraint is incorrectly formed), even with foreign_key_checks = 0. Fix the column name.", at);
            return true;
        }

        if (target.Columns.Count != fk.Columns.Length) return false;
        var (charsets, referencedCharsets) = (TableCharsets.Of(table, context.Rules), TableCharsets.Of(referenced, context.Rules));
        for (var i = 0; i < fk.Columns.Length; i++)
        {
            if (table.FindColumn(fk.Columns[i], dialect) is not { } referencing || referenced.FindColumn(target.Columns[i], dialect) is not { } key) continue;
            var charset = (charsets.Of(referencing.Name) ?? charsets.Default, referencedCharsets.Of(key.Name) ?? referencedCharsets.Default);
            if (Compatible(referencing.Type, key.Type, charset.Item1, charset.Item2) != false) continue;
            context.Error(DiagnosticCodes.ForeignKeyTypesIncompatible, $"Foreign key {context.Show(fkName)} of {context.Show(name)}: column {context.Show(referencing.Name)} ({referencing.Type}{(charset.Item1 is { } c1 && Kind(referencing.Type) == "char" ? " CHARACTER SET " + c1 : "")}) and referenced column {context.Show(key.Name)} of {context.Show(referenced.Name)} ({key.Type}{(charset.Item2 is { } c2 && Kind(key.Type) == "char" ? " CHARACTER SET " + c2 : "")}) are of different types: MariaDB refuses it (error 1005, errno 150, Foreign key constraint is incorrectly formed), even with foreign_key_checks = 0. Give the column the referenced column's type (integers of the same size and sign, strings of the same character set).", at);
            return true;
        }

        var keysKnown = referenced.IndexesKnown && referenced.OtherConstraints.All(referenced.Keys.ContainsKey) && !referenced.Keys.Values.Any(k => k.ColumnsUnknown);
        // An index with a prefix serves when the prefix is the column's whole length (ranger's
        // UNIQUE (user_name(767)) on a varchar(767)), which the engine does not weigh: not judged.
        var prefixed = referenced.Keys.Values.Any(k => k.Unfit && k.Columns.Length >= target.Columns.Count
            && target.Columns.Select((c, i) => context.Rules.ColumnComparer.Equals(c, k.Columns[i])).All(same => same));
        if (keysKnown && !prefixed && !MySqlForeignKeyIndexes.Serves(referenced, target.Columns, context))
        {
            var columns = string.Join(", ", target.Columns.Select(context.Show));
            context.Error(DiagnosticCodes.ReferencedKeyMissing, $"Foreign key {context.Show(fkName)} of {context.Show(name)} references ({columns}) of {context.Show(referenced.Name)}, and no index of that table has them as its first columns, in this order: MariaDB refuses it (error 1005, errno 150, Foreign key constraint is incorrectly formed), even with foreign_key_checks = 0. Add an index (or a unique key) over ({columns}) to {context.Show(referenced.Name)} first.", at);
            return true;
        }

        return false;
    }

    // Whether MariaDB lets a foreign key on a column of type `from` reference one of type `to`; null when not known.
    private static bool? Compatible(string from, string to, string? fromCharset, string? toCharset)
    {
        var (a, b) = (MySqlKeyColumnTypes.Comparable(from), MySqlKeyColumnTypes.Comparable(to));
        if (Kind(a) is not { } kindA || Kind(b) is not { } kindB) return null;
        if (kindA != kindB) return false;
        if (kindA == "text") return null; // A text column needs a prefix index, which never serves: left to the index check.
        if (kindA == "char") return fromCharset is null || toCharset is null || MySqlKeyColumnTypes.Charset(fromCharset) == MySqlKeyColumnTypes.Charset(toCharset) ? true : false;
        return kindA == "binary" || a == b;
    }

    // The kind of a type for the comparison: within "number" and "time" the types must be the same.
    private static string? Kind(string type)
    {
        return type.ToLowerInvariant().Split('(', ' ')[0] switch
        {
            "tinyint" or "smallint" or "mediumint" or "int" or "bigint" or "decimal" => "number",
            "char" or "varchar" => "char",
            "binary" or "varbinary" => "binary",
            "tinytext" or "text" or "mediumtext" or "longtext" => "text",
            "date" or "datetime" or "timestamp" or "time" or "year" => "time",
            _ => null,
        };
    }
}
