using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>CREATE DOMAIN and ALTER DOMAIN (renames and drops are handled with types).</summary>
internal static class DomainStatements
{
    public static Catalog Create(Catalog catalog, CreateDomainStatement s, ApplyContext context)
    {
        if (!TypeStatements.CheckSchema(catalog, s.Name, context, s.At) || !TypeStatements.CheckNewType(catalog, s.Name, context, s.At)) return catalog;
        TypeExistence.Check(catalog, s.BaseType, context, s.At, s.Name, column: null);
        var (baseType, reference) = ColumnFactory.ResolveType(catalog, s.BaseType, context.Rules);
        var domain = new CatalogDomain(s.Name, baseType, s.NotNull, StoredDefaults.ForColumn(s.Default, baseType, s.BaseType.IsArray, context.Rules), []) { BaseTypeReference = reference };
        if (RefusedDefaults.Refuses(catalog, domain, s.Default, s.At, context)) return catalog;
        foreach (var check in s.Checks)
        {
            domain = AddCheck(catalog, domain, check, context);
        }

        return catalog.WithDomain(domain);
    }

    public static Catalog Alter(Catalog catalog, AlterDomainStatement s, ApplyContext context)
    {
        if (!catalog.Domains.TryGetValue(s.Name, out var domain))
        {
            context.Error(DiagnosticCodes.TypeNotFound, $"ALTER DOMAIN names {context.Show(s.Name)}, but no earlier migration creates that domain. Fix the name (quoted names keep their case).", s.At);
            return catalog;
        }

        switch (s.Action)
        {
            case SetDefaultAction a:
                domain = domain with { Default = StoredDefaults.ForColumn(a.Default, domain.BaseType, isArray: false, context.Rules) };
                if (RefusedDefaults.Refuses(catalog, domain, a.Default, a.At, context)) return catalog;
                break;
            case SetNotNullAction a:
                if (a.NotNull && DomainArrayUses.Refuses(catalog, domain, "SET NOT NULL", a.At, context)) return catalog;
                domain = domain with { IsNotNull = a.NotNull };
                break;
            case AddConstraintAction a:
                if (!a.NotValid && DomainArrayUses.Refuses(catalog, domain, "ADD CONSTRAINT", a.At, context)) return catalog;
                domain = AddCheck(catalog, domain, a.Constraint, context);
                break;
            case ValidateConstraintAction a:
                if (!domain.Checks.Any(c => c.Name == a.Name))
                {
                    context.Error(DiagnosticCodes.ConstraintNotFound, $"Domain {context.Show(s.Name)} has no constraint {context.Show(a.Name)} to validate (SQLSTATE 42704). Fix the name.", a.At);
                    return catalog;
                }

                DomainArrayUses.Refuses(catalog, domain, "VALIDATE CONSTRAINT", a.At, context);
                return catalog;
            case DropConstraintAction a:
                if (!domain.Checks.Any(c => c.Name == a.Name))
                {
                    if (!a.IfExists)
                    {
                        context.Error(DiagnosticCodes.ConstraintNotFound, $"Domain {context.Show(s.Name)} has no constraint {context.Show(a.Name)}. Write DROP CONSTRAINT IF EXISTS, or fix the name.", a.At);
                    }

                    break;
                }

                domain = domain with { Checks = domain.Checks.RemoveAll(c => c.Name == a.Name) };
                break;
            case RenameConstraintAction a:
                var index = domain.Checks.IndexOf(domain.Checks.FirstOrDefault(c => c.Name == a.From)!);
                if (index < 0)
                {
                    context.Error(DiagnosticCodes.ConstraintNotFound, $"Domain {context.Show(s.Name)} has no constraint {context.Show(a.From)} to rename. Fix the name.", a.At);
                    break;
                }

                domain = domain with { Checks = domain.Checks.SetItem(index, domain.Checks[index] with { Name = a.To }) };
                break;
        }

        return catalog.WithDomain(domain);
    }

    private static CatalogDomain AddCheck(Catalog catalog, CatalogDomain domain, ConstraintSpec spec, ApplyContext context)
    {
        if (spec.Check is null) return domain;
        var name = spec.Name;
        if (name is not null && domain.Checks.Any(c => c.Name == name))
        {
            context.Error(DiagnosticCodes.ConstraintExists, $"Domain {context.Show(domain.Name)} already has a constraint named {context.Show(name)}. Drop it first or choose another name.", spec.At);
            return domain;
        }

        // PostgreSQL names unnamed domain constraints <domain>_check, numbered on a clash in the schema.
        name ??= PostgresGeneratedNames.DomainCheck(catalog, domain);

        return domain with { Checks = domain.Checks.Add(TableStatements.ToCatalogCheck(name, spec.Check)) };
    }
}
