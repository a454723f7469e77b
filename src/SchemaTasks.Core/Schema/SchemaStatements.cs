using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>CREATE, DROP and RENAME of PostgreSQL schemas.</summary>
internal static class SchemaStatements
{
    public static Catalog Create(Catalog catalog, CreateSchemaStatement s, ApplyContext context)
    {
        if (catalog.Schemas.Contains(s.Name))
        {
            if (!s.IfNotExists)
            {
                context.Error(DiagnosticCodes.SchemaExists, $"Schema {context.Show(s.Name)} already exists. Write CREATE SCHEMA IF NOT EXISTS {context.Show(s.Name)}, or remove the statement.", s.At);
            }

            return catalog;
        }

        return catalog.With(schemas: catalog.Schemas.Add(s.Name));
    }

    public static Catalog Drop(Catalog catalog, DropSchemaStatement s, ApplyContext context)
    {
        foreach (var name in s.Names)
        {
            if (!catalog.Schemas.Contains(name))
            {
                if (!s.IfExists)
                {
                    context.Error(DiagnosticCodes.SchemaNotFound, $"DROP SCHEMA names schema {context.Show(name)}, which the migrations never created (or already dropped). Write DROP SCHEMA IF EXISTS, or remove the statement.", s.At);
                }

                continue;
            }

            var inSchema = catalog.Tables.Keys.Concat(catalog.EnumTypes.Keys).Concat(catalog.Domains.Keys).Concat(catalog.OtherTypes)
                .Where(n => n.Schema == name).Select(context.Show).Concat(ExtensionStatements.In(catalog, name).Select(e => "extension " + context.Show(e))).ToList();
            if (inSchema.Count > 0 && !s.Cascade)
            {
                context.Error(DiagnosticCodes.SchemaNotEmpty, $"DROP SCHEMA {context.Show(name)} would fail: it still holds {string.Join(", ", inSchema)}. Drop those first, or add CASCADE.", s.At);
                continue;
            }

            if (s.Cascade) catalog = TriggerStatements.DropInSchema(RoutineDependents.DropInSchema(catalog, name, s.At, context), name);
            foreach (var type in catalog.EnumTypes.Keys.Concat(catalog.Domains.Keys).Concat(catalog.Composites.Keys).Where(n => n.Schema == name).ToList())
            {
                catalog = TypeReferences.DropDependents(catalog, type, context.Rules);
            }

            // Foreign keys of tables elsewhere that reference a table dropped here go with it.
            catalog = ForeignKeyDependents.DropReferencing(catalog, catalog.Tables.Keys.Where(n => n.Schema == name).ToHashSet());
            catalog = ExtensionStatements.DropInSchema(catalog, name, s.At, context);
            catalog = catalog.With(
                schemas: catalog.Schemas.Remove(name),
                tables: catalog.Tables.RemoveRange(catalog.Tables.Keys.Where(n => n.Schema == name)),
                enumTypes: catalog.EnumTypes.RemoveRange(catalog.EnumTypes.Keys.Where(n => n.Schema == name)),
                domains: catalog.Domains.RemoveRange(catalog.Domains.Keys.Where(n => n.Schema == name)),
                otherTypes: catalog.OtherTypes.Except(catalog.OtherTypes.Where(n => n.Schema == name)),
                composites: catalog.Composites.RemoveRange(catalog.Composites.Keys.Where(n => n.Schema == name)));
        }

        return catalog;
    }

    public static Catalog Rename(Catalog catalog, RenameSchemaStatement s, ApplyContext context)
    {
        if (!catalog.Schemas.Contains(s.Name))
        {
            context.Error(DiagnosticCodes.SchemaNotFound, $"ALTER SCHEMA names schema {context.Show(s.Name)}, which the migrations never created. Create it first, or fix the name.", s.At);
            return catalog;
        }

        if (catalog.Schemas.Contains(s.NewName))
        {
            context.Error(DiagnosticCodes.SchemaExists, $"Schema {context.Show(s.Name)} cannot be renamed to {context.Show(s.NewName)}: that schema already exists. Choose another name.", s.At);
            return catalog;
        }

        QualifiedName Move(QualifiedName n) => n.Schema == s.Name ? n with { Schema = s.NewName } : n;
        foreach (var type in catalog.EnumTypes.Keys.Concat(catalog.Domains.Keys).Concat(catalog.Composites.Keys).Where(n => n.Schema == s.Name).ToList())
        {
            catalog = TypeReferences.Retarget(catalog, type, Move(type), context.Rules);
        }

        catalog = ExtensionStatements.RenameSchema(catalog, s.Name, s.NewName, context);
        catalog = ViewDependencies.FollowRenamedSchema(catalog, s.Name, s.NewName);

        return catalog.With(
            schemas: catalog.Schemas.Remove(s.Name).Add(s.NewName),
            tables: Rekey(catalog.Tables, Move, (t, n) => SequenceDefaults.MoveSchema(t with { Name = n }, s.Name, s.NewName, context.Rules)),
            enumTypes: Rekey(catalog.EnumTypes, Move, (t, n) => t with { Name = n }),
            domains: Rekey(catalog.Domains, Move, (d, n) => d with { Name = n }),
            otherTypes: catalog.OtherTypes.Select(Move).ToImmutableSortedSet(),
            composites: Rekey(catalog.Composites, Move, (c, n) => c with { Name = n }));
    }

    private static ImmutableSortedDictionary<QualifiedName, T> Rekey<T>(ImmutableSortedDictionary<QualifiedName, T> items, Func<QualifiedName, QualifiedName> move, Func<T, QualifiedName, T> rename)
        => items.Select(kv => (Name: move(kv.Key), Value: rename(kv.Value, move(kv.Key)))).ToImmutableSortedDictionary(p => p.Name, p => p.Value);
}
