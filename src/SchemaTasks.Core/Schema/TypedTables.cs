using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's typed tables (checked on PostgreSQL 15): <c>CREATE TABLE t OF type</c> takes its
/// columns from a composite type's attributes, in order, its list giving only their options
/// (<c>id WITH OPTIONS PRIMARY KEY</c>) and table constraints; <c>ALTER TABLE t OF type</c> makes a
/// table whose columns match the attributes exactly a typed table (42804 otherwise), <c>NOT OF</c>
/// makes it a plain one again. A typed table's columns follow the type: ALTER TABLE may not add,
/// drop, rename or retype them (42809); ALTER TYPE ... ATTRIBUTE changes them only with CASCADE
/// (2BP01 without, <see cref="CompositeTypeStatements"/>); DROP TYPE drops them only with CASCADE.
/// </summary>
internal static class TypedTables
{
    /// <summary><c>CREATE TABLE t OF type [(options)]</c>: the table the server makes, or <paramref name="catalog"/> when it refuses.</summary>
    public static Catalog Create(Catalog catalog, CreateTableStatement s, ApplyContext context)
    {
        var type = s.OfType!.Value;

        // IF NOT EXISTS of a table already there is passed over before the type is read.
        if (s.IfNotExists && catalog.Tables.ContainsKey(s.Name)) return TableStatements.Create(catalog, s with { OfType = null }, context);
        var statement = $"CREATE TABLE {context.Show(s.Name)} OF {context.Show(type)}";
        if (Composite(catalog, type, statement, s.OfTypeAt, context) is not { } composite)
        {
            if (catalog.OtherTypes.Contains(type) && !catalog.Composites.ContainsKey(type)) context.UnknownShapes.Add(s.Name);
            return catalog;
        }

        var options = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
        foreach (var option in s.Columns)
        {
            if (composite.IndexOf(option.Name) < 0)
            {
                context.Error(DiagnosticCodes.ColumnNotFound, $"{statement} gives options to column {context.Show(option.Name)}, which type {context.Show(type)} has no attribute for ({Attributes(composite, context)}); PostgreSQL refuses it (42703, column \"{option.Name}\" does not exist). A typed table's columns are the type's attributes: fix the name, or add the attribute with ALTER TYPE {context.Show(type)} ADD ATTRIBUTE first.", option.At);
                return catalog;
            }

            if (!options.TryAdd(option.Name, option))
            {
                context.Error(DiagnosticCodes.ColumnExists, $"{statement} gives options to column {context.Show(option.Name)} twice; PostgreSQL refuses it (42701, column \"{option.Name}\" specified more than once). Write the column's options once.", option.At);
                return catalog;
            }
        }

        var columns = composite.Attributes
            .Select(a => options.TryGetValue(a.Name, out var option) ? option with { Type = TypeOf(a) } : new ColumnSpec(s.OfTypeAt, a.Name, TypeOf(a), null, null, false, []))
            .ToList();
        var after = TableStatements.Create(catalog, s with { Columns = columns, OfType = null }, context);
        return !catalog.Tables.ContainsKey(s.Name) && after.Tables.TryGetValue(s.Name, out var table) ? after.WithTable(s.Name, table with { OfType = type }) : after;
    }

    /// <summary>Reports and returns true when an ALTER TABLE action changes the columns of a typed table (42809).</summary>
    public static bool RefusesAlter(CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        if (table.OfType is not { } type) return false;
        foreach (var action in s.Actions)
        {
            var what = action switch
            {
                AddColumnAction or AddColumnsAction => "cannot add column to typed table",
                DropColumnAction => "cannot drop column from typed table",
                RenameColumnAction => "cannot rename column of typed table",
                AlterColumnTypeAction => "cannot alter column type of typed table",
                _ => null,
            };
            if (what is null) continue;
            context.Error(DiagnosticCodes.TypedTableRefused, $"ALTER TABLE {context.Show(table.Name)}: it is a typed table of {context.Show(type)}, whose attributes are its columns, so PostgreSQL refuses this action (42809, {what}). Change the type with ALTER TYPE {context.Show(type)} ... ATTRIBUTE ... CASCADE, or make the table a plain one first with ALTER TABLE {context.Show(table.Name)} NOT OF.", action.At);
            return true;
        }

        return false;
    }

