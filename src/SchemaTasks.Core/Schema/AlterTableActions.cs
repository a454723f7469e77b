using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>ALTER TABLE: each action is applied in turn to the table, as the server does.</summary>
internal static class AlterTableActions
{
    public static Catalog Apply(Catalog catalog, AlterTableStatement s, ApplyContext context)
    {
        var catalogBefore = catalog;
        if (!catalog.Tables.TryGetValue(s.Name, out var table))
        {
            if (SequenceStatements.IsKnown(catalog, s.Name, context)) return SequenceStatements.AlterAsTable(catalog, s, context);
            if (context.IsPostgres && RelationStatements.IsNamed(catalog, s.Name)) return RelationStatements.AlterAsTable(catalog, s);
            if (context.UnknownShapes.Contains(s.Name))
            {
                // Renamed or moved, it is still the table whose columns are unknown.
                foreach (var rename in s.Actions.OfType<RenameTableAction>())
                {
                    context.UnknownShapes.Add(rename.Target(s.Name, context.IsPostgres));
                }

                return catalog;
            }

            if (!s.IfExists && !context.IsPassedOver(s.Name))
            {
                context.Error(DiagnosticCodes.TableNotFound, $"ALTER TABLE names {context.Show(s.Name)}, but no earlier migration creates it (or it was renamed or dropped). Fix the name (quoted names keep their case), or create the table first.", s.At);
            }

            return catalog;
        }

        if (!context.IsPostgres && MySqlAlterColumnNames.Refuses(table, s, context)) return catalog;
        if (table.Inheritance is not null && TableInheritance.RefusesAlter(catalog, table, s, context)) return catalog;
        if (context.IsPostgres && TypedTables.RefusesAlter(table, s, context)) return catalog;
        var actions = context.IsPostgres ? s.Actions : MySqlIndexDropOrder.Arrange(table, s, context);
        if (actions is null) return catalog;
        var name = s.Name;
        var passes = context.IsPostgres ? new PostgresAlterPasses() : null;
        context.ForeignKeyNumbers.Begin(name, table);
        foreach (var action in actions)
        {
            if (passes is not null && action is AlterColumnTypeAction retype && table.FindColumn(retype.Column, context.Rules.Dialect) is { } retyped
                && ViewDependencies.RefusesTypeChange(catalog, name, retyped.Name, retype.At, context))
            {
                continue;
            }

            if (passes is not null && passes.Defers(action)) continue;
            if (action is RenameTableAction rename)
            {
                catalog = catalog.WithTable(name, table);
                var target = rename.Target(name, context.IsPostgres);
                catalog = TableStatements.Move(catalog, name, target, context, action.At);
                if (catalog.Tables.TryGetValue(target, out var moved) && !catalog.Tables.ContainsKey(name))
                {
                    context.ForeignKeyNumbers.Renamed(name, target);
                    name = target;
                    table = moved;
                }

                continue;
            }

            if (passes is null)
            {
                table = CharsetTracking.AfterAction(table, ApplyAction(catalog, table, action, context, s), action, context);
                continue;
            }

            if (action is DropConstraintAction { Cascade: true } cascade)
            {
                (catalog, table) = ForeignKeyDependents.DropNeeding(catalog, name, table, cascade.Name, cascade.At, context);
            }
            else if (action is DropConstraintAction plain && ForeignKeyDependents.RefusesDrop(catalog, name, table, plain.Name, "constraint", plain.At, context))
            {
                continue;
            }
            else if (action is DropColumnAction dropColumn)
            {
                if (ReferencedColumnDrop.Apply(catalog, name, table, dropColumn, context) is not { } withoutReferences) continue;
                (catalog, table) = withoutReferences;
                if (table.FindColumn(dropColumn.Column, context.Rules.Dialect) is { } droppedColumn)
                {
                    if (ViewDependencies.Drop(catalog, name, droppedColumn.Name, dropColumn.Cascade, dropColumn.At, context) is not { } withoutViews) continue;
                    catalog = withoutViews;
                    table = table with { Policies = catalog.Tables[name].Policies }; // CASCADE may have dropped this table's own policies.
                    if (TriggerStatements.BeforeColumnDrop(table, droppedColumn.Name, dropColumn.Cascade, dropColumn.At, context) is not { } withoutTriggers) continue;
                    table = withoutTriggers;
                }
            }

            var before = table;
            table = ApplyAction(catalog, table, PostgresAlterPasses.Now(action), context, s);
            passes.Applied(action, before, table, context.Rules.Dialect);
            if (action is RenameColumnAction renamed && !ReferenceEquals(before, table) && before.FindColumn(renamed.From, context.Rules.Dialect) is { } from && table.FindColumn(renamed.To, context.Rules.Dialect) is not null)
            {
                // Foreign keys, here and in other tables, reference the column under its new name.
                catalog = ForeignKeyDependents.FollowRenamedColumn(catalog.WithTable(name, table), name, from.Name, renamed.To, context);
                table = catalog.Tables[name];
                catalog = ViewDependencies.FollowRenamedColumn(catalog, name, from.Name, table.FindColumn(renamed.To, context.Rules.Dialect)!.Name);
                table = TriggerStatements.FollowRenamedColumn(table, from.Name, table.FindColumn(renamed.To, context.Rules.Dialect)!.Name);
            }
        }

        if (passes is not null) table = passes.Finish(catalog, table, (t, a) => ApplyAction(catalog, t, a, context, s), context);
        if (passes is null && table.ColumnCount == 0 && AllColumnsDropped.Refuses(table, s, context)) return catalogBefore;
        if (AutoIncrementColumns.MayChange(s) && !AutoIncrementColumns.Accepts(table, s.At, context)) return catalogBefore;
        if (passes is null && MySqlForeignKeyIndexes.RefusesDrop(catalog, name, catalogBefore.Tables[s.Name], table, s, context)) return catalogBefore;
        if (passes is not null && PostgresForeignKeyChecks.Refuses(catalog, name, catalogBefore.Tables[s.Name], table, s.At, context, s.Actions.Any(a => a is AlterColumnTypeAction))) return catalogBefore;
        if (passes is null && MySqlForeignKeyRetype.Refuses(catalog, name, catalogBefore.Tables[s.Name], table, s, context)) return catalogBefore;
        if (passes is null && MySqlSetNullForeignKeys.Refuses(name, catalogBefore.Tables[s.Name], table, s, s.At, context)) return catalogBefore;
        if (passes is null && context.Rules.Dialect == SqlDialect.MariaDb && MariaDbKeyLength.Changed(catalogBefore.Tables[s.Name], table) && MariaDbKeyLength.Refuses(table, s.At, context)) return catalogBefore;
        if (passes is null && ConvertsCharset(s) is { } convert && CharsetConversion.RefusesLongVarchar(table, convert, context)) return catalogBefore;
        if (passes is null && MariaDbRowSize.MayGrow(s) && MariaDbRowSize.Refuses(table, s.At, context)) return catalogBefore;
        var settled = MySqlForeignKeyIndexes.Settle(table, context);
        if (passes is null && MariaDbForeignKeyChecks.Refuses(catalog, name, catalogBefore.Tables[s.Name], settled, s.At, context)) return catalogBefore;
        var after = catalog.WithTable(name, settled);
        var links = passes is not null && TableAttachments.Concerns(s);
        if (links && TableAttachments.Refuses(after, settled, s, context) is not false)
        {
            return context.UnknownShapes.Contains(name) ? TableInheritance.Forget(catalogBefore, s.Name) : catalogBefore;
        }

        if (catalogBefore.Tables[s.Name].Inheritance is not null) after = TableInheritance.AfterAlter(catalogBefore, after, s, context);
        return links ? TableAttachments.Apply(after, name, s, context) : after;
    }

