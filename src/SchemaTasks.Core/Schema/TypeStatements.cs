using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>CREATE TYPE, ALTER TYPE and DROP TYPE/DOMAIN.</summary>
internal static class TypeStatements
{
    public static bool TypeExists(Catalog catalog, QualifiedName name)
        => catalog.EnumTypes.ContainsKey(name) || catalog.Domains.ContainsKey(name) || catalog.OtherTypes.Contains(name);

    /// <summary>Reports and returns false when the schema of a new object does not exist.</summary>
    public static bool CheckSchema(Catalog catalog, QualifiedName name, ApplyContext context, SqlToken at)
    {
        if (!context.IsPostgres || catalog.Schemas.Contains(name.Schema)) return true;
        context.Error(DiagnosticCodes.SchemaNotFound, $"{context.Show(name)} is created in schema {context.Show(name.Schema)}, which the migrations never created. Add CREATE SCHEMA IF NOT EXISTS {context.Show(name.Schema)} before it.", at);
        return false;
    }

    public static Catalog CreateEnum(Catalog catalog, CreateEnumTypeStatement s, ApplyContext context)
    {
        if (!CheckSchema(catalog, s.Name, context, s.At) || !CheckNewType(catalog, s.Name, context, s.At)) return catalog;
        foreach (var label in s.Labels)
        {
            if (!EnumLabelLength.Fits(label, $"CREATE TYPE {context.Show(s.Name)}", context, s.At)) return catalog;
        }

        var labels = ImmutableArray.CreateBuilder<string>(s.Labels.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in s.Labels)
        {
            if (!seen.Add(label))
            {
                context.Error(DiagnosticCodes.EnumLabelExists, $"CREATE TYPE {context.Show(s.Name)} lists label {context.ShowValue(label)} twice. Remove the repeated label.", s.At);
                continue;
            }

            labels.Add(label);
        }

        context.UncommittedLabels?.TypeCreated(s.Name);
        return catalog.With(enumTypes: catalog.EnumTypes.SetItem(s.Name, new CatalogEnumType(s.Name, labels.ToImmutable())));
    }

    public static Catalog CreateOther(Catalog catalog, CreateOtherTypeStatement s, ApplyContext context)
    {
        // A shell type completed by its full definition; a composite type is never a shell.
        var shell = catalog.OtherTypes.Contains(s.Name) && !catalog.Composites.ContainsKey(s.Name);
        if (shell && s.Attributes is null) return catalog;
        if (!shell && (!CheckSchema(catalog, s.Name, context, s.At) || !CheckNewType(catalog, s.Name, context, s.At))) return catalog;
        if (s.Attributes is { } attributes) return CompositeTypeStatements.Create(catalog, s, attributes, context);
        return catalog.With(otherTypes: catalog.OtherTypes.Add(s.Name));
    }

    public static bool CheckNewType(Catalog catalog, QualifiedName name, ApplyContext context, SqlToken at)
    {
        if (!TypeExists(catalog, name)) return true;
        context.Error(DiagnosticCodes.TypeExists, $"Type {context.Show(name)} already exists. Remove this statement, drop the type first, or use ALTER TYPE to change it.", at);
        return false;
    }

    private static CatalogEnumType? FindEnum(Catalog catalog, QualifiedName name, ApplyContext context, SqlToken at, string statement)
    {
        if (catalog.EnumTypes.TryGetValue(name, out var type)) return type;
        var hint = TypeExists(catalog, name)
            ? $"{context.Show(name)} is not an enum type"
            : $"no earlier migration creates enum type {context.Show(name)}";
        context.Error(DiagnosticCodes.TypeNotFound, $"{statement} names {context.Show(name)}, but {hint}. Create it first with CREATE TYPE {context.Show(name)} AS ENUM (...), or fix the name (quoted names keep their case).", at);
        return null;
    }

