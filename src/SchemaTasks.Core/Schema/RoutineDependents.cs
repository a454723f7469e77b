using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// DROP FUNCTION and the column defaults, generated columns and CHECKs (of tables and domains)
/// and the views (<see cref="RoutineViewCallers"/>) that call the function: PostgreSQL refuses
/// the drop without CASCADE (2BP01) and with it drops them, the default becoming none and the generated column going as DROP COLUMN ... CASCADE
/// would take it. A domain whose default calls it goes whole, as the server records that default
/// as the domain's own dependency. Calls are matched by name (<see cref="ExpressionCalls"/>);
/// where the migrations made several overloads of it, which one a call resolves to is not known,
/// and the drop is reported rather than guessed.
/// </summary>
internal static class RoutineDependents
{
    public static Catalog Drop(Catalog catalog, DropRoutinesStatement s, ApplyContext context)
    {
        // DROP AGGREGATE (its names are not read) or DROP ROUTINE (which drops aggregates too).
        if (s.Routines.IsEmpty || s.Routines.Any(r => r.Kind == RoutineKind.Routine)) context.Overloads.Returns.AggregatesUnfollowed();
        foreach (var routine in s.Routines)
        {
            // A procedure is only ever CALLed: no default, CHECK or view can use it.
            List<string> users = routine.Kind == RoutineKind.Procedure ? [] : Users(catalog, routine.Name, context.Rules);
            var (views, mayCall) = routine.Kind == RoutineKind.Procedure ? ([], []) : RoutineViewCallers.Find(catalog, routine.Name, context);
            users.AddRange(views.Select(v => RoutineViewCallers.Describe(catalog, v, context)));
            var overloaded = context.Overloads.IsOverloaded(routine.Name);

            // Refused, the function stays: later calls still find it.
            if (users.Count == 0 || overloaded || s.Cascade) context.Overloads.Dropped(routine, s.IfExists, context.Where(s.At));
            if (users.Count == 0)
            {
                // With CASCADE, a view that may call it is kept as perhaps dropped (ViewCascade).
                if (!s.Cascade && mayCall.Count > 0)
                {
                    var viewsListed = string.Join(", ", mayCall.Select(v => RoutineViewCallers.Describe(catalog, v, context)));
                    context.Warning(
                        DiagnosticCodes.RoutineViewCallUndecided,
                        $"DROP FUNCTION {context.Show(routine.Name)}: {viewsListed} may call it ({(mayCall.Count == 1 ? "its query calls" : "their queries call")} a function of that name, or {(mayCall.Count == 1 ? "was" : "were")} not read), and SchemaTasks cannot tell whether the call resolves to this function (one of pg_catalog, of an extension, of another schema or made in a DO block may have the name). If it does, PostgreSQL refuses the drop (SQLSTATE 2BP01). Drop the view first, or call the function with its schema in the view.",
                        s.At);
                }

                continue;
            }

            var listed = string.Join(", ", users);
            if (overloaded)
            {
                context.Error(
                    DiagnosticCodes.UnsupportedStatement,
                    $"DROP FUNCTION drops an overload of {context.Show(routine.Name)}, which the migrations created with several argument lists, and {listed} {(users.Count == 1 ? "calls" : "call")} {context.Show(routine.Name)}: SchemaTasks cannot tell which overload those calls resolve to, so whether the server {(s.Cascade ? "drops them with it" : "refuses the drop")} would be a guess. Drop or change them before the DROP (and set them again after it if they call another overload).",
                    s.At);
                continue;
            }

            if (!s.Cascade)
            {
                context.Error(
                    DiagnosticCodes.RoutineInUse,
                    $"PostgreSQL refuses to drop function {context.Show(routine.Name)}: {listed} {(users.Count == 1 ? "calls" : "call")} it (SQLSTATE 2BP01, other objects depend on it). Drop or change those first (DROP VIEW, ALTER COLUMN ... DROP DEFAULT, DROP CONSTRAINT), or add CASCADE to drop them with the function.",
                    s.At);
                continue;
            }

            catalog = DropUsers(catalog, routine.Name, s.At, context);

            // The views that read these go too (ViewCascade, which sees them gone).
            if (views.Count > 0) catalog = RelationStatements.Drop(catalog, views);
        }

        return catalog;
    }

    /// <summary>
    /// ALTER FUNCTION ... RENAME TO / SET SCHEMA: the server holds the function by OID, so the
    /// expressions that call it show the new name.
    /// </summary>
    public static Catalog Rename(Catalog catalog, RenameRoutineStatement s, ApplyContext context)
    {
        var rules = context.Rules;
        var overloaded = context.Overloads.IsOverloaded(s.Name);
        context.Overloads.Renamed(s.Name, s.NewName, context.Where(s.At));
        var users = Users(catalog, s.Name, rules);
        if (users.Count == 0 || s.Name == s.NewName) return catalog;
        if (overloaded)
        {
            context.Error(
                DiagnosticCodes.UnsupportedStatement,
                $"ALTER FUNCTION renames or moves an overload of {context.Show(s.Name)}, which the migrations created with several argument lists, and {string.Join(", ", users)} {(users.Count == 1 ? "calls" : "call")} {context.Show(s.Name)}: SchemaTasks cannot tell which overload those calls resolve to, so which of them show the new name would be a guess. Drop or change them before the ALTER FUNCTION, and set them again after it.",
                s.At);
            return catalog;
        }

        string? Follow(string? text) => ExpressionCalls.Renamed(text, s.Name, s.NewName, rules);
        CatalogCheck FollowCheck(CatalogCheck check) => Calls(check, s.Name, rules)
            ? check with { Expression = Follow(check.Expression)!, WrittenExpression = Follow(check.WrittenExpression) }
            : check;

        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var columns = table.Columns.Select(c => c with { Default = Follow(c.Default), GeneratedExpression = Follow(c.GeneratedExpression) }).ToImmutableArray();
            var checks = table.Checks.Select(FollowCheck).ToImmutableArray();
            if (!columns.SequenceEqual(table.Columns) || !checks.SequenceEqual(table.Checks)) tables = tables.SetItem(table.Name, table with { Columns = columns, Checks = checks });
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values)
        {
            var followed = domain with { Default = Follow(domain.Default), Checks = domain.Checks.Select(FollowCheck).ToImmutableArray() };
            if (followed.Default != domain.Default || !followed.Checks.SequenceEqual(domain.Checks)) domains = domains.SetItem(domain.Name, followed);
        }