    // The statement's last CONVERT TO CHARACTER SET, which decides the columns' charsets; null when it has none.
    private static ConvertToCharsetAction? ConvertsCharset(AlterTableStatement statement)
    {
        ConvertToCharsetAction? last = null;
        foreach (var action in statement.Actions)
        {
            if (action is ConvertToCharsetAction convert) last = convert;
        }

        return last;
    }

    internal static CatalogTable ApplyAction(Catalog catalog, CatalogTable table, AlterAction action, ApplyContext context, AlterTableStatement statement)
    {
        var dialect = context.Rules.Dialect;
        switch (action)
        {
            case TableOfTypeAction of:
                return TypedTables.Of(catalog, table, of, context);

            case AddColumnsAction many:
                foreach (var one in many.Columns) table = ApplyAction(catalog, table, one, context, statement);
                return table;

            case AddColumnAction add:
                if (table.FindColumn(add.Column.Name, dialect) is not null)
                {
                    if (!add.IfNotExists)
                    {
                        context.Error(DiagnosticCodes.ColumnExists, $"Table {context.Show(table.Name)} already has column {context.Show(add.Column.Name)}; this ADD COLUMN would fail. Remove it, or write ADD COLUMN IF NOT EXISTS.", add.At);
                    }

                    return table;
                }

                if (!ServerLimits.CheckColumnCount(table.Name, table.ColumnCount + 1, context, add.At)) return table;
                var addedCharset = TableCharsets.Of(table, context.Rules).For(add.Column);
                var created = MariaDbColumnRules.Sized(ColumnCheckRules.Stored(ColumnFactory.Create(catalog, table.Name, add.Column, context, table), context), add.Column, addedCharset, table.Name, context);
                // Only an ENUM or SET has a value list to judge: how the column compares case is worked out for those alone.
                if (created.InlineValues is not null && MySqlValueLists.Refuses(table.Name, created, addedCharset, IgnoresCase(table, add.Column, context), add.Column.At, context, WrittenCollation(table, add.Column))) return table;
                if (MySqlGeneratedColumnFunctions.Refuses(table.Name, add.Column, context)) return table;
                if (MySqlTypeWidths.Refuses(table.Name, add.Column, context)) return table;
                if (MariaDbColumnRules.Refuses(table.Name, add.Column, created.Type, addedCharset, context)) return table;
                if (RefusedDefaults.Checked(catalog, table.Name, created, add.Column, context) is not { } added) return table;
                table = AddColumnConstraints(catalog, table.WithColumnAdded(added, add.Column.First, add.Column.After, dialect), add.Column, context);
                PrimaryKeyNullability.ReportExplicitNull(table, add.Column, add.Column.At, context);
                return table;

            case DropColumnAction drop:
            {
                var index = FindColumn(table, drop.Column, drop.IfExists, "DROP COLUMN", drop.At, context);
                if (index < 0) return table;
                var dropped = table.Columns[index].Name;
                var together = statement.Actions.OfType<DropColumnAction>().Select(d => d.Column).ToList();
                if (GeneratedColumnDependencies.BeforeDrop(table, dropped, together, drop.Cascade, drop.At, context) is not { } withoutGenerated) return table;
                table = withoutGenerated;
                index = table.IndexOfColumn(dropped, dialect);
                if (dialect.IsMySqlFamily())
                {
                    // The CHECKs by each server's own refusal (ColumnCheckRules), then the keys.
                    var kept = ColumnCheckRules.BeforeDrop(table, dropped, together, drop.At, context);
                    if (kept is null) return table;
                    table = kept;
                }

                table = ColumnDrop.RemoveDependents(table, dropped, together, drop.At, context);
                return table with { Columns = table.Columns.RemoveAt(index) };
            }

            case RenameColumnAction rename:
            {
                var index = FindColumn(table, rename.From, false, "RENAME COLUMN", rename.At, context);
                if (index < 0) return table;
                var other = table.IndexOfColumn(rename.To, dialect);
                if (other >= 0 && other != index)
                {
                    context.Error(DiagnosticCodes.ColumnExists, $"Column {context.Show(rename.From)} of {context.Show(table.Name)} cannot be renamed to {context.Show(rename.To)}: that column already exists. Choose another name.", rename.At);
                    return table;
                }

                var old = table.Columns[index].Name;
                if (ColumnCheckRules.BeforeRename(table, old, rename.To, rename.At, context) is not { } renaming) return table;
                if (GeneratedColumnDependencies.BeforeRename(renaming, old, rename.To, rename.At, context) is not { } following) return table;
                table = MariaDbColumnExpressions.FollowRename(following, old, rename.To, context);
                return table.WithColumnChanged(index, table.Columns[index] with { Name = rename.To }) with
                {
                    Inheritance = table.Inheritance?.Key is { } key ? table.Inheritance with { Key = key.WithColumnRenamed(old, rename.To) } : table.Inheritance,
                    Keys = RenameKeyColumn(table.Keys, old, rename.To, context),
                    Checks = table.Checks.Select(c => c.Column is not null && string.Equals(c.Column, old, context.Rules.ColumnComparison)
                        ? c with { Column = rename.To, Expression = RenderValueSet(rename.To, c.Values, context) }
                        : CheckColumns.RenameColumn(c, old, rename.To, context.Rules)).ToImmutableArray(),
                };
            }

            case AlterColumnTypeAction alter:
            {
                var index = FindColumn(table, alter.Column, false, "ALTER COLUMN ... TYPE", alter.At, context);
                if (index < 0) return table;
                if (GeneratedColumnDependencies.RefusesTypeChange(table, table.Columns[index].Name, alter.At, context)) return table;
                TypeExistence.Check(catalog, alter.Type, context, alter.At, table.Name, table.Columns[index].Name);
                var (text, reference) = ColumnFactory.ResolveType(catalog, alter.Type, context.Rules);
                if (RetypedDefaultRefusal.Refuses(catalog, table, table.Columns[index], text, reference, alter, statement, context)) return table;
                if (RetypedCheckRefusal.Refuses(catalog, table, table.Columns[index], text, reference, alter.At, context)) return table;
                var column = table.Columns[index] with
                {
                    Type = text,
                    TypeReference = reference,
                    IsArray = alter.Type.IsArray,
                    InlineValues = alter.Type.Inline,
                    Default = RetypedDefaults.After(table.Columns[index], text, alter.Type.IsArray, context.Rules),
                };
                return table.WithColumnChanged(index, column);
            }

            case SetNotNullAction notNull:
            {
                var index = FindColumn(table, notNull.Column ?? string.Empty, false, notNull.NotNull ? "SET NOT NULL" : "DROP NOT NULL", notNull.At, context);
                if (index < 0) return table;
                // The server checks identity first: an identity primary key column is reported as an identity column.
                if (!notNull.NotNull && IdentityColumns.RefusesDropNotNull(table, table.Columns[index], notNull.At, context)) return table;
                if (!notNull.NotNull && PrimaryKeyNullability.RefusesDropNotNull(table, table.Columns[index].Name, notNull.At, context)) return table;
                return table.WithColumnChanged(index, table.Columns[index] with { IsNullable = !notNull.NotNull });
            }

            case SetDefaultAction setDefault:
            {
                var index = FindColumn(table, setDefault.Column ?? string.Empty, false, setDefault.Default is null ? "DROP DEFAULT" : "SET DEFAULT", setDefault.At, context);
                if (index < 0) return table;
                if (NullDefaults.RefusesSetDefault(table.Columns[index], setDefault.Default, setDefault.At, context)) return table;
                if (GeneratedColumnDefaults.RefusesSetDefault(table, table.Columns[index], setDefault, context)) return table;
                MariaDbColumnExpressions.WarnSetDefault(table, table.Columns[index], setDefault, context);
                var defaulted = table.Columns[index] with { Default = StoredDefaults.ForColumn(setDefault.Default, table.Columns[index].Type, table.Columns[index].IsArray, context.Rules) };
                return RefusedDefaults.Checked(catalog, table.Name, defaulted, setDefault.Default, setDefault.At, context) is { } accepted ? table.WithColumnChanged(index, accepted) : table;
            }

            case ReplaceColumnAction replace:
            {
                // By name, not position, so that a run of MODIFY ... FIRST / AFTER stays linear (CatalogTable).
                if (table.FindColumn(replace.Column, dialect) is not { } replaced)
                {
                    FindColumn(table, replace.Column, replace.IfExists, "MODIFY/CHANGE COLUMN", replace.At, context);
                    return table;
                }

                var old = replaced.Name;
                if (table.FindColumn(replace.Definition.Name, dialect) is { } other && !context.Rules.ColumnComparer.Equals(other.Name, old))
                {
                    context.Error(DiagnosticCodes.ColumnExists, $"CHANGE COLUMN {context.Show(replace.Column)} to {context.Show(replace.Definition.Name)}: table {context.Show(table.Name)} already has that column. Choose another name.", replace.At);
                    return table;
                }

                if (ColumnCheckRules.BeforeRedefine(table, old, replace.Definition.Name, "MODIFY/CHANGE COLUMN", replace.At, context) is not { } redefining) return table;
                if (GeneratedColumnDependencies.BeforeRename(redefining, old, replace.Definition.Name, replace.At, context) is not { } following) return table;
                table = MariaDbColumnExpressions.FollowRename(following, old, replace.Definition.Name, context);
                var redefinedCharset = TableCharsets.Of(table, context.Rules).For(replace.Definition);
                var redefined = MariaDbColumnRules.Sized(ColumnCheckRules.Stored(ColumnFactory.Create(catalog, table.Name, replace.Definition, context), context), replace.Definition, redefinedCharset, table.Name, context);
                // As for ADD: only an ENUM or SET has a list to judge.
                if (redefined.InlineValues is not null && MySqlValueLists.Refuses(table.Name, redefined, redefinedCharset, IgnoresCase(table, replace.Definition, context), replace.Definition.At, context, WrittenCollation(table, replace.Definition))) return table;
                if (MySqlGeneratedColumnFunctions.Refuses(table.Name, replace.Definition, context)) return table;
                if (MySqlTypeWidths.Refuses(table.Name, replace.Definition, context)) return table;
                if (MariaDbColumnRules.Refuses(table.Name, replace.Definition, redefined.Type, redefinedCharset, context)) return table;
                if (RefusedDefaults.Checked(catalog, table.Name, redefined, replace.Definition, context) is not { } column) return table;
                table = table.WithColumnReplaced(old, column, replace.Definition.First, replace.Definition.After, dialect) with
                {
                    Keys = RenameKeyColumn(table.Keys, old, column.Name, context),
                    Checks = table.Checks.Select(c => c.Column is not null && string.Equals(c.Column, old, context.Rules.ColumnComparison) && c.Column != column.Name
                        ? c with { Column = column.Name, Expression = RenderValueSet(column.Name, c.Values, context) }
                        : old == column.Name ? c : CheckColumns.RenameColumn(c, old, column.Name, context.Rules)).ToImmutableArray(),
                };
                table = AddColumnConstraints(catalog, table, replace.Definition, context);
                return PrimaryKeyNullability.AfterRedefine(table, replace.Definition, replace.At, context);
            }

            case AddIdentityAction addIdentity:
            {
                var index = FindColumn(table, addIdentity.Column, false, "ADD GENERATED ... AS IDENTITY", addIdentity.At, context);
                return index < 0 ? table : IdentityColumns.Add(table, index, addIdentity.At, context);
            }

            case DropIdentityAction dropIdentity:
            {
                var index = FindColumn(table, dropIdentity.Column, false, "DROP IDENTITY", dropIdentity.At, context);
                return index < 0 ? table : IdentityColumns.Drop(table, index);
            }

            case DropExpressionAction dropExpression:
            {
                var index = FindColumn(table, dropExpression.Column, false, "DROP EXPRESSION", dropExpression.At, context);
                return index < 0 ? table : GeneratedColumnDefaults.DropExpression(table, index);
            }

            case DropIndexAction dropIndex:
                return IndexActions.Drop(table, dropIndex, context);

            case RenameIndexAction renameIndex:
                return IndexActions.Rename(table, renameIndex, context);

            case AlterIndexAction alterIndex:
                MariaDbAlterIndex.ReportMissing(catalog, table, alterIndex, statement, context);
                return table;

            case AddConstraintAction add:
                if (add.IfNotExists && AddIfNotExists.Skips(table, add.Constraint)) return table;
                return TableStatements.AddConstraint(catalog, table, add.Constraint, null, context);

            case DropConstraintAction drop:
            {
                if (MariaDbForeignKeyDrop.Ignores(table, drop, statement, context)) return table;
                if (table.FindCheck(drop.Name) is not null)
                {
                    if (ColumnCheckRules.KeepsColumnCheck(table, drop, context)) return table;
                    var names = table.KeyNameComparer;
                    return table with { Checks = table.Checks.RemoveAll(c => names.Equals(c.Name, drop.Name)) };
                }

                if (table.OtherConstraints.Contains(drop.Name))
                {
                    MariaDbGeneratedForeignKeyNames.WarnOnDropByGeneratedName(table, drop, context);
                    return MySqlForeignKeyIndexes.WithoutConstraint(table, drop.Name, context);
                }

                if (drop.IfExists) return table;
                if (MariaDbConstraintDrop.RefusesMissing(table, drop, context)) return table;
                if (ConstraintsKnown(table, context))
                {
                    context.Error(DiagnosticCodes.ConstraintNotFound, $"PostgreSQL refuses to drop constraint {context.Show(drop.Name)} of {context.Show(table.Name)}: the table has no constraint of that name (SQLSTATE 42704, constraint \"{drop.Name}\" of relation \"{table.Name.Name}\" does not exist; it has {KnownConstraints(table, context)}). Fix the name, or write DROP CONSTRAINT IF EXISTS.", drop.At);
                    return table;
                }

                context.Warning(DiagnosticCodes.ConstraintNotFound, $"Table {context.Show(table.Name)} has no constraint {context.Show(drop.Name)} that SchemaTasks knows of (known: {KnownConstraints(table, context)}). If the server generated the name, check it; otherwise {MissingDropWayOut(drop, context.Rules.Dialect)}.", drop.At);

                return table;
            }

            case RenameConstraintAction rename:
            {
                var index = table.FindCheck(rename.From) is { } renamed ? table.Checks.IndexOf(renamed) : -1;
                if (index >= 0)
                {
                    return table with { Checks = table.Checks.SetItem(index, table.Checks[index] with { Name = rename.To }) };
                }

                if (table.OtherConstraints.Contains(rename.From))
                {
                    return table with
                    {
                        OtherConstraints = table.OtherConstraints.Remove(rename.From).Add(rename.To),
                        Keys = table.Keys.TryGetValue(rename.From, out var key) ? table.Keys.Remove(rename.From).SetItem(rename.To, key) : table.Keys,
                    };
                }

                if (ConstraintsKnown(table, context))
                {
                    context.Error(DiagnosticCodes.ConstraintNotFound, $"PostgreSQL refuses to rename constraint {context.Show(rename.From)} of {context.Show(table.Name)}: the table has no constraint of that name (SQLSTATE 42704; it has {KnownConstraints(table, context)}). Fix the name.", rename.At);
                    return table;
                }

                context.Warning(DiagnosticCodes.ConstraintNotFound, $"Table {context.Show(table.Name)} has no constraint {context.Show(rename.From)} that SchemaTasks knows of, so it cannot be renamed. Check the name.", rename.At);
                return table;
            }

            default:
                return table;
        }
    }