    public static Catalog AddValue(Catalog catalog, AddEnumValueStatement s, ApplyContext context)
    {
        var type = FindEnum(catalog, s.Type, context, s.At, "ALTER TYPE ... ADD VALUE");
        if (type is null || !EnumLabelLength.Fits(s.Label, $"ALTER TYPE {context.Show(s.Type)} ADD VALUE", context, s.At)) return catalog;
        if (type.HasLabel(s.Label))
        {
            if (!s.IfNotExists)
            {
                context.Error(DiagnosticCodes.EnumLabelExists, $"Enum type {context.Show(s.Type)} already has label {context.ShowValue(s.Label)}; this ADD VALUE would fail. Remove it, or write ADD VALUE IF NOT EXISTS {context.ShowValue(s.Label)}.", s.At);
            }

            return catalog;
        }

        if (s.Neighbour is { } neighbour && !type.HasLabel(neighbour))
        {
            context.Error(DiagnosticCodes.EnumLabelNotFound, $"ADD VALUE {context.ShowValue(s.Label)} {(s.Before ? "BEFORE" : "AFTER")} {context.ShowValue(neighbour)}: enum type {context.Show(s.Type)} has no label {context.ShowValue(neighbour)} (it has {string.Join(", ", type.Labels.Select(context.ShowValue))}). Fix the neighbour label.", s.At);
            return catalog;
        }

        context.UncommittedLabels?.LabelAdded(s.Type, s.Label, s.At);
        return catalog.With(enumTypes: catalog.EnumTypes.SetItem(s.Type, type.WithLabelAdded(s.Label, s.Neighbour, s.Before)));
    }

    public static Catalog RenameValue(Catalog catalog, RenameEnumValueStatement s, ApplyContext context)
    {
        var type = FindEnum(catalog, s.Type, context, s.At, "ALTER TYPE ... RENAME VALUE");
        if (type is null || !EnumLabelLength.Fits(s.To, $"ALTER TYPE {context.Show(s.Type)} RENAME VALUE", context, s.At)) return catalog;
        var index = type.IndexOfLabel(s.From);
        if (index < 0)
        {
            context.Error(DiagnosticCodes.EnumLabelNotFound, $"RENAME VALUE {context.ShowValue(s.From)}: enum type {context.Show(s.Type)} has no such label (it has {string.Join(", ", type.Labels.Select(context.ShowValue))}). Fix the label.", s.At);
            return catalog;
        }

        if (type.HasLabel(s.To))
        {
            context.Error(DiagnosticCodes.EnumLabelExists, $"RENAME VALUE {context.ShowValue(s.From)} TO {context.ShowValue(s.To)}: enum type {context.Show(s.Type)} already has label {context.ShowValue(s.To)}. Choose another name.", s.At);
            return catalog;
        }

        context.UncommittedLabels?.LabelRenamed(s.Type, s.From, s.To);
        catalog = catalog.With(enumTypes: catalog.EnumTypes.SetItem(s.Type, type with { Labels = type.Labels.SetItem(index, s.To) }));
        return RenameLabelInUses(catalog, s.Type, s.From, s.To, context, s.At);
    }

    /// <summary>
    /// PostgreSQL keeps enum constants by OID, so defaults and CHECKs on columns of the type (and
    /// CHECKs of domains over it) show the new label after RENAME VALUE; the catalog follows,
    /// into the defaults of array columns (<see cref="EnumArrayDefaults"/>) and of columns of
    /// domains over the type (<see cref="DomainColumnDefaults"/>) too.
    /// </summary>
    private static Catalog RenameLabelInUses(Catalog catalog, QualifiedName type, string from, string to, ApplyContext context, SqlToken at)
    {
        var rules = context.Rules;
        var (oldLiteral, newLiteral) = (rules.QuoteString(from), rules.QuoteString(to));
        ImmutableArray<CatalogCheck> Renamed(ImmutableArray<CatalogCheck> checks, Func<string, bool> restricts)
            => checks.Select(c => c.Column is { } column && restricts(column) && c.Values.Contains(from)
                ? c with { Values = c.Values.Replace(from, to), Expression = DdlParser.ValueSetText(rules, column, c.Values.Replace(from, to)) }
                : c).ToImmutableArray();

        var tables = EnumArrayDefaultsRenamed(catalog, type, from, to, context, at).Tables;
        foreach (var table in tables.Values)
        {
            var ofDomain = DomainColumnDefaults.RenameLabel(catalog, table, type, from, to, rules);
            if (!ReferenceEquals(ofDomain, table)) tables = tables.SetItem(table.Name, ofDomain);
        }

        foreach (var table in tables.Values)
        {
            var ofType = table.Columns.Where(c => c.TypeReference == type && !c.IsArray).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (ofType.Count == 0) continue;
            var columns = table.Columns.Select(c => ofType.Contains(c.Name) && c.Default == oldLiteral ? c with { Default = newLiteral } : c).ToImmutableArray();
            tables = tables.SetItem(table.Name, table with { Columns = columns, Checks = Renamed(table.Checks, ofType.Contains) });
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values.Where(d => d.BaseTypeReference == type))
        {
            domains = domains.SetItem(domain.Name, domain with
            {
                Default = domain.Default == oldLiteral ? newLiteral : domain.Default,
                Checks = Renamed(domain.Checks, c => c == "VALUE"),
            });
        }

        return catalog.With(tables: tables, domains: domains);
    }

