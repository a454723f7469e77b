using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL composite types: <c>CREATE TYPE c AS (...)</c> and the attribute actions of
/// <c>ALTER TYPE</c>, refused where the server refuses them (checked on PostgreSQL 15).
/// </summary>
internal static class CompositeTypeStatements
{
    /// <summary>The composite's attributes of <c>CREATE TYPE ... AS (...)</c>; the name is already in <see cref="Catalog.OtherTypes"/> or free.</summary>
    public static Catalog Create(Catalog catalog, CreateOtherTypeStatement s, IReadOnlyList<CompositeAttributeSpec> specs, ApplyContext context)
    {
        var attributes = ImmutableArray.CreateBuilder<CompositeAttribute>(specs.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (!seen.Add(spec.Name))
            {
                context.Error(DiagnosticCodes.ColumnExists, $"CREATE TYPE {context.Show(s.Name)} lists attribute {context.Show(spec.Name)} twice; PostgreSQL refuses it (42701, column \"{spec.Name}\" specified more than once). Remove or rename one of them.", spec.At);
                return catalog;
            }

            if (RefusesSerial(s.Name, spec.Name, spec.Type, context, spec.At)) return catalog;
            TypeExistence.CheckAttribute(catalog, spec.Type, context, spec.At, s.Name, spec.Name);
            attributes.Add(Attribute(spec.Name, spec.Type));
        }

        var type = new CatalogCompositeType(s.Name, attributes.MoveToImmutable());
        return catalog.With(otherTypes: catalog.OtherTypes.Add(s.Name), composites: catalog.Composites.SetItem(s.Name, type));
    }

    /// <summary>
    /// The attribute actions of one <c>ALTER TYPE</c>, all or none, in the server's order: each
    /// <c>ALTER ATTRIBUTE</c> is checked first as written, then the drops run, then the type
    /// changes, then the additions.
    /// </summary>
    public static Catalog Alter(Catalog catalog, AlterCompositeTypeStatement s, ApplyContext context)
    {
        if (!context.IsPostgres) return catalog;
        var composite = Target(catalog, s, context);
        if (composite is null) return catalog;
        var typedTables = TypedTables.Of(catalog, s.Type);
        if (typedTables.Count > 0 && s.Actions.FirstOrDefault(a => !a.Cascade) is { } restricted)
        {
            context.Error(DiagnosticCodes.CompositeAttributeRefused, $"ALTER TYPE {context.Show(s.Type)} {ActionWords(restricted.Kind)} {context.Show(restricted.Name)}: table {context.Show(typedTables[0])} is a typed table of the type, so PostgreSQL refuses the action without CASCADE (2BP01, cannot alter type \"{s.Type.Name}\" because it is the type of a typed table). Add CASCADE to the action, which changes the typed tables' columns too.", restricted.At);
            return catalog;
        }

        HashSet<QualifiedName>? holders = null;
        HashSet<QualifiedName> Holders() => holders ??= CompositeTypeUses.Holders(catalog, s.Type, context.Rules);

        foreach (var action in s.Actions)
        {
            if (action.Kind != CompositeActionKind.Retype) continue;
            if (composite.IndexOf(action.Name) < 0)
            {
                MissingAttribute(composite, action, context);
                return catalog;
            }

            if (RefusesSerial(s.Type, action.Name, action.Type!, context, action.At)) return catalog;
            TypeExistence.CheckAttribute(catalog, action.Type!, context, action.At, s.Type, action.Name);
            if (CompositeTypeUses.StoringColumn(catalog, Holders(), context.Rules) is { } stored)
            {
                context.Error(DiagnosticCodes.CompositeAttributeRefused, $"ALTER TYPE {context.Show(s.Type)} ALTER ATTRIBUTE {context.Show(action.Name)} TYPE: PostgreSQL refuses it (0A000, cannot alter type \"{s.Type.Name}\" because column \"{stored.Table.Name}.{stored.Column}\" uses it), since rows store the type. Add a new attribute instead, or change column {context.Show(stored.Table)}.{context.Show(stored.Column)} to another type first.", action.At);
                return catalog;
            }

            if (MakesMember(action, Holders(), composite, context)) return catalog;
        }

        var attributes = composite.Attributes;
        foreach (var action in s.Actions.Where(a => a.Kind == CompositeActionKind.Drop))
        {
            var index = IndexIn(attributes, action.Name);
            if (index >= 0) attributes = attributes.RemoveAt(index);
            else if (!action.IfExists)
            {
                MissingAttribute(composite, action, context);
                return catalog;
            }
        }

        foreach (var action in s.Actions.Where(a => a.Kind == CompositeActionKind.Retype))
        {
            var index = IndexIn(attributes, action.Name);
            if (index < 0)
            {
                MissingAttribute(composite, action, context); // Dropped earlier in the statement.
                return catalog;
            }

            attributes = attributes.SetItem(index, Attribute(action.Name, action.Type!));
        }

        foreach (var action in s.Actions.Where(a => a.Kind == CompositeActionKind.Add))
        {
            if (IndexIn(attributes, action.Name) >= 0)
            {
                context.Error(DiagnosticCodes.ColumnExists, $"ALTER TYPE {context.Show(s.Type)} ADD ATTRIBUTE {context.Show(action.Name)}: the type already has that attribute; PostgreSQL refuses it (42701, column \"{action.Name}\" of relation \"{s.Type.Name}\" already exists). Remove the action or choose another name.", action.At);
                return catalog;
            }

            if (RefusesSerial(s.Type, action.Name, action.Type!, context, action.At)) return catalog;
            TypeExistence.CheckAttribute(catalog, action.Type!, context, action.At, s.Type, action.Name);
            if (MakesMember(action, Holders(), composite, context)) return catalog;
            attributes = attributes.Add(Attribute(action.Name, action.Type!));
        }

        foreach (var action in s.Actions.Where(a => a.Kind == CompositeActionKind.Rename))
        {
            var index = IndexIn(attributes, action.Name);
            if (index < 0)
            {
                MissingAttribute(composite, action, context);
                return catalog;
            }

            if (IndexIn(attributes, action.NewName!) >= 0)
            {
                context.Error(DiagnosticCodes.ColumnExists, $"ALTER TYPE {context.Show(s.Type)} RENAME ATTRIBUTE {context.Show(action.Name)} TO {context.Show(action.NewName!)}: the type already has an attribute {context.Show(action.NewName!)}; PostgreSQL refuses it (42701, column \"{action.NewName}\" of relation \"{s.Type.Name}\" already exists). Choose another name.", action.At);
                return catalog;
            }

            attributes = attributes.SetItem(index, attributes[index] with { Name = action.NewName! });
        }

        var altered = catalog.With(composites: catalog.Composites.SetItem(s.Type, composite with { Attributes = attributes }));
        foreach (var table in typedTables) altered = AlterTypedTable(altered, table, s, context);
        return altered;
    }

