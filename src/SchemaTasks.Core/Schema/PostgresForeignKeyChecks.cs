using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What PostgreSQL checks when it makes a foreign key, and again when ALTER COLUMN ... TYPE
/// changes a column on either side: the referenced table and columns exist (42P01, 42703), a
/// primary key or unique constraint or index has exactly those columns (42830), and each pair of
/// columns can be compared with the referenced key's equality operator (42804, <i>foreign key
/// constraint ... cannot be implemented</i>). Where the engine cannot know, nothing is reported:
/// a referenced table in a schema the migrations do not create, one whose shape is not known, or
/// one read from a snapshot, whose constraints are known by name only.
/// </summary>
internal static class PostgresForeignKeyChecks
{
    /// <summary>
    /// Whether the statement that turned table <paramref name="name"/> from <paramref name="before"/>
    /// (<see langword="null"/> when it creates it) into <paramref name="after"/> makes or keeps a
    /// foreign key PostgreSQL refuses; reported at <paramref name="at"/>. <paramref name="retypes"/>:
    /// whether the statement changes a column's type (ALTER COLUMN ... TYPE).
    /// </summary>
    public static bool Refuses(Catalog catalog, QualifiedName name, CatalogTable? before, CatalogTable after, SqlToken at, ApplyContext context, bool retypes = false)
    {
        if (!context.IsPostgres) return false;

        // Most statements add a column or change a default: they neither make a key nor retype a
        // column, and a history runs thousands of them on tables with many keys.
        if (before is not null && !retypes && ReferenceEquals(before.Keys, after.Keys)) return false;
        var dialect = context.Rules.Dialect;
        List<(string Name, TableKey Key, bool IsNew)>? checks = null;
        foreach (var (fkName, fk) in after.Keys)
        {
            if (fk.Kind != ConstraintKind.ForeignKey || fk.References is not { } target) continue;
            var isNew = before is null || !ForeignKeyChecks.Existed(before, fkName, target);
            if (!isNew && !(retypes && fk.Columns.Any(c => Retyped(before!, after, c, dialect)))) continue;
            (checks ??= []).Add((fkName, fk, isNew));
        }

        // In name order, so that of several refusals the same one is reported every run.
        if (checks is not null) checks.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (fkName, fk, isNew) in checks ?? [])
        {
            var target = fk.References!;
            var referenced = target.Table.Equals(name) ? after : catalog.Tables.TryGetValue(target.Table, out var found) ? found : null;
            if (referenced is null)
            {
                if (isNew && IsSurelyMissing(catalog, target.Table, context))
                {
                    context.Error(DiagnosticCodes.TableNotFound, $"Foreign key {context.Show(fkName)} of {context.Show(name)} references {context.Show(target.Table)}, which no earlier migration creates (or it was renamed or dropped): PostgreSQL refuses it (SQLSTATE 42P01, relation does not exist). Create the referenced table first, or fix the name.", at);
                    return true;
                }

                continue;
            }

            if (Refuses(name, after, fkName, fk, target, referenced, at, context)) return true;
        }

        // Foreign keys of other tables that reference a column this statement retyped.
        if (before is null || !retypes) return false;
        foreach (var holderName in catalog.TablesReferencing(name).Where(h => !h.Equals(name)).OrderBy(h => h.ToString(), StringComparer.Ordinal))
        {
            foreach (var (fkName, fk) in catalog.Tables[holderName].Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (fk.Kind != ConstraintKind.ForeignKey || fk.References is not { } target || !target.Table.Equals(name)) continue;
                if (!ReferencedColumns(target, after).Any(c => Retyped(before, after, c, dialect))) continue;
                if (Refuses(holderName, catalog.Tables[holderName], fkName, fk, target, after, at, context)) return true;
            }
        }

