using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's triggers, kept by name on their tables for what the server checks (checked on
/// PostgreSQL 15): CREATE TRIGGER on a relation that does not exist (42P01), of the wrong kind
/// (42809), of a form the server does not support (0A000, <see cref="TriggerForms"/>), calling a
/// function that does not exist (42883) or does not return trigger (42P17), of a name the table's
/// triggers already use (42710), with an UPDATE OF column the table lacks (42703) or names twice
/// (42701); DROP and ALTER TRIGGER of a trigger that is not there (42704); DROP COLUMN of a column
/// an UPDATE OF names and DROP FUNCTION of a function a trigger executes (2BP01). A partitioned
/// table's row triggers are cloned to its partitions (<see cref="TriggerClones"/>). Nothing of a
/// trigger is in the snapshot. Only refused where the engine is sure: a name a DO block or a
/// called routine may have touched unseen (<see cref="UnseenTriggers"/>) is reported as undecided.
/// </summary>
internal static class TriggerStatements
{
    public static Catalog Create(Catalog catalog, CreateTriggerStatement s, ApplyContext context)
    {
        if (s.OrReplace && s.Constraint)
        {
            context.Error(DiagnosticCodes.TriggerExists, $"PostgreSQL refuses CREATE OR REPLACE CONSTRAINT TRIGGER {context.Show(s.Name)} (SQLSTATE 0A000, CREATE OR REPLACE CONSTRAINT TRIGGER is not supported). Drop the trigger first and create it again, without OR REPLACE.", s.At);
            return catalog;
        }

        if (TemporaryTables.Names(s.Table, s, context)) return catalog;
        if (!catalog.Tables.TryGetValue(s.Table, out var table))
        {
            CheckOtherRelation(catalog, s, context);
            return catalog;
        }

        if (s.Timing == TriggerTiming.InsteadOf)
        {
            context.Error(DiagnosticCodes.TableNotFound, $"CREATE TRIGGER {context.Show(s.Name)} INSTEAD OF ... ON {context.Show(s.Table)}: {context.Show(s.Table)} is a table, and PostgreSQL refuses INSTEAD OF triggers on tables (SQLSTATE 42809, wrong object type); they are for views. Use BEFORE or AFTER, or put the trigger on a view.", s.TableAt);
            return catalog;
        }

        // The server checks the form, then the function, then the name, then the columns.
        if (TriggerForms.Refuses(s, table, context)) return catalog;
        if (RefusesFunction(catalog, s, context)) return catalog;
        var unseen = context.Overloads.Triggers.MayTouch(s.Name);
        if (table.Triggers.TryGetValue(s.Name, out var existing) || unseen)
        {
            if (unseen && !s.OrReplace)
            {
                context.Warning(DiagnosticCodes.TriggerExists, $"CREATE TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: {UnseenBy(context, s.Name)}, so it cannot tell whether the table already has one, which PostgreSQL refuses (SQLSTATE 42710, trigger already exists). Write CREATE OR REPLACE TRIGGER, or DROP TRIGGER IF EXISTS first.", s.At);
            }
            else if (existing is not null && !unseen && (!s.OrReplace || existing.Constraint || existing.Cloned))
            {
                var why = !s.OrReplace ? "already exists" : existing.Constraint ? "is a constraint trigger" : "is an internal or a child trigger";
                var whose = existing.Cloned ? $"PostgreSQL cloned it there from the partitioned table {context.Show(TriggerClones.ParentOf(table))}'s trigger, created at {existing.Where}" : $"created at {existing.Where}";
                context.Error(DiagnosticCodes.TriggerExists, $"CREATE TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: the table already has a trigger of that name ({whose}), and PostgreSQL refuses the statement (SQLSTATE 42710, trigger {why}). {(existing.Cloned ? "Change or drop the trigger on the partitioned table instead, or choose another name." : $"Drop the trigger first, {(existing.Constraint ? "" : "write CREATE OR REPLACE TRIGGER, ")}or choose another name.")}", s.At);
                return catalog;
            }
        }

        var columns = ImmutableArray.CreateBuilder<string>(s.UpdateColumns.Length);
        foreach (var (column, at) in s.UpdateColumns)
        {
            if (table.FindColumn(column, context.Rules.Dialect) is not { } found)
            {
                var known = string.Join(", ", table.Columns.Select(c => context.Show(c.Name)));
                context.Error(DiagnosticCodes.ColumnNotFound, $"CREATE TRIGGER {context.Show(s.Name)} ... UPDATE OF names column {context.Show(column)}, but table {context.Show(s.Table)} has no such column (it has {(known.Length == 0 ? "no columns" : known)}): PostgreSQL refuses the statement (SQLSTATE 42703, column of relation does not exist) and the migration stops here. Fix the column name (quoted names keep their case), or add the column first.", at);
                return catalog;
            }

            if (columns.Contains(found.Name))
            {
                context.Error(DiagnosticCodes.ColumnExists, $"CREATE TRIGGER {context.Show(s.Name)} ... UPDATE OF names column {context.Show(found.Name)} of {context.Show(s.Table)} more than once: PostgreSQL refuses the statement (SQLSTATE 42701, column specified more than once) and the migration stops here. Name each column once.", at);
                return catalog;
            }

            columns.Add(found.Name);
        }

        var trigger = new TableTrigger(columns.ToImmutable(), s.Function, s.Constraint, context.Where(s.At))
        {
            ForEachRow = s.ForEachRow,
            FunctionKnown = KnowsFunction(s, context),
        };
        var after = catalog.WithTable(s.Table, table with { Triggers = table.Triggers.SetItem(s.Name, trigger) });

        // A row trigger on a partitioned table is cloned to its partitions; a statement trigger is
        // not, and one that replaces a row trigger leaves the clones as they were (PostgreSQL 15).
        if (!s.ForEachRow || table.Inheritance is not { Partitioned: true }) return after;
        return TriggerClones.CloneDown(after, s.Table, s.Name, trigger, s.OrReplace, s.At, context) ?? catalog;
    }