    private static Catalog EnumArrayDefaultsRenamed(Catalog catalog, QualifiedName type, string from, string to, ApplyContext context, SqlToken at)
    {
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var next = table;
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var column = table.Columns[i];
                if (column.TypeReference != type || !column.IsArray || column.Default is not { } stored || !column.Type.EndsWith("[]", StringComparison.Ordinal)) continue;
                var renamed = EnumArrayDefaults.RenameLabel(stored, column.Type[..^2], from, to, context.Rules);
                if (renamed.Unread)
                {
                    context.Warning(
                        DiagnosticCodes.EnumArrayDefaultUnread,
                        $"ALTER TYPE {context.Show(type)} RENAME VALUE {context.ShowValue(from)} TO {context.ShowValue(to)}: the default of column {context.Show(column.Name)} of {context.Show(table.Name)}, {stored}, may hold the label, which PostgreSQL renames there too, but SchemaTasks cannot read that default exactly, so the snapshot keeps it as written. Write the default as an array literal ('{{a,b}}') or as ARRAY['a', 'b'], or set it again after the rename with ALTER TABLE ... ALTER COLUMN ... SET DEFAULT.",
                        at);
                }
                else if (!ReferenceEquals(renamed.Default, stored))
                {
                    next = next.WithColumnChanged(i, column with { Default = renamed.Default });
                }
            }