        return catalog.With(tables: tables, domains: domains);
    }

    /// <summary>
    /// DROP SCHEMA ... CASCADE drops the functions in it, and with them what calls them: those
    /// the migrations created there, and any other a call names with the schema.
    /// </summary>
    public static Catalog DropInSchema(Catalog catalog, string schema, SqlToken at, ApplyContext context)
    {
        var rules = context.Rules;
        if (rules.Dialect != SqlDialect.Postgres) return catalog;
        foreach (var routine in context.Overloads.In(schema).ToList())
        {
            catalog = DropUsers(catalog, routine, at, context);
            context.Overloads.Forget(routine, context.Where(at));
        }

        return DropCallers(catalog, text => ExpressionCalls.CallsInto(text, schema, rules), at, context);
    }

    /// <summary>Whether a default, generated column or CHECK calls <paramref name="routine"/>, so that dropping or renaming it changes a tracked object.</summary>
    public static bool IsCalled(Catalog catalog, QualifiedName routine, IdentifierRules rules) => Users(catalog, routine, rules).Count > 0;

    private static List<string> Users(Catalog catalog, QualifiedName routine, IdentifierRules rules)
        => Callers(catalog, text => ExpressionCalls.Calls(text, routine, rules), rules);

    /// <summary>The defaults, generated columns and CHECKs (of tables and domains) whose expression text satisfies <paramref name="calls"/>, described for messages.</summary>
    public static List<string> Callers(Catalog catalog, Func<string?, bool> calls, IdentifierRules rules)
    {
        var users = new List<string>();
        if (rules.Dialect != SqlDialect.Postgres) return users;
        bool CheckCalls(CatalogCheck check) => calls(check.WrittenExpression ?? check.Expression);
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (calls(column.Default)) users.Add($"the default of column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
                else if (calls(column.GeneratedExpression)) users.Add($"generated column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
            }

            foreach (var check in table.Checks.Where(CheckCalls))
            {
                users.Add($"constraint {rules.Quote(check.Name)} of {rules.Quote(table.Name)}");
            }
        }

        foreach (var domain in catalog.Domains.Values)
        {
            if (calls(domain.Default)) users.Add($"domain {rules.Quote(domain.Name)} (its default)");
            foreach (var check in domain.Checks.Where(CheckCalls))
            {
                users.Add($"constraint {rules.Quote(check.Name)} of domain {rules.Quote(domain.Name)}");
            }
        }

        return users;
    }

    private static Catalog DropUsers(Catalog catalog, QualifiedName routine, SqlToken at, ApplyContext context)
        => DropCallers(catalog, text => ExpressionCalls.Calls(text, routine, context.Rules), at, context);

    /// <summary>
    /// Drops what the server drops with functions: the defaults, generated columns, CHECKs and
    /// domains whose expression text satisfies <paramref name="calls"/>.
    /// </summary>
    public static Catalog DropCallers(Catalog catalog, Func<string?, bool> calls, SqlToken at, ApplyContext context)
    {
        bool CheckCalls(CatalogCheck check) => calls(check.WrittenExpression ?? check.Expression);
        foreach (var table in catalog.Tables.Values.ToList())
        {
            var generated = table.Columns.Where(c => calls(c.GeneratedExpression)).Select(c => (AlterAction)new DropColumnAction(at, c.Name, IfExists: false) { Cascade = true }).ToList();
            if (generated.Count > 0) catalog = AlterTableActions.Apply(catalog, new AlterTableStatement(at, table.Name, IfExists: false, generated), context);
        }

        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var checks = table.Checks.RemoveAll(CheckCalls);
            var columns = table.Columns;
            for (var i = 0; i < columns.Length; i++)
            {
                if (calls(columns[i].Default)) columns = columns.SetItem(i, columns[i] with { Default = null });
            }

            if (checks.Length != table.Checks.Length || columns != table.Columns) tables = tables.SetItem(table.Name, table with { Columns = columns, Checks = checks });
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values)
        {
            var checks = domain.Checks.RemoveAll(CheckCalls);
            if (checks.Length != domain.Checks.Length) domains = domains.SetItem(domain.Name, domain with { Checks = checks });
        }

        catalog = catalog.With(tables: tables, domains: domains);
        foreach (var domain in catalog.Domains.Values.Where(d => calls(d.Default)).ToList())
        {
            catalog = TypeReferences.DropDependents(catalog, domain.Name, context.Rules);
            catalog = catalog.With(domains: catalog.Domains.Remove(domain.Name));
        }

        return catalog;
    }

    // A value set's canonical text leaves out what was written around its column: lower(c) IN (...).
    private static bool Calls(CatalogCheck check, QualifiedName routine, IdentifierRules rules)
        => ExpressionCalls.Calls(check.WrittenExpression ?? check.Expression, routine, rules);
}