    // Whether the trigger surely executes the function of no arguments the migrations created under
    // that name, so that a DROP FUNCTION of it is refused: a qualified name, or one the default
    // search path finds in public (no pg_catalog function has it), while no function was made unseen.
    private static bool KnowsFunction(CreateTriggerStatement s, ApplyContext context)
    {
        var overloads = context.Overloads;
        if (!s.FunctionQualified && (context.Rules.DefaultSchema != "public" || PostgresCatalogFunctions.Has(s.Function.Name))) return false;
        return !overloads.Triggers.FunctionsMade && !overloads.Returns.MadeUnseen && overloads.SignaturesOf(s.Function).Contains(NoArguments);
    }

    /// <summary>An argument list of none, as <see cref="RoutineSignature"/> writes it: a trigger's function takes no arguments.</summary>
    public const string NoArguments = "( ) ";

    public static Catalog Drop(Catalog catalog, DropTriggerStatement s, ApplyContext context)
    {
        if (TemporaryTables.Names(s.Table, s, context)) return catalog;
        if (!catalog.Tables.TryGetValue(s.Table, out var table))
        {
            if (!s.IfExists && !catalog.Relations.Named.ContainsKey(s.Table) && CommentTargets.IsSurelyMissing(catalog, s.Table, context))
            {
                context.Error(DiagnosticCodes.TableNotFound, $"DROP TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: no earlier migration creates {context.Show(s.Table)} (or it was renamed or dropped), and PostgreSQL refuses the statement (SQLSTATE 42P01, relation does not exist). Fix the name (quoted names keep their case), or write DROP TRIGGER IF EXISTS.", s.TableAt);
            }

            return catalog;
        }

        if (table.Triggers.TryGetValue(s.Name, out var dropped))
        {
            if (dropped.Cloned && TriggerClones.RefusesDrop(table, s, dropped, context)) return catalog;
            return TriggerClones.RemoveDerived(catalog.WithTable(s.Table, table with { Triggers = table.Triggers.Remove(s.Name) }), s.Table, s.Name);
        }

        if (s.IfExists) return catalog;
        if (context.Overloads.Triggers.MayTouch(s.Name))
        {
            context.Warning(DiagnosticCodes.TriggerNotFound, $"DROP TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: no statement SchemaTasks follows creates it, but {UnseenBy(context, s.Name)}; if the table has none, PostgreSQL refuses the statement (SQLSTATE 42704, trigger does not exist). Write DROP TRIGGER IF EXISTS if it may be missing.", s.At);
            return catalog;
        }

        context.Error(DiagnosticCodes.TriggerNotFound, $"DROP TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: the table has no trigger of that name{Known(table, context)}, and PostgreSQL refuses the statement (SQLSTATE 42704, trigger does not exist). Fix the name (quoted names keep their case), or write DROP TRIGGER IF EXISTS.", s.At);
        return catalog;
    }