    // ALTER TYPE ... CASCADE: the typed table's columns change as ALTER TABLE would change them,
    // in the order the attributes did.
    private static Catalog AlterTypedTable(Catalog catalog, QualifiedName name, AlterCompositeTypeStatement s, ApplyContext context)
    {
        var actions = new List<AlterAction>();
        actions.AddRange(s.Actions.Where(a => a.Kind == CompositeActionKind.Drop).Select(a => new DropColumnAction(a.At, a.Name, a.IfExists) { Cascade = true }));
        actions.AddRange(s.Actions.Where(a => a.Kind == CompositeActionKind.Retype).Select(a => new AlterColumnTypeAction(a.At, a.Name, a.Type!)));
        actions.AddRange(s.Actions.Where(a => a.Kind == CompositeActionKind.Add).Select(a => new AddColumnAction(a.At, new ColumnSpec(a.At, a.Name, a.Type!, null, null, false, []), false)));
        actions.AddRange(s.Actions.Where(a => a.Kind == CompositeActionKind.Rename).Select(a => new RenameColumnAction(a.At, a.Name, a.NewName!)));

        // Made plain for the change, which ALTER TABLE refuses on a typed table, and typed again after.
        var plain = catalog.WithTable(name, catalog.Tables[name] with { OfType = null });
        var after = AlterTableActions.Apply(plain, new AlterTableStatement(s.At, name, false, actions), context);
        return after.Tables.TryGetValue(name, out var table) ? after.WithTable(name, table with { OfType = s.Type }) : after;
    }

    // serial is a column's shorthand, not a type: an attribute of it is refused (42704, type "serial" does not exist).
    private static bool RefusesSerial(QualifiedName composite, string attribute, TypeSpec type, ApplyContext context, SqlToken at)
    {
        if (!type.IsSerial) return false;
        context.Error(DiagnosticCodes.UnknownType, $"Attribute {context.Show(attribute)} of composite type {context.Show(composite)} is serial, which is a column's shorthand (an integer column with a sequence default), not a type; PostgreSQL refuses the statement (42704, type \"serial\" does not exist). Write int, bigint or smallint.", at);
        return true;
    }

