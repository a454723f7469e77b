using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL: follows the charsets CREATE and ALTER TABLE give a table and its columns
/// (<see cref="TableCharsets"/>), for <c>CONVERT TO CHARACTER SET</c> (<see cref="CharsetConversion"/>).
/// </summary>
internal static class CharsetTracking
{
    public static CatalogTable Created(CatalogTable table, CreateTableStatement statement, ApplyContext context)
    {
        var charsets = TableCharsets.Of(table, context.Rules) with { Default = TableCharsets.Known(statement.DefaultCharset), DefaultCollation = statement.DefaultCollation };
        foreach (var column in statement.Columns) charsets = WithCollation(charsets.WithColumn(column.Name, charsets.For(column)), column, context);
        return table with { Charsets = charsets };
    }

    /// <summary>The table after <paramref name="action"/>, which turned <paramref name="before"/> into <paramref name="after"/>, with its charsets followed.</summary>
    public static CatalogTable AfterAction(CatalogTable before, CatalogTable after, AlterAction action, ApplyContext context)
    {
        var charsets = TableCharsets.Of(after, context.Rules);
        switch (action)
        {
            case ConvertToCharsetAction convert:
                var converted = CharsetConversion.Apply(after, convert, context);
                return converted with { Charsets = TableCharsets.Of(converted, context.Rules) with { DefaultCollation = convert.Collation } };

            case SetTableCharsetAction set:
                return after with { Charsets = charsets with { Default = TableCharsets.Known(set.Charset), DefaultCollation = set.Collation } };

            case AddColumnAction add:
                charsets = Added(before, charsets, add, context);
                break;

            case AddColumnsAction many:
                foreach (var add in many.Columns) charsets = Added(before, charsets, add, context);
                break;

            case ReplaceColumnAction replace when !ReferenceEquals(before, after):
                // MODIFY and CHANGE without a charset give the column the table's default, as ADD does.
                charsets = charsets.WithColumn(replace.Column, null).WithColumn(replace.Definition.Name, charsets.For(replace.Definition));
                charsets = WithCollation(charsets, replace.Definition, context);
                break;

            case RenameColumnAction rename when !ReferenceEquals(before, after):
                var collation = charsets.CollationOf(rename.From);
                charsets = charsets.WithColumn(rename.From, null).WithColumn(rename.To, charsets.Of(rename.From)).WithCollation(rename.To, collation, context.Rules);
                break;

            case DropColumnAction drop when !ReferenceEquals(before, after):
                charsets = charsets.WithColumn(drop.Column, null);
                break;

            default:
                return after;
        }

        return after with { Charsets = charsets };
    }

    // A column the action added (not one that was there already, under IF NOT EXISTS).
    private static TableCharsets Added(CatalogTable before, TableCharsets charsets, AddColumnAction add, ApplyContext context)
        => before.FindColumn(add.Column.Name, context.Rules.Dialect) is null ? WithCollation(charsets.WithColumn(add.Column.Name, charsets.For(add.Column)), add.Column, context) : charsets;

    // MariaDB refuses a change of collation on a column a foreign key uses (MySqlForeignKeyRetype),
    // so it follows the collation each definition gives; MySQL does not need it.
    private static TableCharsets WithCollation(TableCharsets charsets, ColumnSpec column, ApplyContext context)
        => context.Rules.Dialect == SqlDialect.MariaDb ? charsets.WithCollation(column.Name, MariaDbColumnCollations.For(column, charsets), context.Rules) : charsets;
}