        return false;
    }

    private static bool Refuses(QualifiedName holder, CatalogTable holderTable, string fkName, TableKey fk, ForeignKeyTarget target, CatalogTable referenced, SqlToken at, ApplyContext context)
    {
        var dialect = context.Rules.Dialect;
        foreach (var column in target.Columns)
        {
            if (referenced.FindColumn(column, dialect) is not null) continue;
            context.Error(DiagnosticCodes.ColumnNotFound, $"Foreign key {context.Show(fkName)} of {context.Show(holder)} references column {context.Show(column)} of {context.Show(referenced.Name)}, which that table does not have: PostgreSQL refuses it (SQLSTATE 42703). Fix the column name.", at);
            return true;
        }

        var keyColumns = ReferencedColumns(target, referenced);
        if (keyColumns.Count == 0 || keyColumns.Count != fk.Columns.Length)
        {
            if (!KeysKnown(referenced) || (target.Columns.Count > 0 && keyColumns.Count != fk.Columns.Length)) return false;
            if (target.Columns.Count == 0)
            {
                context.Error(DiagnosticCodes.ReferencedKeyMissing, $"Foreign key {context.Show(fkName)} of {context.Show(holder)} references {context.Show(referenced.Name)} without naming columns, and that table has no primary key: PostgreSQL refuses it (SQLSTATE 42830). Name the referenced columns, or add a primary key to {context.Show(referenced.Name)} first.", at);
                return true;
            }

            return false;
        }

        if (target.Columns.Count > 0 && !HasUniqueKey(referenced, keyColumns, context) && KeysKnown(referenced))
        {
            context.Error(DiagnosticCodes.ReferencedKeyMissing, $"Foreign key {context.Show(fkName)} of {context.Show(holder)} references ({string.Join(", ", keyColumns.Select(context.Show))}) of {context.Show(referenced.Name)}, which no primary key, unique constraint or unique index (without WHERE or expressions) has as its exact columns: PostgreSQL refuses it (SQLSTATE 42830, there is no unique constraint matching given keys). Add a unique constraint on those columns first, or reference the primary key.", at);
            return true;
        }

        for (var i = 0; i < keyColumns.Count; i++)
        {
            var referencing = holderTable.FindColumn(fk.Columns[i], dialect);
            var key = referenced.FindColumn(keyColumns[i], dialect);
            if (referencing is null || key is null || PostgresKeyTypes.Comparable(referencing, key) != false) continue;
            context.Error(DiagnosticCodes.ForeignKeyTypesIncompatible, $"Foreign key {context.Show(fkName)} of {context.Show(holder)} cannot be implemented: column {context.Show(referencing.Name)} ({referencing.Type}) and referenced column {context.Show(key.Name)} of {context.Show(referenced.Name)} ({key.Type}) are of incompatible types (SQLSTATE 42804). Give both columns compatible types (the same type, or integers and numerics, or strings), or drop the foreign key first.", at);
            return true;
        }

        return false;
    }

    // The referenced columns: those named, else the primary key's; empty when not known.
    private static IReadOnlyList<string> ReferencedColumns(ForeignKeyTarget target, CatalogTable referenced)
    {
        if (target.Columns.Count > 0) return target.Columns;
        var primary = referenced.Keys.Values.FirstOrDefault(k => k.Kind == ConstraintKind.PrimaryKey && !k.ColumnsUnknown);
        return primary is null ? [] : primary.Columns;
    }

    // Whether every primary key, unique and foreign key constraint of the table is known with its columns (not so for one read from a snapshot).
    private static bool KeysKnown(CatalogTable table)
        => table.OtherConstraints.All(table.Keys.ContainsKey) && !table.Keys.Values.Any(k => k.ColumnsUnknown);

    private static bool HasUniqueKey(CatalogTable table, IReadOnlyList<string> columns, ApplyContext context)
    {
        var comparer = context.Rules.ColumnComparer;
        foreach (var key in table.Keys.Values)
        {
            if (key.Kind is not (ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.UniqueIndex) || key.Columns.Length != columns.Count) continue;
            if (SameSet(key.Columns, columns, comparer)) return true;
        }

        return false;
    }

    // The same columns in any order (a key's columns are few).
    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b, IEqualityComparer<string> comparer)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (!Contains(b, a[i], comparer)) return false;
        }

        for (var i = 0; i < b.Count; i++)
        {
            if (!Contains(a, b[i], comparer)) return false;
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> list, string item, IEqualityComparer<string> comparer)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (comparer.Equals(list[i], item)) return true;
        }

        return false;
    }

    private static bool Retyped(CatalogTable before, CatalogTable after, string column, SqlDialect dialect)
        => before.FindColumn(column, dialect) is { } old && after.FindColumn(column, dialect) is { } now && (old.Type != now.Type || old.IsArray != now.IsArray || !Equals(old.TypeReference, now.TypeReference));

    // A table the engine is sure PostgreSQL lacks: its schema is created by the migrations, and
    // nothing the engine did not read (a DO block, a statement passed over, a view or other
    // relation of that name) may have made it.
    private static bool IsSurelyMissing(Catalog catalog, QualifiedName table, ApplyContext context)
        => catalog.Schemas.Contains(table.Schema) && !context.IsPassedOver(table) && !RelationStatements.IsNamed(catalog, table);
}
