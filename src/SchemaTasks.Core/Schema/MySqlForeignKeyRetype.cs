using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL and MariaDB refuse an ALTER TABLE that changes the data type of a column a foreign key
/// uses, on either side: MariaDB error 1832 for the referencing column, 1833 for the referenced
/// one. Checked on MariaDB 10.11: any change of type, length, signedness or character set is
/// refused, and so is a change of collation alone, even with <c>foreign_key_checks = 0</c> (MDEV-31086); NOT NULL, DEFAULT, COMMENT,
/// the display width of an integer, a rename alone, and a change made in the statement that also
/// drops the foreign key are let through. Under <c>mysql</c> only what MySQL 8's manual states is
/// refused: the size and sign of integer and decimal types must stay the same, and a column may
/// not move to another kind of type; not while <c>foreign_key_checks = 0</c>.
/// </summary>
internal static class MySqlForeignKeyRetype
{
    /// <summary>
    /// Whether the ALTER TABLE <paramref name="s"/>, which turned table <paramref name="name"/>
    /// from <paramref name="before"/> into <paramref name="after"/>, changes the type of a column
    /// that a foreign key the statement keeps uses; reported.
    /// </summary>
    public static bool Refuses(Catalog catalog, QualifiedName name, CatalogTable before, CatalogTable after, AlterTableStatement s, ApplyContext context)
    {
        if (context.IsPostgres || (context.Rules.Dialect == SqlDialect.MySql && context.Session.ForeignKeyChecksOff)) return false;
        if (!s.Actions.Any(a => a is ReplaceColumnAction or ConvertToCharsetAction)) return false;
        var beforeCharsets = TableCharsets.Of(before, context.Rules);
        var afterCharsets = TableCharsets.Of(after, context.Rules);

        // The table's own foreign keys, kept by the statement: their referencing columns.
        foreach (var (fkName, fk) in after.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (fk.Kind != ConstraintKind.ForeignKey || !before.Keys.TryGetValue(fkName, out var old) || old.Kind != ConstraintKind.ForeignKey || old.Columns.Length != fk.Columns.Length) continue;
            for (var i = 0; i < fk.Columns.Length; i++)
            {
                if (Change(before, after, old.Columns[i], fk.Columns[i], beforeCharsets, afterCharsets, context) is not { } change) continue;
                Report(change, fkName, null, "1832", s, context);
                return true;
            }
        }

        // The foreign keys that reference the table, its own included: their referenced columns.
        var holders = catalog.TablesReferencing(name).Where(h => !h.Equals(name)).OrderBy(h => h.ToString(), StringComparer.Ordinal)
            .Select(h => (Name: h, Table: catalog.Tables[h])).Prepend((Name: name, Table: after));
        foreach (var (holderName, holder) in holders)
        {
            foreach (var (fkName, fk) in holder.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (fk.Kind != ConstraintKind.ForeignKey || fk.References is not { } target || !target.Table.Equals(name)) continue;
                if (holderName.Equals(name) && !before.Keys.ContainsKey(fkName)) continue; // Added by this statement: checked as a new foreign key.
                foreach (var column in target.Columns)
                {
                    if (Change(before, after, column, column, beforeCharsets, afterCharsets, context) is not { } change) continue;
                    Report(change, fkName, holderName, "1833", s, context);
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record TypeChange(string Column, string From, string To);

    // The change of column `from` (before) to `to` (after) the server refuses under a foreign key; null for none.
    private static TypeChange? Change(CatalogTable before, CatalogTable after, string from, string to, TableCharsets beforeCharsets, TableCharsets afterCharsets, ApplyContext context)
    {
        var dialect = context.Rules.Dialect;
        if (before.FindColumn(from, dialect) is not { } old || after.FindColumn(to, dialect) is not { } now) return null;
        var (oldType, newType) = (MySqlKeyColumnTypes.Comparable(old.Type), MySqlKeyColumnTypes.Comparable(now.Type));
        if (dialect == SqlDialect.MySql)
        {
            // MySQL 8's manual: the size and sign of integer and decimal types must match; string lengths need not.
            var (oldKind, newKind) = (Kind(oldType), Kind(newType));
            if (oldKind is null || newKind is null) return null;
            return oldKind != newKind || (oldKind == "number" && oldType != newType) ? new TypeChange(now.Name, old.Type, now.Type) : null;
        }

        if (oldType != newType) return new TypeChange(now.Name, old.Type, now.Type);
        var (oldCharset, newCharset) = (beforeCharsets.Of(old.Name) ?? beforeCharsets.Default, afterCharsets.Of(now.Name) ?? afterCharsets.Default);
        if (Kind(oldType) != "string") return null;
        if (oldCharset is not null && newCharset is not null && MySqlKeyColumnTypes.Charset(oldCharset) != MySqlKeyColumnTypes.Charset(newCharset))
        {
            return new TypeChange(now.Name, $"{old.Type} CHARACTER SET {oldCharset}", $"{now.Type} CHARACTER SET {newCharset}");
        }

        // The same charset under another collation is refused too (checked on MariaDB 10.11, either side).
        var (oldCollation, newCollation) = (beforeCharsets.CollationOf(old.Name), afterCharsets.CollationOf(now.Name));
        return oldCollation is not null && newCollation is not null && oldCollation != newCollation
            ? new TypeChange(now.Name, $"{old.Type} COLLATE {oldCollation}", $"{now.Type} COLLATE {newCollation}")
            : null;
    }

    // The kind of a (comparable) type, for MySQL's rule; null for one not sorted here.
    private static string? Kind(string type)
    {
        var name = type.Split('(', ' ')[0];
        return name switch
        {
            "tinyint" or "smallint" or "mediumint" or "int" or "bigint" or "decimal" or "numeric" => "number",
            "char" or "varchar" or "binary" or "varbinary" or "tinytext" or "text" or "mediumtext" or "longtext" => "string",
            "date" or "datetime" or "timestamp" or "time" or "year" => "time",
            _ => null,
        };
    }

    private static void Report(TypeChange change, string fkName, QualifiedName? holder, string error, AlterTableStatement s, ApplyContext context)
    {
        var at = s.Actions.OfType<ReplaceColumnAction>().FirstOrDefault(a => context.Rules.ColumnComparer.Equals(a.Definition.Name, change.Column))?.At
            ?? s.Actions.OfType<ConvertToCharsetAction>().FirstOrDefault()?.At ?? s.At;
        var server = context.Rules.Dialect == SqlDialect.MariaDb ? $"MariaDB error {error}, Cannot change column used in a foreign key constraint" : "MySQL 8 error 3780, the columns of the foreign key are incompatible";
        var user = holder is { } other ? $"foreign key {context.Show(fkName)} of {context.Show(other)} references it" : $"foreign key {context.Show(fkName)} uses it";
        var drop = $"ALTER TABLE {context.Show(holder ?? s.Name)} DROP FOREIGN KEY {context.Show(fkName)}";
        context.Error(
            DiagnosticCodes.KeyNeededByForeignKey,
            $"The server refuses to change column {context.Show(change.Column)} of {context.Show(s.Name)} from {change.From} to {change.To}: {user} ({server}). Drop the foreign key first ({drop}), change the columns on both sides to the same type, and add the foreign key again.",
            at);
    }
}