    public static Catalog Rename(Catalog catalog, RenameTriggerStatement s, ApplyContext context)
    {
        if (TemporaryTables.Names(s.Table, s, context)) return catalog;
        if (!catalog.Tables.TryGetValue(s.Table, out var table))
        {
            if (!catalog.Relations.Named.ContainsKey(s.Table) && CommentTargets.IsSurelyMissing(catalog, s.Table, context))
            {
                context.Error(DiagnosticCodes.TableNotFound, $"ALTER TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: no earlier migration creates {context.Show(s.Table)} (or it was renamed or dropped), and PostgreSQL refuses the statement (SQLSTATE 42P01, relation does not exist). Fix the name (quoted names keep their case).", s.TableAt);
            }

            return catalog;
        }

        var unseen = context.Overloads.Triggers;
        if (!table.Triggers.TryGetValue(s.Name, out var trigger))
        {
            if (unseen.MayTouch(s.Name))
            {
                context.Warning(DiagnosticCodes.TriggerNotFound, $"ALTER TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: no statement SchemaTasks follows creates it, but {UnseenBy(context, s.Name)}; if the table has none, PostgreSQL refuses the statement (SQLSTATE 42704, trigger does not exist).", s.At);
            }
            else
            {
                context.Error(DiagnosticCodes.TriggerNotFound, $"ALTER TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: the table has no trigger of that name{Known(table, context)}, and PostgreSQL refuses the statement (SQLSTATE 42704, trigger does not exist). Fix the name (quoted names keep their case).", s.At);
            }

            return catalog;
        }

        if (s.NewName != s.Name && table.Triggers.TryGetValue(s.NewName, out var taken) && !unseen.MayTouch(s.NewName))
        {
            context.Error(DiagnosticCodes.TriggerExists, $"ALTER TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)} RENAME TO {context.Show(s.NewName)}: the table already has a trigger of that name, created at {taken.Where}, and PostgreSQL refuses the statement (SQLSTATE 42710, trigger already exists). Choose another name, or drop that trigger first.", s.At);
            return catalog;
        }

        if (trigger.Cloned && TriggerClones.RefusesRename(table, s, trigger, context)) return catalog;
        var renamed = catalog.WithTable(s.Table, table with { Triggers = table.Triggers.Remove(s.Name).SetItem(s.NewName, trigger) });
        return s.NewName == s.Name ? renamed : TriggerClones.RenameDerived(renamed, s.Table, s, context) ?? catalog;
    }

    /// <summary>
    /// DROP COLUMN: PostgreSQL refuses it while a trigger's UPDATE OF names the column (2BP01),
    /// and drops the trigger with CASCADE. Null when refused (reported).
    /// </summary>
    public static CatalogTable? BeforeColumnDrop(CatalogTable table, string column, bool cascade, SqlToken at, ApplyContext context)
    {
        if (table.Triggers.IsEmpty) return table;
        var users = table.Triggers.Where(t => t.Value.UpdateColumns.Contains(column, StringComparer.Ordinal)).ToList();
        if (users.Count == 0) return table;
        if (cascade) return table with { Triggers = table.Triggers.RemoveRange(users.Select(u => u.Key)) };
        var (name, trigger) = users[0];
        context.Error(DiagnosticCodes.ViewDependsOnColumn, $"PostgreSQL refuses to drop column {context.Show(column)} of {context.Show(table.Name)}: trigger {context.Show(name)}, created at {trigger.Where}, fires on UPDATE OF it (SQLSTATE 2BP01, other objects depend on it). Drop the trigger first (and create it again after, without the column, if it should stay), or add CASCADE to drop it with the column.", at);
        return null;
    }

