using System.Collections.Immutable;
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

        // What WithColumn and WithCollation do for each column, into one builder each: a new
        // dictionary and a new record per column made a table's charsets cost more than its columns.
        var columns = charsets.Columns.ToBuilder();
        var collations = charsets.Collations?.ToBuilder();
        var followsCollations = context.Rules.Dialect == SqlDialect.MariaDb;

        // Most columns name neither a charset nor a collation: they all take the table's, worked out once.
        var tableCollation = followsCollations ? MariaDbColumnCollations.OfTableDefault(charsets) : null;
        foreach (var column in statement.Columns)
        {
            collations?.Remove(column.Name); // A new charset leaves the column's collation to be told again.
            if (TableCharsets.Known(charsets.For(column)) is { } named) columns[column.Name] = named;
            else columns.Remove(column.Name);
            if (!followsCollations) continue;
            var collation = column.Charset is null && column.Collation is null ? tableCollation : MariaDbColumnCollations.For(column, charsets);
            if (collation is not null) (collations ??= ImmutableDictionary.CreateBuilder<string, string>(context.Rules.ColumnComparer))[column.Name] = collation;
            else collations?.Remove(column.Name);
        }

        return table with { Charsets = charsets with { Columns = columns.ToImmutable(), Collations = collations?.ToImmutable() } };
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