    /// <summary><c>ALTER TABLE t OF type</c> or <c>NOT OF</c>: the table after it, or <paramref name="table"/> when the server refuses it.</summary>
    public static CatalogTable Of(Catalog catalog, CatalogTable table, TableOfTypeAction action, ApplyContext context)
    {
        if (action.Type is not { } type)
        {
            if (table.OfType is not null) return table with { OfType = null };
            context.Error(DiagnosticCodes.TypedTableRefused, $"ALTER TABLE {context.Show(table.Name)} NOT OF: the table is not a typed table; PostgreSQL refuses it (42809, \"{table.Name.Name}\" is not a typed table). Remove the action.", action.At);
            return table;
        }

        var statement = $"ALTER TABLE {context.Show(table.Name)} OF {context.Show(type)}";
        if (Composite(catalog, type, statement, action.At, context) is not { } composite) return table;
        var columns = table.Columns;
        var attributes = composite.Attributes;
        for (var i = 0; i < Math.Max(columns.Length, attributes.Length); i++)
        {
            var mismatch = i >= attributes.Length ? $"table has extra column \"{columns[i].Name}\""
                : i >= columns.Length ? $"table is missing column \"{attributes[i].Name}\""
                : columns[i].Name != attributes[i].Name ? $"table has column \"{columns[i].Name}\" where type requires \"{attributes[i].Name}\""
                : columns[i].Type != attributes[i].Type ? $"table \"{table.Name.Name}\" has different type for column \"{columns[i].Name}\""
                : null;
            if (mismatch is null) continue;
            context.Error(DiagnosticCodes.TypedTableRefused, $"{statement}: the table's columns must be the type's attributes, in order, of the same types ({Attributes(composite, context)}); PostgreSQL refuses it (42804, {mismatch}). Change the columns first, or the type.", action.At);
            return table;
        }

        return table with { OfType = type };
    }

    /// <summary>The typed tables of <paramref name="type"/>.</summary>
    public static List<QualifiedName> Of(Catalog catalog, QualifiedName type)
        => catalog.Tables.Values.Where(t => t.OfType == type).Select(t => t.Name).ToList();

    /// <summary>The column type of a typed table's column made from <paramref name="attribute"/>.</summary>
    public static TypeSpec TypeOf(CompositeAttribute attribute)
        => new(attribute.Type, attribute.TypeReference, attribute.Type.EndsWith("[]", StringComparison.Ordinal), null, false) { IsQualified = attribute.TypeReference is not null };

    // The composite type a typed table is made of: an enum, a domain or a table's row type is
    // not one (42809), a missing type is 42704; a type known by name only cannot give columns.
    private static CatalogCompositeType? Composite(Catalog catalog, QualifiedName type, string statement, SqlToken at, ApplyContext context)
    {
        if (catalog.Composites.TryGetValue(type, out var composite)) return composite;
        if (catalog.OtherTypes.Contains(type))
        {
            context.Error(DiagnosticCodes.UnsupportedStatement, $"{statement}: SchemaTasks knows type {context.Show(type)} by name only (a range or base type, or a type read from a snapshot), so it cannot know the table's columns. Create the composite type in the migrations with CREATE TYPE {context.Show(type)} AS (...), or declare the columns explicitly.", at);
            return null;
        }

        var what = catalog.EnumTypes.ContainsKey(type) ? "an enum type" : catalog.Domains.ContainsKey(type) ? "a domain" : catalog.Tables.ContainsKey(type) ? "a table's row type" : null;
        if (what is not null)
        {
            context.Error(DiagnosticCodes.TypedTableRefused, $"{statement}: {context.Show(type)} is {what}, not a composite type; PostgreSQL refuses it (42809, type {type.Name} is not a composite type). A typed table is made of a type created with CREATE TYPE ... AS (...).", at);
            return null;
        }

        context.Error(DiagnosticCodes.UnknownType, $"{statement}: no earlier migration creates type {context.Show(type)}; PostgreSQL refuses it (42704, type \"{type.Name}\" does not exist). Create it first with CREATE TYPE {context.Show(type)} AS (...), or fix the name (quoted names keep their case).", at);
        return null;
    }

    private static string Attributes(CatalogCompositeType composite, ApplyContext context)
        => composite.Attributes.IsEmpty ? "it has none" : "it has " + string.Join(", ", composite.Attributes.Select(a => context.Show(a.Name)));
}