    /// <summary>RENAME COLUMN: a trigger's UPDATE OF follows the column, as the server keeps it by number.</summary>
    public static CatalogTable FollowRenamedColumn(CatalogTable table, string from, string to)
    {
        if (table.Triggers.IsEmpty) return table;
        var triggers = table.Triggers;
        foreach (var (name, trigger) in table.Triggers)
        {
            if (trigger.UpdateColumns.Contains(from, StringComparer.Ordinal))
            {
                triggers = triggers.SetItem(name, trigger with { UpdateColumns = trigger.UpdateColumns.Replace(from, to) });
            }
        }

        return table with { Triggers = triggers };
    }

    /// <summary>
    /// DROP FUNCTION ... CASCADE drops the triggers that call the function. A trigger's function
    /// takes no arguments: a drop of the function the trigger surely executes (<see
    /// cref="TableTrigger.FunctionKnown"/>) that names no argument list, or an empty one, surely
    /// took it; any other drop of the name (another schema's, another overload) may or may not
    /// have, so the trigger is left out and its name left undecided.
    /// </summary>
    public static Catalog DropRoutineUsers(Catalog catalog, DropRoutinesStatement s, ApplyContext context)
    {
        foreach (var (holder, table) in catalog.Tables.Where(t => !t.Value.Triggers.IsEmpty).ToList())
        {
            var triggers = table.Triggers;
            foreach (var (name, trigger) in table.Triggers)
            {
                var drop = s.Routines.FirstOrDefault(r => r.Kind != RoutineKind.Procedure && r.Name.Name == trigger.Function.Name);
                if (drop is null) continue;
                triggers = triggers.Remove(name);
                var surely = trigger.FunctionKnown && drop.Name == trigger.Function && drop.Arguments is null or NoArguments;
                if (!surely) context.Overloads.Triggers.Forget(name, context.Where(s.At));
            }

            if (!ReferenceEquals(triggers, table.Triggers)) catalog = catalog.WithTable(holder, table with { Triggers = triggers });
        }

        return catalog;
    }

    /// <summary>
    /// DROP FUNCTION without CASCADE of a function a trigger surely executes: PostgreSQL refuses it
    /// (2BP01), even with IF EXISTS. Reported, and true, when refused.
    /// </summary>
    public static bool RefusesRoutineDrop(Catalog catalog, DropRoutinesStatement s, ApplyContext context)
    {
        if (s.Cascade) return false;
        foreach (var routine in s.Routines)
        {
            if (routine.Kind == RoutineKind.Procedure || !TakesFunctionOfNoArguments(routine, context)) continue;
            foreach (var (holder, table) in catalog.Tables)
            {
                if (table.Triggers.IsEmpty) continue;
                foreach (var (name, trigger) in table.Triggers)
                {
                    if (!trigger.FunctionKnown || trigger.Function != routine.Name || context.Overloads.Triggers.MayTouch(name)) continue;
                    context.Error(DiagnosticCodes.RoutineInUse, $"PostgreSQL refuses to drop function {context.Show(routine.Name)}(): trigger {context.Show(name)} on {context.Show(holder)}, created at {trigger.Where}, executes it (SQLSTATE 2BP01, other objects depend on it; IF EXISTS does not change that). Drop the trigger first (DROP TRIGGER {context.Show(name)} ON {context.Show(holder)}), or add CASCADE to drop it with the function.", s.At);
                    return true;
                }
            }
        }

        return false;
    }

    // Whether the DROP names the function of no arguments the migrations created: with an empty
    // argument list, or with none when that is the name's only routine and none may have been made unseen.
    private static bool TakesFunctionOfNoArguments(DroppedRoutine routine, ApplyContext context)
    {
        var overloads = context.Overloads;
        var signatures = overloads.SignaturesOf(routine.Name);
        if (!signatures.Contains(NoArguments)) return false;
        return routine.Arguments == NoArguments
               || (routine.Arguments is null && signatures.Count == 1 && !overloads.Triggers.FunctionsMade && !overloads.Returns.MadeUnseen);
    }

