using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a PostgreSQL relation of a name exists, as pg_class, to_regclass and
/// information_schema.tables see it: tables, the indexes of their constraints and their own
/// indexes, serial sequences, and the relations known by name (<see cref="RelationNames"/>).
/// <see langword="null"/> wherever the engine cannot know: a system relation, a composite type,
/// a view a DROP ... CASCADE may have taken, a sequence whose owner changed, an identity column's
/// sequence, a schema where a relation of a name not read was created.
/// </summary>
internal static class RelationExistence
{
    private const char Table = 'r';
    private const char Index = 'i';
    private const char Sequence = 'S';

    // The kinds that own a row type in pg_type, and those that do not (PostgreSQL 15: the server's pg_class.reltype).
    private static readonly char[] RowTyped = ['v', 'm', 'f'];
    private static readonly char[] WithoutRowType = [Index, Sequence];

    /// <summary>pg_class: a relation named <paramref name="name"/> in <paramref name="schema"/> (any, when <see langword="null"/>) of <paramref name="relkind"/> (any, when <see langword="null"/>).</summary>
    public static bool? InPgClass(Catalog catalog, string? schema, string name, string? relkind)
    {
        if (relkind is not (null or "r" or "p" or "v" or "m" or "S" or "i" or "f")) return null;
        return Exists(catalog, schema, name, kind => relkind is null || kind.ToString() == relkind || (kind == Table && relkind == "p"));
    }

    /// <summary>pg_indexes: an index named <paramref name="name"/>, on table (or materialized view) <paramref name="table"/> when that is given.</summary>
    public static bool? IndexOn(Catalog catalog, string? schema, string name, string? table)
    {
        var exists = InPgClass(catalog, schema, name, "i");
        if (exists != true || table is null) return exists;
        foreach (var candidate in catalog.Tables.Values)
        {
            var index = new QualifiedName(candidate.Name.Schema, name);
            if ((schema is null || candidate.Name.Schema == schema) && PostgresTableNames.CountOwn(candidate, index, PostgresNameSpaces.Relation) - (candidate.Name == index ? 1 : 0) > 0
                && candidate.Name.Name == table)
            {
                return true;
            }
        }

        return catalog.Relations.Named.Any(r => r.Key.Name == name && (schema is null || r.Key.Schema == schema) && r.Value.Kind == Index && r.Value.Owner?.Name == table);
    }

    /// <summary>information_schema.tables: tables (BASE TABLE), views (VIEW) and foreign tables (FOREIGN); not materialized views, sequences or indexes.</summary>
    public static bool? InInformationSchemaTables(Catalog catalog, string? schema, string name, string? tableType)
    {
        if (tableType is not (null or "BASE TABLE" or "VIEW" or "FOREIGN")) return null;
        return Exists(catalog, schema, name, kind =>
        {
            var type = kind switch { Table => "BASE TABLE", 'v' => "VIEW", 'f' => "FOREIGN", _ => null };
            return type is not null && (tableType is null || tableType == type);
        });
    }

    /// <summary>Whether a view, materialized view or foreign table <paramref name="name"/> has a row type of that name: <see langword="null"/> for one that may be gone.</summary>
    public static bool? HasRowType(Catalog catalog, string? schema, string name)
    {
        bool? found = false;
        foreach (var (key, relation) in catalog.Relations.Named)
        {
            if (key.Name != name || (schema is not null && key.Schema != schema) || relation.Kind is not ('v' or 'm' or 'f')) continue;
            if (!relation.Uncertain && !catalog.Relations.MayHaveGone(key)) return true;
            found = null;
        }

        return found == false && catalog.Relations.MayHoldUnknownRowType(schema) ? null : found;
    }

    /// <summary>Whether <paramref name="name"/> may be a view or foreign table, whose columns the engine does not know.</summary>
    public static bool MayBeView(Catalog catalog, string? schema, string name)
        => catalog.Relations.Named.Any(r => r.Key.Name == name && (schema is null || r.Key.Schema == schema) && r.Value.Kind is 'v' or 'f')
           || catalog.Relations.MayHoldUnknownRowType(schema);

