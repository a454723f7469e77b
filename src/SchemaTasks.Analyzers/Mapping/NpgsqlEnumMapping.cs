using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SchemaTasks.Analyzers.Flow;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// An enum mapping the code declares to Npgsql or to Npgsql's EF Core provider, read off the
/// call that declares it: <c>NpgsqlDataSourceBuilder.MapEnum&lt;T&gt;(pgName, nameTranslator)</c>
/// (and the slim builder, <c>INpgsqlTypeMapper</c>, the obsolete
/// <c>NpgsqlConnection.GlobalTypeMapper</c>), EF Core's
/// <c>o.MapEnum&lt;T&gt;(enumName, schemaName, nameTranslator)</c> and
/// <c>modelBuilder.HasPostgresEnum&lt;T&gt;(schema, name, nameTranslator)</c>, and the same
/// methods with <c>typeof(T)</c>. Types are recognised by their full metadata names, so the
/// analyzer needs no reference to Npgsql.
/// </summary>
internal sealed class NpgsqlEnumMapping
{
    private const string SnakeCaseTranslator = "Npgsql.NameTranslation.NpgsqlSnakeCaseNameTranslator";
    private const string NullTranslator = "Npgsql.NameTranslation.NpgsqlNullNameTranslator";

    private static readonly string[] MapEnumTypes =
    {
        "Npgsql.NpgsqlDataSourceBuilder",
        "Npgsql.NpgsqlSlimDataSourceBuilder",
        "Npgsql.TypeMapping.INpgsqlTypeMapper",
        "Npgsql.TypeMapping.GlobalTypeMapper",
        "Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder",
    };

    private const string ModelBuilderExtensions = "Microsoft.EntityFrameworkCore.NpgsqlModelBuilderExtensions";

    private NpgsqlEnumMapping(INamedTypeSymbol enumType, string? target, int naming, string description, Location location, string? problem)
    {
        EnumType = enumType;
        Target = target;
        Naming = naming;
        Description = description;
        Location = location;
        Problem = problem;
    }

    /// <summary>The C# enum.</summary>
    public INamedTypeSymbol EnumType { get; }

    /// <summary>The PostgreSQL enum type, as an <see cref="ObjectReference"/>; null when <see cref="Problem"/> says why it is unknown.</summary>
    public string? Target { get; }

    /// <summary>The <see cref="NamingPolicy"/> the name translator applies to member names.</summary>
    public int Naming { get; }

    /// <summary>The call as messages name it: <c>MapEnum&lt;Mood&gt;() on NpgsqlDataSourceBuilder</c>.</summary>
    public string Description { get; }

    /// <summary>Where the call names the enum.</summary>
    public Location Location { get; }

    /// <summary>Why the mapping cannot be checked; null when it can.</summary>
    public string? Problem { get; }

    /// <summary>The mapping <paramref name="invocation"/> declares, or null when it declares none this class reads.</summary>
    public static NpgsqlEnumMapping? Of(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("MapEnum" or "HasPostgresEnum") || !IsMappingMethod(method))
        {
            return null;
        }

        var typeArgument = method.TypeArguments.Length == 1
            ? method.TypeArguments[0]
            : Argument(invocation, "clrType") is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
        if (typeArgument is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return null; // a type parameter or a Type known only at run time: the caller's call is the mapping
        }

        var location = NameLocation(invocation);
        var description = $"{method.Name}<{enumType.Name}>() on {method.ContainingType.Name}";
        var (naming, translatorProblem) = Translator(Argument(invocation, "nameTranslator") ?? DefaultTranslatorSetBeside(invocation));
        if (translatorProblem is not null)
        {
            return new NpgsqlEnumMapping(enumType, null, naming, description, location, translatorProblem);
        }