    // A table read from a snapshot keeps no charsets: what its default collation is, is not known.
    private static bool IgnoresCase(CatalogTable table, ColumnSpec column, ApplyContext context)
        => table.Charsets is { } charsets && MySqlCaseFolding.IgnoresCase(column, charsets.Default, charsets.DefaultCollation, context.Session);

    // Only for a table the migrations made: one read from a snapshot has no known collation.
    private static string? WrittenCollation(CatalogTable table, ColumnSpec column)
        => table.Charsets is { } charsets ? MySqlCaseFolding.WrittenCollation(column, charsets.DefaultCollation) : null;

    private static CatalogTable AddColumnConstraints(Catalog catalog, CatalogTable table, ColumnSpec column, ApplyContext context)
        => TableStatements.AddColumnConstraints(catalog, table, column, context);

    private static int FindColumn(CatalogTable table, string column, bool ifExists, string action, SqlToken at, ApplyContext context)
    {
        var index = table.IndexOfColumn(column, context.Rules.Dialect);
        if (index < 0 && !ifExists)
        {
            var known = string.Join(", ", table.Columns.Select(c => context.Show(c.Name)));
            var error = context.IsPostgres ? string.Empty : action == "DROP COLUMN" ? " (error 1091, Can't DROP COLUMN)" : " (error 1054, Unknown column)";
            context.Error(DiagnosticCodes.ColumnNotFound, $"{action} names column {context.Show(column)}, but table {context.Show(table.Name)} has no such column{error} (it has {(known.Length == 0 ? "no columns" : known)}). Fix the column name{(action == "DROP COLUMN" ? ", or write DROP COLUMN IF EXISTS" : string.Empty)}.", at);
        }

        return index;
    }