    /// <summary>
    /// ALTER FUNCTION ... RENAME TO / SET SCHEMA: a trigger holds its function by OID, so it
    /// executes the function under its new name; when the name has several overloads, which one
    /// moved is not known, and the trigger's function is no longer known.
    /// </summary>
    public static Catalog FollowRenamedRoutine(Catalog catalog, RenameRoutineStatement s, bool overloaded)
    {
        foreach (var (holder, table) in catalog.Tables.Where(t => !t.Value.Triggers.IsEmpty).ToList())
        {
            var triggers = table.Triggers;
            foreach (var (name, trigger) in table.Triggers)
            {
                if (trigger.Function != s.Name) continue;
                triggers = triggers.SetItem(name, overloaded ? trigger with { FunctionKnown = false } : trigger with { Function = s.NewName });
            }

            if (!ReferenceEquals(triggers, table.Triggers)) catalog = catalog.WithTable(holder, table with { Triggers = triggers });
        }

        return catalog;
    }

    /// <summary>DROP SCHEMA ... CASCADE drops the functions in it, and the triggers that execute them.</summary>
    public static Catalog DropInSchema(Catalog catalog, string schema)
    {
        foreach (var (holder, table) in catalog.Tables.Where(t => !t.Value.Triggers.IsEmpty).ToList())
        {
            var gone = table.Triggers.Where(t => t.Value.Function.Schema == schema).Select(t => t.Key).ToList();
            if (gone.Count > 0) catalog = catalog.WithTable(holder, table with { Triggers = table.Triggers.RemoveRange(gone) });
        }

        return catalog;
    }

    // A view, sequence or the like the engine lists by name, or a name no relation has.
    private static void CheckOtherRelation(Catalog catalog, CreateTriggerStatement s, ApplyContext context)
    {
        if (catalog.Relations.Named.TryGetValue(s.Table, out var relation))
        {
            if (relation.Uncertain || catalog.Relations.MayHaveGone(s.Table)) return;
            var refusal = relation.Kind switch
            {
                'v' when s.Timing != TriggerTiming.InsteadOf && s.ForEachRow => $"{context.Show(s.Table)} is a view, and PostgreSQL refuses row-level BEFORE and AFTER triggers on views (SQLSTATE 42809, wrong object type). Use INSTEAD OF, or FOR EACH STATEMENT.",
                'v' when s.Truncate => $"{context.Show(s.Table)} is a view, and PostgreSQL refuses TRUNCATE triggers on views (SQLSTATE 42809, wrong object type). Put the trigger on the table the view reads.",
                'S' or 'i' or 'm' => $"{context.Show(s.Table)} is {(relation.Kind == 'S' ? "a sequence" : relation.Kind == 'i' ? "an index" : "a materialized view")}, which PostgreSQL refuses to give triggers (SQLSTATE 42809, relation cannot have triggers). Put the trigger on a table.",
                _ => null,
            };
            if (refusal is not null)
            {
                context.Error(DiagnosticCodes.TableNotFound, $"CREATE TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: {refusal}", s.TableAt);
                return;
            }

            if (relation.Kind == 'v' && TriggerForms.Refuses(s, null, context)) return;
            RefusesFunction(catalog, s, context);
            return;
        }

        if (CommentTargets.IsSurelyMissing(catalog, s.Table, context))
        {
            context.Error(DiagnosticCodes.TableNotFound, $"CREATE TRIGGER {context.Show(s.Name)} names {context.Show(s.Table)}, but no earlier migration creates it (or it was renamed or dropped): PostgreSQL refuses the statement (SQLSTATE 42P01, relation does not exist) and the migration stops here. Fix the name (quoted names keep their case), or create the table first.", s.TableAt);
        }
    }

    // EXECUTE FUNCTION f(): one that does not exist (42883), or that does not return trigger (42P17).
    private static bool RefusesFunction(Catalog catalog, CreateTriggerStatement s, ApplyContext context)
        => RefusesMissingFunction(catalog, s, context) || RefusesReturnType(catalog, s, context);

