using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL: a function (in a default) or operator class (in an index) that SchemaTasks knows
/// comes with an extension (<see cref="PostgresExtensionTypes"/>), used when no migration before
/// has created that extension, nor a function of that name, nor any operator or operator class.
/// The server refuses the statement (42883 for the function, 42704 for the operator class). As
/// for an extension's type (ST3030), the way out is <c>CREATE EXTENSION</c> in a migration, also
/// when the extension is installed outside the migrations: the schema the migrations build must
/// not depend on what a database happens to have. After <c>CREATE EXTENSION</c> of one that
/// SchemaTasks does not know, which may provide it, it is a warning.
/// </summary>
internal static class ExtensionObjectUse
{
    /// <summary>Reports the first call in <paramref name="expression"/> of a missing extension's function; <see langword="true"/> when that is an error.</summary>
    /// <param name="catalog">The schema before the statement.</param>
    /// <param name="expression">The default, as stored.</param>
    /// <param name="owner">The column or domain whose default it is, for the message.</param>
    /// <param name="context">Where to report.</param>
    /// <param name="at">Where the expression is written.</param>
    public static bool RefusesCalls(Catalog catalog, string? expression, DefaultOwner owner, ApplyContext context, SqlToken at)
    {
        // Most defaults are constants; a call needs its parentheses.
        if (!context.IsPostgres || expression is null || expression.IndexOf('(') < 0) return false;
        foreach (var function in ExpressionCalls.CalledNames(expression, context.Rules))
        {
            if (PostgresExtensionTypes.ExtensionOfFunction(function) is not { } extension || context.Overloads.EverDefined(function)) continue;
            if (catalog.Extensions.Keys.Any(e => PostgresExtensionTypes.Find(e)?.Functions?.Contains(function, StringComparer.Ordinal) == true)) continue;
            return Report(catalog, $"DEFAULT {expression} on {owner.Describe(context)} calls {context.Show(function)}(), a function of extension {context.Show(extension)}", "42883, function does not exist", extension, context, at);
        }

        return false;
    }

    /// <summary>Reports the first operator class of <paramref name="index"/> that a missing extension creates; <see langword="true"/> when that is an error.</summary>
    public static bool RefusesOperatorClasses(Catalog catalog, CreateIndexStatement index, ApplyContext context)
    {
        if (!context.IsPostgres || index.OperatorClasses.Count == 0 || context.Overloads.MadeUnnamedCallers) return false;
        foreach (var (operatorClass, at) in index.OperatorClasses)
        {
            if (PostgresExtensionTypes.ExtensionOfOperatorClass(operatorClass) is not { } extension) continue;
            if (catalog.Extensions.Keys.Any(e => PostgresExtensionTypes.Find(e)?.OperatorClasses.Contains(operatorClass, StringComparer.Ordinal) == true)) continue;
            return Report(catalog, $"This index uses operator class {context.Show(operatorClass)}, which comes with extension {context.Show(extension)}", "42704, operator class does not exist", extension, context, at);
        }

        return false;
    }

    private static bool Report(Catalog catalog, string use, string refusal, string extension, ApplyContext context, SqlToken at)
    {
        var message = $"{use}, and no migration before this statement creates that extension, so PostgreSQL refuses the statement ({refusal}). Add CREATE EXTENSION IF NOT EXISTS {context.Show(extension)} before it (also if the extension is installed outside the migrations).";
        var unknown = catalog.Extensions.Keys.Where(e => PostgresExtensionTypes.Find(e) is null).ToList();
        if (unknown.Count > 0)
        {
            context.Warning(DiagnosticCodes.ExtensionObjectWithoutExtension, message + $" (Extension {string.Join(", ", unknown.Select(context.Show))} may provide it: SchemaTasks does not know what it creates.)", at);
            return false;
        }

        context.Error(DiagnosticCodes.ExtensionObjectWithoutExtension, message, at);
        return true;
    }
}