            if (!ReferenceEquals(next, table)) tables = tables.SetItem(table.Name, next);
        }

        return catalog.With(tables: tables);
    }

    public static Catalog Rename(Catalog catalog, RenameTypeStatement s, ApplyContext context)
    {
        var kind = s.IsDomain ? "domain" : "type";
        var exists = s.IsDomain ? catalog.Domains.ContainsKey(s.Type) : TypeExists(catalog, s.Type);
        if (!exists)
        {
            context.Error(DiagnosticCodes.TypeNotFound, $"ALTER {kind.ToUpperInvariant()} names {context.Show(s.Type)}, but no earlier migration creates that {kind}. Fix the name (quoted names keep their case).", s.At);
            return catalog;
        }

        if (s.NewName == s.Type) return catalog;
        if (!CheckSchema(catalog, s.NewName, context, s.At) || !CheckNewType(catalog, s.NewName, context, s.At)) return catalog;
        context.Overloads.Returns.TypeRenamed(s.Type, s.NewName);
        context.Overloads.TypeUses.TypeRenamed(s.Type, s.NewName);
        if (catalog.EnumTypes.TryGetValue(s.Type, out var enumType))
        {
            context.UncommittedLabels?.TypeRenamed(s.Type, s.NewName);
            catalog = catalog.With(enumTypes: catalog.EnumTypes.Remove(s.Type).SetItem(s.NewName, enumType with { Name = s.NewName }));
        }
        else if (catalog.Domains.TryGetValue(s.Type, out var domain))
        {
            catalog = catalog.With(domains: catalog.Domains.Remove(s.Type).SetItem(s.NewName, domain with { Name = s.NewName }));
        }
        else
        {
            var composites = catalog.Composites.TryGetValue(s.Type, out var composite) ? catalog.Composites.Remove(s.Type).SetItem(s.NewName, composite with { Name = s.NewName }) : catalog.Composites;
            catalog = catalog.With(otherTypes: catalog.OtherTypes.Remove(s.Type).Add(s.NewName), composites: composites);
        }

        return TypeReferences.Retarget(catalog, s.Type, s.NewName, context.Rules);
    }

    /// <summary>
    /// DROP TYPE / DROP DOMAIN of one or more names, all or none, as the server runs it: every name
    /// is looked up first (42704 for a missing one without IF EXISTS; DROP DOMAIN of a type that is
    /// not a domain is 42809, even with IF EXISTS); then, without CASCADE, anything outside the
    /// names that uses one of them refuses the whole statement (2BP01): columns, attributes,
    /// domains, defaults and CHECKs (<see cref="TypeReferences"/>), typed tables
    /// (<see cref="TypedTables"/>) and the functions and procedures whose header names it
    /// (<see cref="RoutineTypeUses"/>). With CASCADE they go too.
    /// </summary>
    public static Catalog Drop(Catalog catalog, DropTypeStatement s, ApplyContext context)
    {
        var kind = s.IsDomain ? "DOMAIN" : "TYPE";
        var names = new List<QualifiedName>();
        foreach (var name in s.Names)
        {
            if (s.IsDomain ? catalog.Domains.ContainsKey(name) : TypeExists(catalog, name))
            {
                if (!names.Contains(name)) names.Add(name);
                continue;
            }

            if (s.IsDomain && TypeExists(catalog, name))
            {
                context.Error(DiagnosticCodes.TypeNotFound, $"DROP DOMAIN names {context.Show(name)}, which is a type but not a domain; PostgreSQL refuses the statement (42809, \"{name.Name}\" is not a domain; IF EXISTS does not change that), and drops none of its names. Write DROP TYPE {context.Show(name)}.", s.At);
                return catalog;
            }

            if (s.IfExists) continue;
            var others = s.Names.Count > 1 ? ", and drops none of the statement's names" : string.Empty;
            context.Error(DiagnosticCodes.TypeNotFound, $"DROP {kind} names {context.Show(name)}, but no earlier migration creates it (or it was already dropped); PostgreSQL refuses the statement (42704, type \"{name.Name}\" does not exist){others}. Write DROP {kind} IF EXISTS, or fix the name.", s.At);
            return catalog;
        }

        if (!s.Cascade && RefusesDrop(catalog, names, kind, s, context)) return catalog;
        foreach (var name in names)
        {
            if (!TypeExists(catalog, name)) continue; // Dropped with an earlier name of the statement.
            var typedTables = TypedTables.Of(catalog, name);
            if (typedTables.Count > 0) catalog = TableStatements.Drop(catalog, new DropTableStatement(s.At, typedTables, false, true), context);
            foreach (var user in context.Overloads.TypeUses.UsersOf(name).Where(u => u.Certain))
            {
                var routine = new DroppedRoutine(user.Name, user.Kind, user.Signature);
                catalog = CatalogApplier.Apply(catalog, new DropRoutinesStatement(s.At, [routine], Cascade: true), context);
            }

            catalog = TypeReferences.DropDependents(catalog, name, context.Rules);
            context.UncommittedLabels?.TypeDropped(name);
            catalog = catalog.With(
                enumTypes: catalog.EnumTypes.Remove(name),
                domains: catalog.Domains.Remove(name),
                otherTypes: catalog.OtherTypes.Remove(name),
                composites: catalog.Composites.Remove(name));
        }

        return catalog;
    }

    // What uses each name, outside the names themselves (the server drops a domain over a type
    // with the type when the statement names both); reported, and true, when anything does.
    private static bool RefusesDrop(Catalog catalog, List<QualifiedName> names, string kind, DropTypeStatement s, ApplyContext context)
    {
        var rules = context.Rules;
        foreach (var name in names)
        {
            var others = names.Where(n => n != name).ToList();
            var outside = others.Count == 0 ? catalog : catalog.With(
                domains: catalog.Domains.RemoveRange(others),
                composites: catalog.Composites.RemoveRange(others));
            var dependents = TypeReferences.Dependents(outside, name, rules);
            dependents.AddRange(TypedTables.Of(catalog, name).Select(t => $"typed table {rules.Quote(t)}"));
            var users = context.Overloads.TypeUses.UsersOf(name);
            dependents.AddRange(users.Where(u => u.Certain).Select(u => u.Describe(rules)));
            if (dependents.Count > 0)
            {
                context.Error(DiagnosticCodes.TypeInUse, $"DROP {kind} {context.Show(name)} would fail: {string.Join(", ", dependents)} still use it (2BP01, cannot drop type {name.Name} because other objects depend on it){(names.Count > 1 ? "; none of the statement's names is dropped" : string.Empty)}. Change or drop those first, or add CASCADE (which drops them).", s.At);
                return true;
            }

            if (users.FirstOrDefault(u => !u.Certain) is { } mayUse)
            {
                context.Warning(DiagnosticCodes.RoutineTypeUseUndecided, $"DROP {kind} {context.Show(name)}: {mayUse.Describe(rules)} names it, and a DROP or rename of one of the overloads of {context.Show(mayUse.Name)}, written with another argument list, left SchemaTasks unable to tell whether that one is still there. If it is, PostgreSQL refuses this drop (2BP01, other objects depend on it). Drop the function first with the argument list it was created with, or add CASCADE.", s.At);
            }
        }

        return false;
    }
}