    private static CompositeAttribute Attribute(string name, TypeSpec type) => new(name, type.Text, type.UserType);

    private static int IndexIn(ImmutableArray<CompositeAttribute> attributes, string name)
    {
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i].Name == name) return i;
        }

        return -1;
    }

    // ALTER TYPE ... ATTRIBUTE reaches composite types only: the server looks the name up as a
    // relation, so an enum, a domain, a range or a missing type is 42P01 and a table's or view's
    // row type is 42809.
    private static CatalogCompositeType? Target(Catalog catalog, AlterCompositeTypeStatement s, ApplyContext context)
    {
        if (catalog.Composites.TryGetValue(s.Type, out var composite)) return composite;
        var action = s.Actions[0];
        var statement = $"ALTER TYPE {context.Show(s.Type)} {ActionWords(action.Kind)}";
        if (catalog.OtherTypes.Contains(s.Type))
        {
            context.Warning(DiagnosticCodes.CompositeAttributesUnknown, $"{statement}: SchemaTasks knows type {context.Show(s.Type)} by name only (a range or base type, or a type read from a snapshot), so it cannot check the attributes. If it is not a composite type PostgreSQL refuses this (42P01, relation \"{s.Type.Name}\" does not exist). Create the composite type in the migrations with CREATE TYPE {context.Show(s.Type)} AS (...), or check this statement by hand.", s.At);
            return null;
        }

        if (catalog.Tables.ContainsKey(s.Type) || catalog.Relations.Named.ContainsKey(s.Type))
        {
            context.Error(DiagnosticCodes.TypeNotFound, $"{statement} names {context.Show(s.Type)}, a table, view or other relation, not a composite type; PostgreSQL refuses it (42809, \"{s.Type.Name}\" is not a composite type). Use ALTER TABLE for a table's columns, or fix the name.", s.At);
            return null;
        }

        var what = catalog.EnumTypes.ContainsKey(s.Type) ? "an enum type" : catalog.Domains.ContainsKey(s.Type) ? "a domain" : "no type the migrations create";
        context.Error(DiagnosticCodes.TypeNotFound, $"{statement} names {context.Show(s.Type)}, which is {what}, not a composite type; PostgreSQL refuses it (42P01, relation \"{s.Type.Name}\" does not exist). Fix the name (quoted names keep their case), or create the type first with CREATE TYPE {context.Show(s.Type)} AS (...).", s.At);
        return null;
    }

    private static string ActionWords(CompositeActionKind kind) => kind switch
    {
        CompositeActionKind.Add => "ADD ATTRIBUTE",
        CompositeActionKind.Drop => "DROP ATTRIBUTE",
        CompositeActionKind.Retype => "ALTER ATTRIBUTE",
        _ => "RENAME ATTRIBUTE",
    };

    // RENAME ATTRIBUTE words the server's message without the relation.
    private static void MissingAttribute(CatalogCompositeType composite, CompositeAttributeAction action, ApplyContext context)
    {
        var serverMessage = action.Kind == CompositeActionKind.Rename ? $"column \"{action.Name}\" does not exist" : $"column \"{action.Name}\" of relation \"{composite.Name.Name}\" does not exist";
        var has = composite.Attributes.IsEmpty ? "it has none" : "it has " + string.Join(", ", composite.Attributes.Select(a => context.Show(a.Name)));
        var fix = action.Kind == CompositeActionKind.Drop ? $"Fix the name, or write DROP ATTRIBUTE IF EXISTS {context.Show(action.Name)}." : "Fix the name (quoted names keep their case).";
        context.Error(DiagnosticCodes.ColumnNotFound, $"ALTER TYPE {context.Show(composite.Name)} {ActionWords(action.Kind)} {context.Show(action.Name)}: the type has no such attribute when this runs ({has}); PostgreSQL refuses it (42703, {serverMessage}). {fix}", action.At);
    }

    // An attribute of the composite itself, of an array of it, or of a domain or composite that holds it (42P16).
    private static bool MakesMember(CompositeAttributeAction action, HashSet<QualifiedName> holders, CatalogCompositeType composite, ApplyContext context)
    {
        if (action.Type?.UserType is not { } named || !holders.Contains(named)) return false;
        context.Error(DiagnosticCodes.CompositeAttributeRefused, $"ALTER TYPE {context.Show(composite.Name)} {ActionWords(action.Kind)} {context.Show(action.Name)}: type {context.Show(named)} holds {context.Show(composite.Name)} itself; PostgreSQL refuses it (42P16, composite type {composite.Name.Name} cannot be made a member of itself). Choose another type.", action.At);
        return true;
    }
}
