using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>CREATE, DROP and ALTER EXTENSION ... SET SCHEMA: which extensions exist, and so which of their types.</summary>
internal static class ExtensionStatements
{
    public static Catalog Create(Catalog catalog, CreateExtensionStatement s, ApplyContext context)
    {
        if (catalog.Extensions.ContainsKey(s.Name)) return catalog; // The server refuses a second one without IF NOT EXISTS; nothing changes either way.
        var known = PostgresExtensionTypes.Find(s.Name);
        var schema = known?.FixedSchema ?? s.Schema ?? catalog.DefaultSchema;
        if (known?.FixedSchema is null && !TypeStatements.CheckSchema(catalog, new QualifiedName(schema, s.Name), context, s.At)) return catalog;
        var extensions = catalog.Extensions;
        foreach (var required in known?.Requires ?? [])
        {
            if (extensions.ContainsKey(required)) continue;
            if (!s.Cascade)
            {
                context.Error(DiagnosticCodes.ExtensionDependency, $"Extension {context.Show(s.Name)} needs extension {context.Show(required)}, which no earlier migration creates; this CREATE EXTENSION would fail. Add CREATE EXTENSION IF NOT EXISTS {context.Show(required)} before it, or write CASCADE.", s.At);
                return catalog;
            }

            extensions = extensions.SetItem(required, PostgresExtensionTypes.Find(required)?.FixedSchema ?? schema);
        }

        return catalog.WithExtensions(extensions.SetItem(s.Name, schema));
    }

    public static Catalog Drop(Catalog catalog, DropExtensionStatement s, ApplyContext context)
    {
        foreach (var name in s.Names)
        {
            if (!catalog.Extensions.TryGetValue(name, out var schema)) continue; // Perhaps installed outside the migrations: none of its types is known here.
            var types = TypeTexts(name, schema, context);
            var users = Users(catalog, types, context);
            var calls = FunctionCalls(name, schema, context.Rules);
            var callers = calls is null ? [] : RoutineDependents.Callers(catalog, calls, context.Rules);
            if ((users.Count > 0 || callers.Count > 0) && !s.Cascade)
            {
                var uses = users.Count == 0 ? null : $"{string.Join(", ", users)} still use its types";
                var calling = callers.Count == 0 ? null : $"{string.Join(", ", callers)} {(callers.Count == 1 ? "calls" : "call")} its functions";
                context.Error(DiagnosticCodes.ExtensionDependency, $"DROP EXTENSION {context.Show(name)} would fail (SQLSTATE 2BP01): {string.Join("; ", new[] { uses, calling }.OfType<string>())}. Drop or change those first, or write CASCADE (which drops them).", s.At);
                continue;
            }

            catalog = DropUsers(catalog, types);
            if (calls is not null) catalog = RoutineDependents.DropCallers(catalog, calls, s.At, context);
            catalog = catalog.WithExtensions(catalog.Extensions.Remove(name));
        }

        return catalog;
    }

    public static Catalog Move(Catalog catalog, MoveExtensionStatement s, ApplyContext context)
    {
        if (!catalog.Extensions.TryGetValue(s.Name, out var from) || from == s.Schema) return catalog;
        if (!TypeStatements.CheckSchema(catalog, new QualifiedName(s.Schema, s.Name), context, s.At)) return catalog;
        foreach (var type in PostgresExtensionTypes.Find(s.Name)?.Types ?? [])
        {
            catalog = Retext(catalog, context.Show(new QualifiedName(from, type)), context.Show(new QualifiedName(s.Schema, type)));
        }

        return catalog.WithExtensions(catalog.Extensions.SetItem(s.Name, s.Schema));
    }

    /// <summary>DROP SCHEMA ... CASCADE: the extensions in the schema go, and with them what uses their types and calls their functions.</summary>
    public static Catalog DropInSchema(Catalog catalog, string schema, SqlToken at, ApplyContext context)
    {
        foreach (var (name, _) in catalog.Extensions.Where(e => e.Value == schema).ToList())
        {
            catalog = DropUsers(catalog, TypeTexts(name, schema, context));
            if (FunctionCalls(name, schema, context.Rules) is { } calls) catalog = RoutineDependents.DropCallers(catalog, calls, at, context);
            catalog = catalog.WithExtensions(catalog.Extensions.Remove(name));
        }

        return catalog;
    }

