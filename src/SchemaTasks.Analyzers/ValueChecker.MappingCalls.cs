using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaTasks.Analyzers.Mapping;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers;

/// <summary>
/// The mappings the code declares to a library, with no SchemaTasks attribute: Npgsql's and its
/// EF Core provider's enum mappings, EF Core's enum-to-string conversions and the value lists of
/// its <c>[Column(TypeName = "enum(...)")]</c>. Each is checked as a <c>[DbEnum]</c> mapping is.
/// </summary>
internal sealed partial class ValueChecker
{
    /// <summary>An enum mapped by Npgsql or its EF Core provider: checked as <c>[DbEnum]</c> is, its mapping declared by the call.</summary>
    private void CheckNpgsqlMapping(OperationAnalysisContext context, NpgsqlEnumMapping mapping)
    {
        // Only a PostgreSQL schema has the enum types Npgsql maps; and a project that did not ask
        // for a check with [DbEnum] is not told that it has no schema to check against.
        if (_catalog is null || _catalog.Dialect != "postgres")
        {
            return;
        }

        if (mapping.Problem is not null || mapping.Target is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotCheck, mapping.Location, mapping.Description, $"enum {mapping.EnumType.Name}", mapping.Problem));
            return;
        }

        if (Resolve(context.ReportDiagnostic, mapping.Description, mapping.Target, mapping.Location, TargetKind.EnumType) is not { } target)
        {
            return;
        }

        _mappings.TryAdd(mapping.EnumType, true);
        var naming = mapping.Naming;
        CheckEnum(context.ReportDiagnostic, mapping.EnumType, target, field => _attributes.PgNameOf(field) ?? NamingPolicy.Apply(naming, field.Name), mapping.Location, $"enum {mapping.EnumType.Name} ({mapping.Description})");
    }

    /// <summary>An enum property EF Core stores by member name: checked against its column, the values being the member names.</summary>
    private void CheckStringConversion(OperationAnalysisContext context, EfCoreStringConversion conversion)
    {
        if (_catalog is null)
        {
            return; // as for Npgsql mappings, a project that did not ask with [DbEnum] is not told it has no schema
        }

        if (conversion.Problem is not null || conversion.Target is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotCheck, conversion.Location, conversion.Description, $"enum {conversion.EnumType.Name}", conversion.Problem));
            return;
        }

        if (ColumnOf(context.ReportDiagnostic, conversion.Target, conversion.Description, conversion.Location) is not { } target)
        {
            return;
        }

        _mappings.TryAdd(conversion.EnumType, true);
        // EF Core's enum-to-string conversion writes Enum.ToString(): the member's name as written.
        CheckEnum(context.ReportDiagnostic, conversion.EnumType, target, field => field.Name, conversion.Location, $"enum {conversion.EnumType.Name} ({conversion.Description})");
    }

    /// <summary>The values a <c>[Column(TypeName = "enum(...)")]</c> lists: each must be one the migrated column allows.</summary>
    private void CheckColumnTypeList(SymbolAnalysisContext context, ColumnTypeValueList listed)
    {
        if (listed.Problem is not null || listed.Target is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotCheck, listed.Location, listed.Description, listed.Property.Type.TypeKind == TypeKind.Enum ? $"enum {listed.Property.Type.Name}" : "its listed values", listed.Problem));
            return;
        }

        if (ColumnOf(context.ReportDiagnostic, listed.Target, listed.Description, listed.Location) is not { } target)
        {
            return;
        }

        _mappings.TryAdd(listed.Property, true);
        foreach (var (value, location) in listed.Values)
        {
            Interlocked.Increment(ref _checkedValues);
            if (!target.Values.Contains(value))
            {
                context.ReportDiagnostic(Undeclared(location, listed.Description, value, target));
            }
        }
    }

    // The value sets hold only columns that restrict their values; a column missing from them
    // may well be free text, which any value fits, so it is no finding.
    private ValueSetObject? ColumnOf(System.Action<Diagnostic> report, string column, string description, Location location)
    {
        var matches = _catalog!.Resolve(column).Where(m => !m.IsEnumType).ToList();
        if (matches.Count > 1)
        {
            report(Diagnostic.Create(Descriptors.AmbiguousTarget, location, description, string.Join(" and ", matches.Select(m => m.Description))));
        }

        return matches.Count == 1 ? matches[0] : null;
    }
}
