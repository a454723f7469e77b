using Microsoft.CodeAnalysis;
using SchemaTasks.Analyzers.Mapping;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>
/// Where code hands SQL text to a database API: Dapper's <c>Execute*</c> and <c>Query*</c>, the
/// ADO.NET commands of Npgsql and MySQL's drivers (constructor or <c>CommandText</c>), and EF
/// Core's raw SQL. Recognised by parameter, method and type names (see <see cref="MetadataNames"/>),
/// the parameter name first, so the many other arguments of a compilation cost one comparison.
/// </summary>
internal static class SqlCallSites
{
    private const string Dapper = "Dapper.SqlMapper";
    private const string EfQueryable = "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions";
    private const string EfDatabase = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";

    private static readonly HashSet<string> EfMethods = new(StringComparer.Ordinal)
    {
        "FromSqlRaw", "FromSql", "FromSqlInterpolated",
        "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
        "SqlQuery", "SqlQueryRaw",
    };

    // Commands whose constructor takes the SQL text first.
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "Npgsql.NpgsqlCommand", "Npgsql.NpgsqlBatchCommand",
        "MySqlConnector.MySqlCommand", "MySqlConnector.MySqlBatchCommand",
        "MySql.Data.MySqlClient.MySqlCommand", "Dapper.CommandDefinition",
    };

    // Types whose CommandText property (or an override or implementation of it) holds SQL text.
    private static readonly HashSet<string> CommandBases = new(StringComparer.Ordinal)
    {
        "System.Data.IDbCommand", "System.Data.Common.DbCommand", "System.Data.Common.DbBatchCommand",
    };

    /// <summary>How messages name the call, when <paramref name="parameter"/> takes SQL text; otherwise null.</summary>
    public static string? ForArgument(IParameterSymbol? parameter)
    {
        if (parameter is null || parameter.Name is not ("sql" or "cmdText" or "commandText") || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return null;
        }

        var type = MetadataNames.Of(method.ContainingType);
        if (method.MethodKind == MethodKind.Constructor)
        {
            return Commands.Contains(type) ? $"new {method.ContainingType.Name}" : null;
        }

        var known = type switch
        {
            Dapper => method.Name.StartsWith("Execute", StringComparison.Ordinal) || method.Name.StartsWith("Query", StringComparison.Ordinal),
            EfQueryable or EfDatabase => EfMethods.Contains(method.Name),
            _ => false,
        };
        return known ? $"{method.ContainingType.Name}.{method.Name}" : null;
    }

    /// <summary>How messages name the property, when <paramref name="target"/> is a command's <c>CommandText</c>; otherwise null.</summary>
    public static string? ForAssignment(ISymbol? target)
    {
        if (target is not IPropertySymbol { Name: "CommandText" } property || property.ContainingType is not { } type)
        {
            return null;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (CommandBases.Contains(MetadataNames.Of(t)) || Commands.Contains(MetadataNames.Of(t)))
            {
                return $"{type.Name}.CommandText";
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (CommandBases.Contains(MetadataNames.Of(implemented)))
            {
                return $"{type.Name}.CommandText";
            }
        }

        return null;
    }
}