    // The function of no arguments the trigger executes, when the migrations surely made it the
    // one the server finds, returns another type than trigger (42P17): the server checks that
    // after finding it, before the trigger's name.
    private static bool RefusesReturnType(Catalog catalog, CreateTriggerStatement s, ApplyContext context)
    {
        var overloads = context.Overloads;
        if ((!s.FunctionQualified && context.Rules.DefaultSchema != "public") || overloads.Triggers.FunctionsMade) return false;
        if (overloads.Returns.TriggerFunctionReturns(catalog, s.Function, s.FunctionQualified) is not { } returns || returns == "trigger") return false;
        context.Error(DiagnosticCodes.TriggerFunctionNotTrigger, $"CREATE TRIGGER {context.Show(s.Name)} executes function {context.Show(s.Function.Name)}(), which the migrations created returning {returns}: PostgreSQL refuses the statement (SQLSTATE 42P17, function {s.Function.Name} must return type trigger) and the migration stops here. Write the trigger's function as CREATE FUNCTION {context.Show(s.Function.Name)}() RETURNS trigger ..., or execute another function.", s.FunctionAt);
        return true;
    }

    // EXECUTE FUNCTION f(): a function no migration created, that is neither PostgreSQL's own
    // nor an extension's that may have it, under the default search path (42883).
    private static bool RefusesMissingFunction(Catalog catalog, CreateTriggerStatement s, ApplyContext context)
    {
        var name = s.Function.Name;
        var overloads = context.Overloads;
        if (context.Rules.DefaultSchema != "public" || (s.FunctionQualified && s.Function.Schema != "public")) return false;
        if (overloads.Triggers.FunctionsMade || overloads.Returns.MadeUnseen || PostgresCatalogFunctions.Has(name)) return false;
        foreach (var extension in catalog.Extensions.Keys)
        {
            if (extension == "plpgsql") continue;
            if (PostgresExtensionTypes.Find(extension)?.Functions is not { } functions || functions.Contains(name, StringComparer.Ordinal)) return false;
        }

        string dropped = string.Empty;
        if (overloads.EverDefined(name))
        {
            if (overloads.ExistsInAnySchema(name, context.Rules.DefaultSchema) || overloads.DropOf(name) is not { Surely: true } drop) return false;
            dropped = $" (the DROP at {drop.Where} dropped it)";
        }

        context.Error(DiagnosticCodes.RoutineNotFound, $"CREATE TRIGGER {context.Show(s.Name)} executes function {context.Show(s.Function.Name)}(), which no earlier migration creates{dropped}, and which is not one of PostgreSQL's own nor of an extension the migrations create: PostgreSQL refuses the statement (SQLSTATE 42883, function does not exist). Create the trigger function first (CREATE FUNCTION {context.Show(s.Function.Name)}() RETURNS trigger ...), or fix its name.", s.FunctionAt);
        return true;
    }

    private static string Known(CatalogTable table, ApplyContext context)
        => table.Triggers.IsEmpty ? " (it has none that SchemaTasks knows of)" : $" (it has {string.Join(", ", table.Triggers.Keys.Select(context.Show))})";

    // What may have touched the name unseen: a body naming it, or one that builds names when it runs.
    internal static string UnseenBy(ApplyContext context, string name)
        => context.Overloads.Triggers.NamedBy(name) is { } named
            ? $"{named} creates, drops or renames triggers of this name where SchemaTasks does not follow it"
            : $"{context.Overloads.Triggers.AnyNameBy ?? "a DO block or routine body before it"} creates, drops or renames triggers whose names are built when it runs (or renames one), which SchemaTasks does not follow, so this name may be among them";
}

/// <summary>
/// A PostgreSQL trigger on a table: the columns its UPDATE OF names, the function it executes,
/// whether it is a constraint trigger, and where it was created.
/// </summary>
internal sealed record TableTrigger(ImmutableArray<string> UpdateColumns, QualifiedName Function, bool Constraint, string Where)
{
    /// <summary>Whether it is FOR EACH ROW: only row triggers are cloned to partitions.</summary>
    public bool ForEachRow { get; init; }

    /// <summary>Whether PostgreSQL cloned it from the partitioned table's trigger of the same name (<see cref="TriggerClones"/>).</summary>
    public bool Cloned { get; init; }

    /// <summary>Whether <see cref="Function"/> is surely the function of no arguments the migrations created, which a DROP FUNCTION without CASCADE may not take.</summary>
    public bool FunctionKnown { get; init; }
}