    /// <summary>ALTER SCHEMA ... RENAME: the extensions in it stay there, so their types' names change.</summary>
    public static Catalog RenameSchema(Catalog catalog, string from, string to, ApplyContext context)
    {
        foreach (var (name, _) in catalog.Extensions.Where(e => e.Value == from).ToList())
        {
            foreach (var type in PostgresExtensionTypes.Find(name)?.Types ?? [])
            {
                catalog = Retext(catalog, context.Show(new QualifiedName(from, type)), context.Show(new QualifiedName(to, type)));
            }

            catalog = catalog.WithExtensions(catalog.Extensions.SetItem(name, to));
        }

        return catalog;
    }

    /// <summary>The extensions in <paramref name="schema"/>, for "the schema is not empty".</summary>
    public static IEnumerable<string> In(Catalog catalog, string schema)
        => catalog.Extensions.Where(e => e.Value == schema).Select(e => e.Key);

    // Whether an expression calls one of the extension's functions, when SchemaTasks lists them:
    // by name in its schema (an unqualified call is taken as the default schema's), and a
    // namesake of one of PostgreSQL's own only when written with the schema.
    private static Func<string?, bool>? FunctionCalls(string extension, string schema, IdentifierRules rules)
    {
        if (rules.Dialect != SqlDialect.Postgres || PostgresExtensionTypes.Find(extension)?.Functions is not { } functions) return null;
        var routines = functions.Select(f => (Name: new QualifiedName(schema, f), QualifiedOnly: PostgresExtensionTypes.CoreNamesakes.Contains(f))).ToList();
        return text => text is not null && routines.Any(r => r.QualifiedOnly ? ExpressionCalls.CallsQualified(text, r.Name, rules) : ExpressionCalls.Calls(text, r.Name, rules));
    }

    private static HashSet<string> TypeTexts(string extension, string schema, ApplyContext context)
        => (PostgresExtensionTypes.Find(extension)?.Types ?? []).Select(t => context.Show(new QualifiedName(schema, t))).ToHashSet(StringComparer.Ordinal);

    // Extension types are not references (those are for the migrations' enums and domains), so
    // their uses are found by the type text, which for a user type is its quoted name.
    private static bool Uses(string typeText, HashSet<string> types)
        => types.Contains(typeText.EndsWith("[]", StringComparison.Ordinal) ? typeText[..^2] : typeText);

    private static List<string> Users(Catalog catalog, HashSet<string> types, ApplyContext context)
    {
        var users = new List<string>();
        foreach (var table in catalog.Tables.Values)
        {
            users.AddRange(table.Columns.Where(c => Uses(c.Type, types)).Select(c => $"column {context.Show(table.Name)}.{context.Show(c.Name)}"));
        }

        users.AddRange(catalog.Domains.Values.Where(d => Uses(d.BaseType, types)).Select(d => $"domain {context.Show(d.Name)}"));
        return users;
    }

    private static Catalog DropUsers(Catalog catalog, HashSet<string> types)
    {
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var dropped = table.Columns.Where(c => Uses(c.Type, types)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (dropped.Count == 0) continue;
            tables = tables.SetItem(table.Name, table with
            {
                Columns = table.Columns.RemoveAll(c => dropped.Contains(c.Name)),
                Checks = table.Checks.RemoveAll(k => k.Column is not null && dropped.Contains(k.Column)),
            });
        }

        catalog = catalog.With(tables: tables);
        foreach (var domain in catalog.Domains.Values.Where(d => Uses(d.BaseType, types)).ToList())
        {
            catalog = TypeReferences.DropDependents(catalog, domain.Name, IdentifierRules.Postgres);
            catalog = catalog.With(domains: catalog.Domains.Remove(domain.Name));
        }

        return catalog;
    }

    private static Catalog Retext(Catalog catalog, string from, string to)
    {
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var columns = table.Columns;
            for (var i = 0; i < columns.Length; i++)
            {
                var text = columns[i].Type;
                if (text == from) columns = columns.SetItem(i, columns[i] with { Type = to });
                else if (text == from + "[]") columns = columns.SetItem(i, columns[i] with { Type = to + "[]" });
            }

            if (columns != table.Columns) tables = tables.SetItem(table.Name, table with { Columns = columns });
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values.Where(d => d.BaseType == from))
        {
            domains = domains.SetItem(domain.Name, domain with { BaseType = to });
        }

        return catalog.With(tables: tables, domains: domains);
    }
}