    private static bool? Exists(Catalog catalog, string? schema, string name, Func<char, bool> wanted)
    {
        if (schema is "pg_catalog" or "information_schema" or "pg_toast" || (schema is null && name.StartsWith("pg_", StringComparison.Ordinal))) return null;
        var unknown = false;
        foreach (var inSchema in schema is null ? catalog.Schemas.Append(RelationNames.TemporarySchema) : [schema])
        {
            switch (ExistsIn(catalog, new QualifiedName(inSchema, name), wanted))
            {
                case true: return true;
                case null: unknown = true; break;
            }
        }

        // Indexes and sequences of unknown names do not answer a question about views or tables.
        var mayHold = RowTyped.Any(wanted) && catalog.Relations.MayHoldUnknownRowType(schema);
        mayHold |= WithoutRowType.Any(wanted) && catalog.Relations.MayHoldUnknown(schema);
        return unknown || mayHold ? null : false;
    }

    private static bool? ExistsIn(Catalog catalog, QualifiedName name, Func<char, bool> wanted)
    {
        var unknown = false;
        var count = catalog.PostgresNameCount(name, PostgresNameSpaces.Relation);
        if (catalog.Tables.ContainsKey(name))
        {
            if (wanted(Table)) return true;
            count--;
        }

        if (catalog.Relations.Named.TryGetValue(name, out var relation))
        {
            count--;
            var certain = !relation.Uncertain && OwnerStands(catalog, relation) && !catalog.Relations.MayHaveGone(name);
            if (wanted(relation.Kind)) return certain ? true : null;
            unknown |= !certain;
        }

        // What is left is an index or sequence a table has (and the name index counts).
        if (count > 0 && DerivedKind(catalog, name) is { } derived && wanted(derived)) return catalog.Relations.MayHaveGone(name) ? null : true;
        if (count > 0 && DerivedKind(catalog, name) is null) unknown = true;
        if (catalog.OtherTypes.Contains(name)) unknown = true; // A composite type has a pg_class row too.
        if (MayBeIdentitySequence(catalog, name)) unknown = true;
        return unknown ? null : false;
    }

    // A sequence OWNED BY a column goes with the column and moves with its table, which the
    // engine follows only while the table keeps its name and the column.
    private static bool OwnerStands(Catalog catalog, NamedRelation relation)
    {
        if (relation.Owner is not { } owner) return true;
        if (relation.Kind == Index) return catalog.Relations.Named.ContainsKey(owner);
        return catalog.Tables.TryGetValue(owner, out var table) && (relation.OwnerColumn is null || table.FindColumn(relation.OwnerColumn, catalog.Dialect) is not null);
    }

    // Only asked when a relkind filter meets a name a table's index or serial sequence takes:
    // looks at the schema's tables to tell which.
    private static char? DerivedKind(Catalog catalog, QualifiedName name)
    {
        var rules = IdentifierRules.For(catalog.Dialect);
        char? kind = null;
        foreach (var table in catalog.Tables.Values)
        {
            if (table.Name.Schema == name.Schema && PostgresTableNames.CountOwn(table, name, PostgresNameSpaces.Relation) - (table.Name == name ? 1 : 0) > 0) return Index;
            PostgresTableNames.VisitSequences(table, rules, sequence => kind = sequence == name ? Sequence : kind);
        }

        return kind;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is the name an identity column's sequence may have
    /// (table_column_seq, numbered on a clash): the engine does not keep which columns are identity
    /// columns, so any column without a default may be one.
    /// </summary>
    private static bool MayBeIdentitySequence(Catalog catalog, QualifiedName name)
    {
        var text = name.Name;
        var digits = text.Length;
        while (digits > 0 && char.IsDigit(text[digits - 1])) digits--;
        if (!text.Substring(0, digits).EndsWith("seq", StringComparison.Ordinal)) return false;
        var label = "seq" + text[digits..];
        foreach (var table in catalog.Tables.Values)
        {
            if (table.Name.Schema != name.Schema) continue;
            foreach (var column in table.Columns)
            {
                if (column.Default is null && PostgresNames.MakeObjectName(table.Name.Name, column.Name, label) == text) return true;
            }
        }

        return false;
    }
}
