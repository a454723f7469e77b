using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaTasks.Analyzers.Sql;

namespace SchemaTasks.Analyzers;

/// <summary>String literals in SQL text the code hands to Dapper, ADO.NET commands and EF Core's raw SQL.</summary>
internal sealed partial class ValueChecker
{
    // A constant used by several calls is reported once at its declaration.
    private readonly ConcurrentDictionary<(string Path, int Start, int Length, string Value), bool> _sqlReported = new();
    private SqlValueSetLookup? _sqlLookup;
    private int _sqlStrings;
    private int _sqlSkipped;

    private SqlValueSetLookup? SqlLookup
        => _catalog is null ? null : _sqlLookup ??= new SqlValueSetLookup(_catalog, _catalog.Dialect switch
        {
            "mysql" => SqlDialect.MySql,
            "mariadb" => SqlDialect.MariaDb,
            _ => SqlDialect.Postgres,
        });

    private void CheckSql(OperationAnalysisContext context, IOperation value, string call)
    {
        if (SqlLookup is not { } lookup)
        {
            return;
        }

        Interlocked.Increment(ref _sqlStrings);
        var text = SqlSourceText.Of(value);
        var checks = text.HasKnownText ? SqlValueShapes.Find(text.Text, lookup) : null;
        if (checks is null)
        {
            Interlocked.Increment(ref _sqlSkipped);
            return;
        }

        foreach (var check in checks)
        {
            if (text.TouchesHole(check.Literal.Start, check.Literal.End))
            {
                continue;
            }

            Interlocked.Increment(ref _checkedValues);
            if (check.Target.Values.Contains(check.Value))
            {
                continue;
            }

            var location = text.LocationOf(check.Literal.Start, check.Literal.End);
            var key = (location.SourceTree?.FilePath ?? "", location.SourceSpan.Start, location.SourceSpan.Length, check.Value);
            if (_sqlReported.TryAdd(key, true))
            {
                context.ReportDiagnostic(Undeclared(location, $"the SQL literal {check.Context} in the text passed to {call}", check.Value, check.Target));
            }
        }
    }

    /// <summary>At detailed verbosity, how many SQL strings the check could not read (docs/diagnostics.md, ST4007).</summary>
    private void ReportSkippedSql(CompilationAnalysisContext context)
    {
        if (_sqlSkipped > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SqlSkipped, Location.None, _sqlSkipped, _sqlStrings));
        }
    }
}
