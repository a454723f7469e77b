using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The views and materialized views a PostgreSQL <c>DROP ... CASCADE</c> (of a table, view,
/// sequence, schema, type, domain, extension or routine, or <c>ALTER TABLE ... DROP COLUMN |
/// CONSTRAINT ... CASCADE</c>) takes along. The server drops every view that depends on what
/// it drops, and every view that depends on such a view. What a view depends on is what its
/// <see cref="ViewUses"/> records: the tables and columns it reads (a <c>*</c> as the columns
/// then), and the other relations it reads by name. A view whose uses reach something gone
/// goes, and so do the views that read it; one whose uses reach nothing gone stays, known.
/// </summary>
/// <remarks>
/// What the uses do not record is not guessed: a view that may depend on something gone
/// through it is kept but marked perhaps dropped (<see cref="NamedRelation.Uncertain"/>), and
/// so are the views that read it. That is a view whose uses were not read; one that calls a
/// routine the statement drops, or any routine the migrations created (a routine whose
/// arguments, result or SQL-standard body use what is dropped goes too); one naming a dropped
/// type, table or view as a type (a cast, a typed literal) or in a string literal (a
/// <c>regclass</c> constant, <c>nextval('s')</c>); one naming a function or type in a dropped
/// schema; one that groups rows of a table whose primary key may be dropped (the server lets a
/// <c>GROUP BY</c> on the key stand for the table's other columns). After a cascade that may
/// drop operators, casts or aggregates (a dropped extension, a routine dropped when the
/// migrations created any of those), every view is marked, as before.
/// </remarks>
internal sealed class ViewCascade
{
    private readonly SqlStatement _statement;

    // The names (without schema) of the routines the statement may drop: those it names, and any the migrations created.
    private readonly HashSet<string> _routines;

    // Whether the statement may take any view through what the uses do not record.
    private readonly bool _anyView;

    private ViewCascade(SqlStatement statement, HashSet<string> routines, bool anyView)
        => (_statement, _routines, _anyView) = (statement, routines, anyView);

    /// <summary>
    /// What the cascade of <paramref name="statement"/> may drop besides what the catalogs before
    /// and after it show, read before it runs (the routines it drops are then still known);
    /// <see langword="null"/> when it is no cascading drop, or no view is kept.
    /// </summary>
    public static ViewCascade? Plan(Catalog before, SqlStatement statement, ApplyContext context)
    {
        if (!IsCascade(statement) || !context.IsPostgres || !before.Relations.Named.Values.Any(IsView)) return null; // MySQL's CASCADE does nothing.
        var routines = new HashSet<string>(context.Overloads.Names.Select(n => n.Name), StringComparer.Ordinal);
        if (statement is DropRoutinesStatement dropRoutines) routines.UnionWith(dropRoutines.Routines.Where(r => r.Kind != RoutineKind.Procedure).Select(r => r.Name.Name));
        var anyView = context.Overloads.MadeUnnamedCallers
            || statement is DropExtensionStatement
            || statement is DropRoutinesStatement { Routines.IsEmpty: true } // An operator or aggregate, whose name is not read.
            || (statement is DropSchemaStatement schemas && before.Extensions.Values.Any(schemas.Names.Contains));
        return new ViewCascade(statement, routines, anyView);
    }

    /// <summary>The catalog after the statement, without the views it dropped and with those it may have dropped marked.</summary>
    public Catalog Follow(Catalog before, Catalog after)
    {
        var views = after.Relations.Named.Where(n => IsView(n.Value)).ToList();
        if (views.Count == 0) return after;
        var gone = Gone.Between(before, after, _statement);
        var dropped = new HashSet<QualifiedName>();
        var uncertain = new HashSet<QualifiedName>();
        foreach (var (name, view) in views)
        {
            if (view.Uses is not { } uses) uncertain.Add(name);
            else if (gone.Takes(uses)) dropped.Add(name);
            else if (_anyView || MayTake(uses, gone)) uncertain.Add(name);
        }

        // A view that reads a dropped view goes with it; one that reads a view perhaps dropped perhaps went.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, view) in views)
            {
                if (dropped.Contains(name) || view.Uses is not { } uses) continue;
                if (uses.Relations.Overlaps(dropped)) changed |= dropped.Add(name) | uncertain.Remove(name);
                else if (uses.Relations.Overlaps(uncertain)) changed |= uncertain.Add(name);
            }
        }

        after = RelationStatements.Drop(after, [.. dropped]);
        return after.WithRelations(after.Relations.WithUncertain(uncertain));
    }

    // Whether the view may depend on something gone through what its uses do not record.
    private bool MayTake(ViewUses uses, Gone gone)
    {
        var mentions = uses.Mentions;
        if (uses.Unresolved.Any(r => gone.UnknownRelations.Contains(r) || gone.Relations.Contains(r) || gone.Tables.Contains(r) || gone.Schemas.Contains(r.Schema))) return true;
        if (mentions.Calls.Any(c => _routines.Contains(c.Name) || gone.Schemas.Contains(c.Schema))) return true;
        if (mentions.Types.Any(t => gone.TypeNames.Contains(t.Name) || gone.Schemas.Contains(t.Schema))) return true;
        if (mentions.Literals.Any(l => gone.TypeNames.Any(n => l.Contains(n.ToLowerInvariant())) || _routines.Any(n => l.Contains(n.ToLowerInvariant())))) return true;
        return mentions.Groups && gone.PrimaryKeysOf.Any(uses.Columns.ContainsKey);
    }

    private static bool IsView(NamedRelation relation) => relation.Kind is 'v' or 'm';

    private static bool IsCascade(SqlStatement statement) => statement switch
    {
        DropTableStatement s => s.Cascade,
        DropRelationStatement s => s.Cascade,
        DropSequenceStatement s => s.Cascade,
        DropSchemaStatement s => s.Cascade,
        DropTypeStatement s => s.Cascade,
        DropExtensionStatement s => s.Cascade,
        DropRoutinesStatement s => s.Cascade,
        AlterTableStatement s => s.Actions.Any(a => a is DropColumnAction { Cascade: true } or DropConstraintAction { Cascade: true }),
        _ => false,
    };

    /// <summary>What a statement dropped, read from the catalogs before and after it.</summary>
    /// <param name="Tables">The tables gone.</param>
    /// <param name="Columns">The columns gone from tables that stay.</param>
    /// <param name="Relations">The relations kept by name that are gone (views, sequences, ...).</param>
    /// <param name="UnknownRelations">Relations the statement drops by name that the engine did not know.</param>
    /// <param name="Schemas">The schemas gone.</param>
    /// <param name="TypeNames">The names, without schema, of the types gone, tables and relations included (their row types).</param>
    /// <param name="PrimaryKeysOf">The tables whose primary key the statement may have dropped.</param>
    private sealed record Gone(
        HashSet<QualifiedName> Tables,
        Dictionary<QualifiedName, HashSet<string>> Columns,
        HashSet<QualifiedName> Relations,
        HashSet<QualifiedName> UnknownRelations,
        HashSet<string> Schemas,
        HashSet<string> TypeNames,
        HashSet<QualifiedName> PrimaryKeysOf)
    {
        public static Gone Between(Catalog before, Catalog after, SqlStatement statement)
        {
            var tables = before.Tables.Keys.Where(n => !after.Tables.ContainsKey(n)).ToHashSet();
            var columns = new Dictionary<QualifiedName, HashSet<string>>();
            foreach (var (name, table) in before.Tables)
            {
                if (!after.Tables.TryGetValue(name, out var now) || ReferenceEquals(now, table)) continue;
                var left = now.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                var missing = table.Columns.Select(c => c.Name).Where(c => !left.Contains(c)).ToHashSet(StringComparer.Ordinal);
                if (missing.Count > 0) columns[name] = missing;
            }

            var relations = before.Relations.Named.Keys.Where(n => !after.Relations.Named.ContainsKey(n)).ToHashSet();
            var named = statement switch
            {
                DropTableStatement s => s.Names,
                DropRelationStatement s => s.Names,
                DropSequenceStatement s => s.Names,
                _ => [],
            };
            var unknown = named.Where(n => !before.Tables.ContainsKey(n) && !before.Relations.Named.ContainsKey(n)).ToHashSet();
            var schemas = before.Schemas.Where(s => !after.Schemas.Contains(s)).ToHashSet(StringComparer.Ordinal);
            var types = before.EnumTypes.Keys.Concat(before.Domains.Keys).Concat(before.OtherTypes)
                .Where(n => !after.EnumTypes.ContainsKey(n) && !after.Domains.ContainsKey(n) && !after.OtherTypes.Contains(n))
                .Concat(tables).Concat(relations).Concat(unknown)
                .Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            return new Gone(tables, columns, relations, unknown, schemas, types, PrimaryKeysMaybeDropped(before, statement));
        }

        /// <summary>Whether a view of these uses goes: it reads a table, column or relation gone.</summary>
        public bool Takes(ViewUses uses)
            => uses.Columns.Any(u => Tables.Contains(u.Key) || (Columns.TryGetValue(u.Key, out var missing) && u.Value.Overlaps(missing)))
               || uses.Relations.Overlaps(Relations);

        // ALTER TABLE ... DROP CONSTRAINT ... CASCADE of the primary key, or of a constraint whose kind is not known.
        private static HashSet<QualifiedName> PrimaryKeysMaybeDropped(Catalog before, SqlStatement statement)
        {
            var tables = new HashSet<QualifiedName>();
            if (statement is not AlterTableStatement alter || !before.Tables.TryGetValue(alter.Name, out var table)) return tables;
            foreach (var drop in alter.Actions.OfType<DropConstraintAction>().Where(d => d.Cascade))
            {
                var known = table.Keys.TryGetValue(drop.Name, out var key) ? key.Kind : table.Checks.Any(c => c.Name == drop.Name) ? ConstraintKind.Check : (ConstraintKind?)null;
                if (known is null or ConstraintKind.PrimaryKey) tables.Add(alter.Name);
            }

            return tables;
        }
    }
}
