using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether the type a PostgreSQL column or domain names exists when the statement runs: built
/// in, created by an earlier migration (enum, domain, other type, a table's row type), or
/// created by an extension the migrations created. The server refuses the statement otherwise,
/// and a snapshot with a type nobody created has nothing for the enum check to check.
/// </summary>
/// <remarks>
/// Only reports: the column is kept either way, so a catalog built where diagnostics are not
/// shown (the migrator's repair) is the one it always was.
/// </remarks>
internal static class TypeExistence
{
    private const string Catalog = "pg_catalog";

    /// <summary>Reports <see cref="DiagnosticCodes.UnknownType"/> when <paramref name="type"/> does not exist.</summary>
    /// <param name="catalog">The schema before the statement.</param>
    /// <param name="type">The type as written.</param>
    /// <param name="context">Where to report.</param>
    /// <param name="at">The statement or column, for the location.</param>
    /// <param name="owner">The table or domain that has the type.</param>
    /// <param name="column">The column of table <paramref name="owner"/>, or <see langword="null"/> for a domain.</param>
    public static void Check(Catalog catalog, TypeSpec type, ApplyContext context, SqlToken at, QualifiedName owner, string? column)
        => Check(catalog, type, context, at, owner, column, variable: null);

    /// <summary>
    /// As the column's check, for a variable a PL/pgSQL routine declares: the server resolves
    /// declared types when it creates the routine. A pseudo-type (<c>record</c>) is allowed there.
    /// </summary>
    /// <param name="catalog">The schema before the statement.</param>
    /// <param name="type">The type as written.</param>
    /// <param name="context">Where to report.</param>
    /// <param name="at">The type's first token, for the location.</param>
    /// <param name="routine">The routine.</param>
    /// <param name="variable">The variable's name.</param>
    public static void CheckVariable(Catalog catalog, TypeSpec type, ApplyContext context, SqlToken at, QualifiedName routine, string variable)
        => Check(catalog, type, context, at, routine, null, variable);

    /// <summary>As the column's check, for an attribute of a composite type (CREATE TYPE ... AS, ADD or ALTER ATTRIBUTE); the message gives the server's SQLSTATE.</summary>
    public static void CheckAttribute(Catalog catalog, TypeSpec type, ApplyContext context, SqlToken at, QualifiedName composite, string attribute)
        => Check(catalog, type, context, at, composite, attribute, variable: null, isAttribute: true);

