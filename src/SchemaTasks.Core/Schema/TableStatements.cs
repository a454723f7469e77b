using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>CREATE TABLE, DROP TABLE and MySQL RENAME TABLE.</summary>
internal static class TableStatements
{

    private const int SmallList = 8; // Columns compared one by one up to this many: a set costs more than the scan of a narrow table.

    private static int IndexOf(ImmutableArray<CatalogColumn>.Builder columns, string name, StringComparison comparison)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, comparison)) return i;
        }

        return -1;
    }

    public static Catalog Create(Catalog catalog, CreateTableStatement s, ApplyContext context)
    {
        if (catalog.Tables.ContainsKey(s.Name) && !s.OrReplace)
        {
            if (!s.IfNotExists)
            {
                context.Error(DiagnosticCodes.TableExists, $"Table {context.Show(s.Name)} already exists; this CREATE TABLE would fail. Write CREATE TABLE IF NOT EXISTS, change the existing table with ALTER TABLE, or drop it first.", s.At);
            }

            return catalog;
        }

        if (PostgresRelationNameClash.Taken(catalog, s.Name, "table", s.IfNotExists, s.At, context)) return catalog;
        if (!TypeStatements.CheckSchema(catalog, s.Name, context, s.At)) return catalog;
        if (!ServerLimits.CheckColumnCount(s.Name, s.Columns.Count, context, s.At)) return catalog;
        var inherited = s.Inherits.Count == 0 ? null : TableInheritance.Collect(catalog, s, context);
        if (s.Inherits.Count > 0 && inherited is null) return catalog;

        // Columns go into one builder: adding them to the immutable table one by one copied
        // the column array per column (quadratic in a wide table).
        var columns = ImmutableArray.CreateBuilder<CatalogColumn>(s.Columns.Count + (inherited?.Columns.Count ?? 0));
        if (inherited is not null) columns.AddRange(inherited.Columns);
        var merged = inherited is null ? null : new HashSet<string>(context.Rules.ColumnComparer); // The inherited columns the table also declares.
        // A set only for a wide table: scanning the columns of a usual one costs less than building one.
        var declared = s.Columns.Count > SmallList ? new HashSet<string>(context.Rules.ColumnComparer) : null;
        var refusedColumn = false;
        foreach (var column in s.Columns)
        {
            var inheritedIndex = inherited is null ? -1 : inherited.Columns.FindIndex(c => string.Equals(c.Name, column.Name, context.Rules.ColumnComparison));
            if ((inheritedIndex < 0 && (declared is null ? IndexOf(columns, column.Name, context.Rules.ColumnComparison) >= 0 : !declared.Add(column.Name))) || (inheritedIndex >= 0 && !merged!.Add(column.Name)))
            {
                context.Error(DiagnosticCodes.ColumnExists, $"Table {context.Show(s.Name)} declares column {context.Show(column.Name)} twice. Remove or rename one.", column.At);
                continue;
            }

            if (s.PartitionOf)
            {
                if (TablePartitions.WithOptions(s, inheritedIndex < 0 ? null : columns[inheritedIndex], column, context) is { } withOptions) columns[inheritedIndex] = withOptions;
                else refusedColumn = true;
                continue;
            }

            var charset = column.Charset ?? s.DefaultCharset;
            var created = MariaDbColumnRules.Sized(ColumnCheckRules.Stored(ColumnFactory.Create(catalog, s.Name, column, context), context), column, charset, s.Name, context);
            // Only an ENUM or SET has a value list to judge: how the column compares case is worked out for those alone.
            if ((created.InlineValues is not null && MySqlValueLists.Refuses(s.Name, created, charset, MySqlCaseFolding.IgnoresCase(column, s.DefaultCharset, s.DefaultCollation, context.Session), column.At, context, MySqlCaseFolding.WrittenCollation(column, s.DefaultCollation))) || MySqlGeneratedColumnFunctions.Refuses(s.Name, column, context) || MySqlTypeWidths.Refuses(s.Name, column, context)
                || MariaDbColumnRules.Refuses(s.Name, column, created.Type, charset, context))
            {
                refusedColumn = true;
                continue;
            }

            if (RefusedDefaults.Checked(catalog, s.Name, created, column, context) is not { } accepted) refusedColumn = true;
            else if (inheritedIndex < 0) columns.Add(accepted);
            else if (TableInheritance.Merge(s, columns[inheritedIndex], accepted, column.At, context) is { } mergedColumn) columns[inheritedIndex] = mergedColumn;
            else refusedColumn = true;
        }

        if (refusedColumn) return catalog;
        if (s.Likes.Count > 0 && !WithLikeColumns(catalog, s, columns, inherited, merged, context)) return catalog;
        if (inherited is not null && TableInheritance.RefusesDefaults(s, inherited, s.Columns.Where(c => c.Default is not null).Select(c => c.Name), context)) return catalog;

        var table = new CatalogTable(s.Name, columns.ToImmutable(), inherited?.Checks ?? [], CatalogTable.NoConstraints(context.Rules));
        context.ForeignKeyNumbers.Begin(s.Name, null);
        ImmutableHashSet<string>? onlyInheritedColumns = null, onlyInheritedChecks = null;
        if (context.IsPostgres)
        {
            if (s.PartitionOf) table = TablePartitions.WithParentKeys(catalog, table, catalog.Tables[s.Inherits[0]], s.At, context);
            var mergedChecks = inherited is null || s.PartitionOf ? null : new HashSet<string>();
            foreach (var (constraint, column) in PostgresConstraintOrder.OfCreateTable(s))
            {
                if (inherited is not null && TableInheritance.MergesCheck(inherited, constraint))
                {
                    mergedChecks?.Add(constraint.Name!);
                    continue;
                }

                table = AddConstraint(catalog, table, constraint, column, context);
            }

            if (s.Likes.Count > 0) table = TableLikes.WithConstraints(catalog, table, s, inherited, mergedChecks, context);

            // What the table has only from its parents: a partition declares nothing itself.
            onlyInheritedColumns = inherited?.Columns.Select(c => c.Name).Where(n => s.PartitionOf || !merged!.Contains(n)).ToImmutableHashSet();
            onlyInheritedChecks = inherited?.Checks.Select(c => c.Name).Where(n => mergedChecks?.Contains(n) != true).ToImmutableHashSet();
            if (inherited is null && s.Partitioned) table = table with { Inheritance = TablePartitions.PartitionedRoot(s.PartitionKey) };
            if (s.Partitioned && table.Checks.FirstOrDefault(c => c.NoInherit) is { } noInherit)
            {
                context.Error(DiagnosticCodes.PartitionRefused, $"CREATE TABLE {context.Show(s.Name)} ... PARTITION BY: its CHECK {context.Show(noInherit.Name)} is NO INHERIT, which PostgreSQL refuses on a partitioned table (SQLSTATE 42P16, cannot add NO INHERIT constraint to partitioned table). Leave out NO INHERIT, or put the CHECK on the partitions.", s.At);
                return catalog;
            }
        }
        else
        {
            foreach (var column in s.Columns)
            {
                table = AddColumnConstraints(catalog, table, column, context);
            }

            foreach (var constraint in s.Constraints)
            {
                table = AddConstraint(catalog, table, constraint, null, context);
            }
        }

        foreach (var column in s.Columns)
        {
            PrimaryKeyNullability.ReportExplicitNull(table, column, column.At, context);
        }

        if (!context.IsPostgres) table = MySqlForeignKeyIndexes.Settle(CharsetTracking.Created(table, s, context), context) with { IndexesKnown = true };
        if (MariaDbKeyLength.Refuses(table, s.At, context)) return catalog;
        if (MariaDbRowSize.Refuses(table, s.At, context)) return catalog;
        if (MariaDbForeignKeyChecks.Refuses(catalog, s.Name, null, table, s.At, context)) return catalog;
        if (MySqlSetNullForeignKeys.Refuses(s.Name, null, table, null, s.At, context)) return catalog;
        if (!AutoIncrementColumns.Accepts(table, s.At, context)) return catalog;
        if (PostgresForeignKeyChecks.Refuses(catalog, s.Name, null, table, s.At, context)) return catalog;
        return inherited is null ? catalog.WithTable(s.Name, table) : TableInheritance.Link(catalog, table, s, onlyInheritedColumns!, onlyInheritedChecks!);
    }

    // The columns LIKE elements copy, placed where they are written among the table's own, after
    // the inherited ones; one an inherited column has the name of is merged into it, as a column
    // the table declares (checked on PostgreSQL 15). False, reported, when their source is not
    // known, a name is taken twice among the table's own columns (42701), or a merge is refused.
    private static bool WithLikeColumns(Catalog catalog, CreateTableStatement s, ImmutableArray<CatalogColumn>.Builder columns, TableInheritance.Inherited? inherited, HashSet<string>? merged, ApplyContext context)
    {
        if (TableLikes.Columns(catalog, s, context) is not { } copied) return false;
        var seen = new HashSet<string>(s.Columns.Select(c => c.Name), context.Rules.ColumnComparer);
        foreach (var column in copied.SelectMany(c => c.Columns))
        {
            if (seen.Add(column.Name)) continue;
            context.Error(DiagnosticCodes.ColumnExists, $"CREATE TABLE {context.Show(s.Name)} gets column {context.Show(column.Name)} twice, from LIKE and another column or LIKE: PostgreSQL refuses it (SQLSTATE 42701, column specified more than once). Rename or remove one.", s.Likes[0].At);
            return false;
        }

        var inheritedCount = inherited?.Columns.Count ?? 0;
        for (var i = copied.Count - 1; i >= 0; i--)
        {
            var (position, likeColumns) = copied[i];
            var ownBefore = s.Columns.Take(position).Count(c => merged?.Contains(c.Name) != true);
            var local = new List<CatalogColumn>(likeColumns.Count);
            foreach (var column in likeColumns)
            {
                var index = inheritedCount == 0 ? -1 : inherited!.Columns.FindIndex(c => string.Equals(c.Name, column.Name, context.Rules.ColumnComparison));
                if (index < 0)
                {
                    local.Add(column);
                    continue;
                }

                if (column.IsIdentity || column.GeneratedFrom is not null)
                {
                    context.UnknownShapes.Add(s.Name);
                    context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this CREATE TABLE {context.Show(s.Name)} (LIKE ...) INHERITS: LIKE copies column {context.Show(column.Name)} as an identity or generated column, and it also inherits it. Declare the columns explicitly. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.", s.Likes[i].At);
                    return false;
                }

                // Merged like a column the table declares: the parent's place and type, NOT NULL
                // from either, LIKE's default (which does not settle parents' conflicting ones).
                if (TableInheritance.Merge(s, columns[index], column, s.Likes[i].At, context) is not { } mergedColumn) return false;
                columns[index] = mergedColumn;
                merged!.Add(columns[index].Name);
            }

            columns.InsertRange(inheritedCount + ownBefore, local);
        }

        return true;
    }

    /// <summary>Adds the constraints written in a column's definition, and those the server implies (MariaDB's JSON CHECK).</summary>
    public static CatalogTable AddColumnConstraints(Catalog catalog, CatalogTable table, ColumnSpec column, ApplyContext context)
    {
        MariaDbColumnGrammar.Report(column, context);
        NullDefaults.Report(column, context);
        foreach (var constraint in ColumnKeyMerge.Effective(column.Constraints, context))
        {
            ColumnCheckRules.ReportNamedColumnCheck(constraint, column.Name, context);
            table = AddConstraint(catalog, table, constraint, column.Name, context);
        }

        return ColumnCheckRules.AddImpliedChecks(table, column, context);
    }

    /// <summary>Adds a table or column constraint: CHECKs in full, others by name; a primary key makes its columns NOT NULL.</summary>
    public static CatalogTable AddConstraint(Catalog catalog, CatalogTable table, ConstraintSpec spec, string? column, ApplyContext context)
    {
        if (spec.Kind == ConstraintKind.PlainIndex) return MySqlPlainIndexes.Add(catalog, table, spec, context);
        // MySQL and MariaDB name every primary key PRIMARY, whatever CONSTRAINT name is written (MariaDB 10.11).
        if (spec.Kind == ConstraintKind.PrimaryKey && spec.Name is not null && context.Rules.Dialect.IsMySqlFamily()) spec = spec with { Name = null };
        if (spec.Name is { } given && ConstraintNames.Clashes(table, spec.Kind, given, context.Rules.Dialect))
        {
            context.Error(DiagnosticCodes.ConstraintExists, $"Table {context.Show(table.Name)} already has a constraint named {context.Show(given)}. Drop it first or choose another name.", spec.At);
            return table;
        }

        if (SinglePrimaryKey.Refuses(table, spec, context)) return table;
        if (spec.UsingIndex is { } usingIndex)
        {
            var attached = PostgresIndexes.Attach(table, spec, usingIndex, context);
            if (attached is null) return table;
            (table, spec) = attached.Value;
        }

        if (spec.Kind == ConstraintKind.Check && spec.Check is { } check)
        {
            check = WithDeclaredColumnName(table, check, context);
            if (PostgresCheckLiterals.Refuses(table, check.WrittenExpression ?? check.Expression, spec.At, context)) return table;
            var owner = ColumnCheckRules.Owner(column is null ? null : table.FindColumn(column, context.Rules.Dialect)?.Name ?? column, context);
            // PostgreSQL names it after the columns the expression uses, wherever it is written.
            var name = owner ?? ConstraintNames.Generate(catalog, table, spec, check.Column is { } c && c != "VALUE" ? c : OnlyColumn(table, check, context), context.Rules);
            return table with { Checks = table.Checks.Add(ToCatalogCheck(name, check) with { OwnerColumn = owner }) };
        }

        if (spec.Kind == ConstraintKind.PrimaryKey)
        {
            foreach (var key in spec.Columns)
            {
                var index = table.IndexOfColumn(key, context.Rules.Dialect);
                if (index < 0)
                {
                    context.Error(DiagnosticCodes.ColumnNotFound, $"The primary key of {context.Show(table.Name)} names column {context.Show(key)}, which the table does not have. Fix the column name.", spec.At);
                    continue;
                }

                table = table.WithColumnChanged(index, table.Columns[index] with { IsNullable = false });
            }
        }

        if (spec.Kind == ConstraintKind.Other && context.Rules.Dialect.IsMySqlFamily() && spec.Name is null)
        {
            return table; // An unnamed MySQL index: nothing to track.
        }

        var keyName = spec.Kind == ConstraintKind.ForeignKey && spec.Name is null && context.Rules.Dialect == SqlDialect.MariaDb
            ? context.ForeignKeyNumbers.Next(table)
            : ConstraintNames.Generate(catalog, table, spec, column, context.Rules);
        if (spec.Kind == ConstraintKind.ForeignKey && spec.Name is null && table.OtherConstraints.Contains(keyName))
        {
            // MariaDB numbers unnamed foreign keys past those the table had, not past names given in the same statement.
            context.Error(DiagnosticCodes.ConstraintExists, $"The server names this unnamed foreign key of {context.Show(table.Name)} {context.Show(keyName)}, a name this statement already gives another foreign key, and refuses the statement (CREATE TABLE: error 1005, errno 150; ALTER TABLE: error 1050). Name the foreign key, or give the other one a name the server does not generate.", spec.At);
            return table;
        }

        if (spec.Kind == ConstraintKind.ForeignKey && MySqlForeignKeyNameClash.Refuses(catalog, table, keyName, spec.At, context)) return table;

        var keyColumns = (spec.Columns.Count > 0 ? spec.Columns : column is null ? [] : [column])
            .Select(c => table.FindColumn(c, context.Rules.Dialect)?.Name ?? c)
            .ToImmutableArray();
        var added = new TableKey(spec.Kind, keyColumns)
        {
            ColumnsUnknown = spec.ColumnsUnknown,
            References = spec.References,
            Unfit = spec.Unfit,
            NameGenerated = MariaDbGeneratedForeignKeyNames.Generates(spec, context.Rules.Dialect),
        };
        if (spec.Kind == ConstraintKind.ForeignKey && !context.IsPostgres) added = MySqlForeignKeyIndexes.Named(table, keyName, added);
        return table with
        {
            OtherConstraints = table.OtherConstraints.Add(keyName),

            // A foreign key takes over the plain index of its name, in any case, under its own spelling.
            Keys = table.Keys.Remove(keyName).SetItem(keyName, added),
        };
    }

    // MySQL column names ignore case: a CHECK on `STATUS` restricts the column declared `status`,
    // and the server shows it with the declared name, so the catalog does too.
    private static CheckSpec WithDeclaredColumnName(CatalogTable table, CheckSpec check, ApplyContext context)
    {
        if (check.Column is not { } written || written == "VALUE") return check;
        var declared = table.FindColumn(written, context.Rules.Dialect)?.Name;
        return declared is null || declared == written
            ? check
            : check with { Column = declared, Expression = DdlParser.ValueSetText(context.Rules, declared, check.Values) };
    }

    // The one column an opaque CHECK uses, which PostgreSQL names it after (t_col_check); with
    // none or several it is t_check, even when written in a column's definition.
    private static string? OnlyColumn(CatalogTable table, CheckSpec check, ApplyContext context)
    {
        if (check.Identifiers is not { } names) return null;
        var used = names.Select(n => table.FindColumn(n, context.Rules.Dialect)?.Name).Where(n => n is not null).Distinct().ToList();
        return used.Count == 1 ? used[0] : null;
    }

    public static CatalogCheck ToCatalogCheck(string name, CheckSpec check)
        => new(name, check.Expression, check.Column, check.Values.ToImmutableArray())
        {
            Identifiers = check.Identifiers is { } identifiers ? identifiers.ToImmutableArray() : default,
            WrittenExpression = check.WrittenExpression,
            NoInherit = check.NoInherit,
        };

    public static Catalog Rename(Catalog catalog, RenameTablesStatement s, ApplyContext context)
    {
        foreach (var (from, to) in s.Renames)
        {
            catalog = Move(catalog, from, to, context, s.At);
        }

        return catalog;
    }

    /// <summary>Renames or moves a table, reporting a missing source or an existing target.</summary>
    public static Catalog Move(Catalog catalog, QualifiedName from, QualifiedName to, ApplyContext context, SqlToken at)
    {
        if (!context.IsPostgres && !catalog.Relations.Named.IsEmpty && MySqlViews.Rename(catalog, from, to, context, at) is { } withView) return withView;
        if (!catalog.Tables.TryGetValue(from, out var table))
        {
            if (context.UnknownShapes.Contains(from)) context.UnknownShapes.Add(to);
            if (context.IsPassedOver(from)) return catalog;
            context.Error(DiagnosticCodes.TableNotFound, $"Table {context.Show(from)} cannot be renamed: no earlier migration creates it (or it was already renamed or dropped). Fix the name.", at);
            return catalog;
        }

        if (from == to) return catalog;
        if (catalog.Tables.ContainsKey(to))
        {
            context.Error(DiagnosticCodes.TableExists, $"Table {context.Show(from)} cannot be renamed to {context.Show(to)}: that table already exists. Choose another name, or drop it first.", at);
            return catalog;
        }

        if (PostgresRelationNameClash.Taken(catalog, to, "table", ifNotExists: false, at, context)) return catalog;
        if (!TypeStatements.CheckSchema(catalog, to, context, at)) return catalog;
        // SET SCHEMA moves the table's owned sequences too.
        var moved = SequenceDefaults.MoveSchema(table with { Name = to }, from.Schema, to.Schema, context.Rules);
        moved = RenamedTableConstraints.Apply(moved, from.Name, to.Name, context.Rules.Dialect);
        catalog = ForeignKeyDependents.FollowRenamedTable(catalog.With(tables: catalog.Tables.Remove(from).SetItem(to, moved)), from, to);
        if (moved.Inheritance is not null) catalog = TableInheritance.Follow(catalog, from, to);
        return ViewDependencies.FollowRenamedTable(catalog, from, to);
    }

    public static Catalog Drop(Catalog catalog, DropTableStatement s, ApplyContext context)
    {
        if (context.IsPostgres)
        {
            if (TableInheritance.Dropped(catalog, s, context) is not { } withChildren) return catalog;
            if (!ReferenceEquals(withChildren, s.Names)) s = s with { Names = withChildren };

            // Foreign keys of the tables that stay: the server refuses them, or drops them with CASCADE.
            var dropped = s.Names.Where(catalog.Tables.ContainsKey).ToHashSet();
            if (!s.Cascade && ForeignKeyDependents.RefusesTableDrop(catalog, dropped, s.At, context)) return catalog;
            if (s.Cascade) catalog = ForeignKeyDependents.DropReferencing(catalog, dropped);
            foreach (var table in dropped)
            {
                if (ViewDependencies.Drop(catalog, table, null, s.Cascade, s.At, context) is not { } withoutViews) return catalog;
                catalog = withoutViews;
            }
        }

        foreach (var name in s.Names)
        {
            if (!catalog.Tables.ContainsKey(name))
            {
                if (!s.IfExists && !context.IsPassedOver(name))
                {
                    context.Error(DiagnosticCodes.TableNotFound, $"DROP TABLE names {context.Show(name)}, but no earlier migration creates it (or it was already dropped). Write DROP TABLE IF EXISTS, or fix the name.", s.At);
                }

                continue;
            }

            catalog = catalog.Tables[name].Inheritance is null ? catalog.WithTable(name, null) : TableInheritance.Forget(catalog, name);
        }

        return catalog;
    }
}