    private static ImmutableDictionary<string, TableKey> RenameKeyColumn(ImmutableDictionary<string, TableKey> keys, string from, string to, ApplyContext context)
    {
        var comparison = context.Rules.ColumnComparison;
        foreach (var (name, key) in keys)
        {
            if (key.Uses(from, comparison)) keys = keys.SetItem(name, key.RenameColumn(from, to, comparison));
        }

        return keys;
    }

    // The IF EXISTS form of the clause written, where the dialect has one: MySQL 8 has none.
    private static string MissingDropWayOut(DropConstraintAction drop, SqlDialect dialect) => dialect switch
    {
        SqlDialect.MySql => "fix the name, or remove the drop if the migrations before it never create the constraint (MySQL 8 has no IF EXISTS form of it)",
        SqlDialect.MariaDb when drop.Kind == ConstraintKind.ForeignKey => "fix the name or write DROP FOREIGN KEY IF EXISTS",
        _ => "fix the name or write DROP CONSTRAINT IF EXISTS",
    };

    // PostgreSQL names unnamed constraints by rules the engine follows exactly (ConstraintNames:
    // t_pkey, t_c_key, t_c_check, t_check, t_c_fkey, numbered on a clash), so a table the
    // migrations made has exactly the constraints the engine knows; a table in an inheritance
    // tree also has what its parents pass on, which the engine follows less closely.
    private static bool ConstraintsKnown(CatalogTable table, ApplyContext context)
        => context.IsPostgres && table.Inheritance is null && table.OtherConstraints.All(table.Keys.ContainsKey);

    internal static string KnownConstraints(CatalogTable table, ApplyContext context)
    {
        var names = table.Checks.Select(c => c.Name).Concat(table.OtherConstraints).Select(context.Show).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string RenderValueSet(string column, System.Collections.Immutable.ImmutableArray<string> values, ApplyContext context)
        => values.IsDefaultOrEmpty ? column : context.Show(column) + " IN (" + string.Join(", ", values.Select(context.ShowValue)) + ")";
}