        var name = Text(Argument(invocation, "pgName") ?? Argument(invocation, "enumName") ?? Argument(invocation, "name"));
        var schema = Text(Argument(invocation, "schemaName") ?? Argument(invocation, "schema"));
        if (!name.Known || !schema.Known)
        {
            return new NpgsqlEnumMapping(enumType, null, naming, description, location, "its type name is known only at run time");
        }

        // Npgsql names the type as the translator translates the enum's name (TranslateTypeName);
        // both translators read here translate type and member names alike.
        var typeName = name.Value ?? NamingPolicy.Apply(naming, enumType.Name);
        string target;
        if (schema.Value is not null)
        {
            target = ObjectReference.Format(schema.Value, typeName);
        }
        else if (name.Value is not null)
        {
            target = typeName; // Npgsql's pgName may itself be schema-qualified, as a reference is
        }
        else
        {
            target = ObjectReference.Format(typeName);
        }

        return new NpgsqlEnumMapping(enumType, target, naming, description, location, null);
    }

    private static bool IsMappingMethod(IMethodSymbol method)
    {
        var containing = MetadataNames.Of(method.ContainingType);
        return method.Name == "MapEnum"
            ? MapEnumTypes.Contains(containing)
            : containing == ModelBuilderExtensions && method.TypeArguments.Length == 1; // the label-list overload declares, it does not map
    }

    // Arguments by parameter name, which the Npgsql versions keep while adding parameters.
    private static IOperation? Argument(IInvocationOperation invocation, string parameter)
    {
        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
        return argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue ? null : Conversions.Strip(argument.Value);
    }

    private static (bool Known, string? Value) Text(IOperation? value)
        => value is null ? (true, null)
        : value.ConstantValue is { HasValue: true } constant ? (constant.Value is null or string, constant.Value as string)
        : (false, null);

    // `builder.DefaultNameTranslator = ...` in the same body replaces the default the call uses;
    // one set in another method is not seen (docs/diagnostics.md).
    private static IOperation? DefaultTranslatorSetBeside(IInvocationOperation invocation)
    {
        IOperation root = invocation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.Descendants()
            .OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "DefaultNameTranslator" } p && MapEnumTypes.Contains(MetadataNames.Of(p.Property.ContainingType)))
            .Select(a => Conversions.Strip(a.Value))
            .LastOrDefault();
    }

    // The translators whose names SchemaTasks can compute; a null argument means the default,
    // snake_case.
    private static (int Naming, string? Problem) Translator(IOperation? translator)
    {
        if (translator is null || translator.ConstantValue is { HasValue: true, Value: null })
        {
            return (NamingPolicy.SnakeCase, null);
        }

        if (translator is IObjectCreationOperation creation)
        {
            switch (MetadataNames.Of(creation.Type as INamedTypeSymbol))
            {
                case NullTranslator:
                    return (NamingPolicy.Exact, null);
                case SnakeCaseTranslator when creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "legacyMode") is not { ArgumentKind: ArgumentKind.Explicit } legacy
                    || legacy.Value.ConstantValue is { HasValue: true, Value: false }:
                    return (NamingPolicy.SnakeCase, null);
                case SnakeCaseTranslator:
                    return (NamingPolicy.SnakeCase, "its NpgsqlSnakeCaseNameTranslator is in legacy mode, whose names SchemaTasks does not compute; use the default translator or map each member with [PgName]");
            }
        }

        var type = translator.Type?.Name ?? "an INpgsqlNameTranslator";
        return (NamingPolicy.SnakeCase, $"its name translator ({type}) gives names known only at run time; SchemaTasks computes those of NpgsqlSnakeCaseNameTranslator (the default) and NpgsqlNullNameTranslator. pass one of those to have the mapping checked");
    }


    private static Location NameLocation(IInvocationOperation invocation) => invocation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.GetLocation(),
        InvocationExpressionSyntax { Expression: SimpleNameSyntax name } => name.GetLocation(),
        _ => invocation.Syntax.GetLocation(),
    };
}