    // The owner and column of a column or domain, or the routine and variable, or the composite and attribute.
    private static void Check(Catalog catalog, TypeSpec type, ApplyContext context, SqlToken at, QualifiedName owner, string? column, string? variable, bool isAttribute = false)
    {
        string user() => isAttribute ? $"Attribute {context.Show(column!)} of composite type {context.Show(owner)}" : variable is null ? User(owner, column, context) : $"Variable {context.Show(variable)} of routine {context.Show(owner)}";
        var pseudoTypeAllowed = variable is not null;
        if (!context.IsPostgres || type.UserType is not { } name) return;
        var inSearchPath = !type.IsQualified || name.Schema == Catalog;
        if (inSearchPath && PostgresBuiltinTypes.Contains(name.Name)) return;
        if (inSearchPath && PostgresBuiltinTypes.IsPseudo(name.Name))
        {
            if (pseudoTypeAllowed) return;
            context.Error(DiagnosticCodes.UnknownType, $"{user()} has type {context.Show(name.Name)}, a pseudo-type: PostgreSQL does not allow it for a column or domain. Choose a data type.", at);
            return;
        }

        if (TypeStatements.TypeExists(catalog, name) || catalog.Tables.ContainsKey(name)) return;
        if (variable is not null && MayBeRowTypeOfRelation(catalog, name)) return;
        if (context.UndecidedTypes.BlockCreating(name) is { } block)
        {
            // Still an error (the snapshot cannot hold a type nobody is known to create), but the cause is the block.
            context.Error(DiagnosticCodes.UnknownType, $"{user()} has type {context.Show(name)}, which exists here only if the DO block at {block} created it, and SchemaTasks could not decide that block (see the error there). Declare what that block does, and this follows from it.", at);
            return;
        }

        string? providedElsewhere = null;
        var unknownExtensions = new List<string>();
        foreach (var (extension, schema) in catalog.Extensions)
        {
            var known = PostgresExtensionTypes.Find(extension);
            if (known is null)
            {
                unknownExtensions.Add(extension);
                continue;
            }

            if (!known.Types.Contains(name.Name, StringComparer.Ordinal)) continue;
            if (schema == name.Schema || (!type.IsQualified && schema == Catalog)) return;
            providedElsewhere = $"Extension {context.Show(extension)} provides {context.Show(name.Name)}, but in schema {context.Show(schema)}: write {context.Show(new QualifiedName(schema, name.Name))}.";
        }

        var message = $"{user()} has type {context.Show(name)}, which does not exist when this statement runs: it is not built in, no earlier migration creates it, and no extension the migrations create provides it.";
        if (isAttribute) message += $" PostgreSQL refuses the statement (42704, type \"{name.Name}\" does not exist).";
        var similar = SimilarNames.Suggest(name.Name, Candidates(catalog, name.Schema));
        if (similar.Count > 0) message += $" Did you mean {string.Join(" or ", similar.Select(context.Show))}?";
        message += " " + (providedElsewhere ?? Fix(name, context));
        if (unknownExtensions.Count > 0)
        {
            message += $" (Extension {string.Join(", ", unknownExtensions.Select(context.Show))} may provide it: SchemaTasks does not know its types.)";
            context.Warning(DiagnosticCodes.UnknownType, message, at);
            return;
        }

        if (inSearchPath && name.Name.StartsWith("pg_", StringComparison.Ordinal))
        {
            // Every system catalog and view has a row type named after it; they change with each release, so they are not listed.
            message += " (It may be the row type of a system catalog or view, which SchemaTasks does not list.)";
            context.Warning(DiagnosticCodes.UnknownType, message, at);
            return;
        }

        context.Error(DiagnosticCodes.UnknownType, message, at);
    }

    // A view, materialized view or foreign table has a row type too (ThingsBoard declares
    // variables of its views' types); so may a relation whose name the engine could not read.
    private static bool MayBeRowTypeOfRelation(Catalog catalog, QualifiedName name)
        => catalog.Relations.Named.TryGetValue(name, out var relation) && relation.Kind is not ('i' or 'S')
           || catalog.Relations.MayHoldUnknownRowType(name.Schema);

    // Built only when a message needs it: the check runs for every column.
    private static string User(QualifiedName owner, string? column, ApplyContext context)
        => column is null ? $"Domain {context.Show(owner)}" : $"Column {context.Show(owner)}.{context.Show(column)}";

    private static string Fix(QualifiedName name, ApplyContext context)
    {
        var extension = PostgresExtensionTypes.ExtensionOf(name.Name);
        return extension is null
            ? $"Fix the name (quoted names keep their case), or create the type in an earlier statement."
            : $"It comes with extension {context.Show(extension)}: add CREATE EXTENSION IF NOT EXISTS {context.Show(extension)} before this statement (also if the extension is installed outside the migrations).";
    }

    // Types a misspelled one may have meant: built-in names and grammar spellings, the
    // migrations' own types and tables, and those of the extensions created.
    private static IEnumerable<string> Candidates(Catalog catalog, string schema)
    {
        foreach (var builtin in PostgresBuiltinTypes.StoredNames) yield return builtin;
        foreach (var spelling in TypeNames.PostgresSpellings) yield return spelling;
        foreach (var name in catalog.EnumTypes.Keys.Concat(catalog.Domains.Keys).Concat(catalog.OtherTypes).Concat(catalog.Tables.Keys))
        {
            if (name.Schema == schema) yield return name.Name;
        }

        foreach (var extension in catalog.Extensions.Keys)
        {
            foreach (var type in PostgresExtensionTypes.Find(extension)?.Types ?? []) yield return type;
        }
    }
}
