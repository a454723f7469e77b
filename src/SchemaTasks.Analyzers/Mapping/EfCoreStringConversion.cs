using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SchemaTasks.Analyzers.Flow;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// An enum property EF Core stores as its member names, read off
/// <c>Property(x => x.Status).HasConversion&lt;string&gt;()</c>, or the same with EF Core's
/// <c>EnumToStringConverter&lt;T&gt;</c> (<c>HasConversion&lt;EnumToStringConverter&lt;T&gt;&gt;()</c>,
/// <c>HasConversion(new EnumToStringConverter&lt;T&gt;())</c>): the column is
/// <c>HasColumnName("...")</c> in the same chain, else <c>[Column("...")]</c> on the property, else
/// the property's name (EF Core's default); the table is <c>ToTable("...", "schema")</c> on the
/// same entity builder (in the chain, or on the builder parameter of the same lambda or
/// <c>IEntityTypeConfiguration.Configure</c>), else <c>[Table("...", Schema = "...")]</c> on the
/// entity. A table left to EF Core's conventions (the DbSet's name) is not guessed; nor is a
/// column when the project references EFCore.NamingConventions, whose conventions rename it.
/// </summary>
internal sealed class EfCoreStringConversion
{
    private const string PropertyBuilder = "Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder`1";
    private const string EntityTypeBuilder = "Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1";
    private const string EnumToStringConverter = "Microsoft.EntityFrameworkCore.Storage.ValueConversion.EnumToStringConverter`1";

    /// <summary>The type of EFCore.NamingConventions whose presence means column names may follow its conventions.</summary>
    public const string NamingConventions = "Microsoft.EntityFrameworkCore.NamingConventionsExtensions";

    private EfCoreStringConversion(INamedTypeSymbol enumType, string? target, string description, Location location, string? problem)
    {
        EnumType = enumType;
        Target = target;
        Description = description;
        Location = location;
        Problem = problem;
    }

    /// <summary>The enum the property holds.</summary>
    public INamedTypeSymbol EnumType { get; }

    /// <summary>The column, as an <see cref="ObjectReference"/>; null when <see cref="Problem"/> says why it is unknown.</summary>
    public string? Target { get; }

    /// <summary>The call as messages name it: <c>HasConversion&lt;string&gt;() of Job.Status</c>.</summary>
    public string Description { get; }

    /// <summary>Where the call names the conversion.</summary>
    public Location Location { get; }

    /// <summary>Why the mapping cannot be checked; null when it can.</summary>
    public string? Problem { get; }

    /// <summary>The mapping <paramref name="invocation"/> declares, or null when it is no enum-to-string conversion this class reads.</summary>
    public static EfCoreStringConversion? Of(IInvocationOperation invocation, bool namingConventionsReferenced)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "HasConversion"
            || MetadataNames.Of(method.ContainingType.OriginalDefinition) != PropertyBuilder
            || ConversionForm(invocation) is not { } form)
        {
            return null;
        }

        var chain = PropertyChain(invocation);
        if (chain.Property is null || PropertyOf(chain.Property) is not { } property || EnumOf(property.Type) is not { } enumType)
        {
            return null; // a property given by a name or type the code does not spell, or not an enum
        }

        var location = NameLocation(invocation);
        var description = $"{form} of {property.ContainingType.Name}.{property.Name}";
        var table = TableOf(chain.Property, property.ContainingType);
        if (table.Problem is not null)
        {
            return new EfCoreStringConversion(enumType, null, description, location, table.Problem);
        }

        var column = chain.ColumnName ?? DataAnnotations.ColumnNameOf(property);
        if (column is null && namingConventionsReferenced)
        {
            return new EfCoreStringConversion(enumType, null, description, location,
                "the project references EFCore.NamingConventions, whose convention may rename the column; name it with HasColumnName or [Column]");
        }

        var target = DataAnnotations.ColumnReference(table.Schema, table.Name!, column ?? property.Name);
        return new EfCoreStringConversion(enumType, target, description, location, null);
    }

    // How the call asks for the enum's names to be stored, as messages name it; null when it
    // asks for something else (numbers, another converter, a converter made elsewhere).
    private static string? ConversionForm(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var explicitArguments = invocation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).ToList();
        if (method.TypeArguments.Length == 1 && explicitArguments.Count == 0)
        {
            var provider = method.TypeArguments[0];
            if (provider.SpecialType == SpecialType.System_String) return "HasConversion<string>()";
            if (IsEnumToStringConverter(provider)) return $"HasConversion<{provider.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>()";
            return null;
        }

        if (method.TypeArguments.Length == 0 && explicitArguments.Count == 1
            && Conversions.Strip(explicitArguments[0].Value) is IObjectCreationOperation { Type: { } created } && IsEnumToStringConverter(created))
        {
            return $"HasConversion(new {created.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}())";
        }

        return null;
    }

    private static bool IsEnumToStringConverter(ITypeSymbol type)
        => MetadataNames.Of(type.OriginalDefinition as INamedTypeSymbol) == EnumToStringConverter;

    // The Property(...) call the conversion is configured on, and a HasColumnName anywhere in
    // the same chain of calls, before or after the conversion.
    private static (IInvocationOperation? Property, string? ColumnName) PropertyChain(IInvocationOperation conversion)
    {
        string? column = null;
        IInvocationOperation? property = null;
        for (var call = conversion; call is not null; call = Conversions.Strip(Receiver(call)) as IInvocationOperation)
        {
            if (call.TargetMethod.Name == "HasColumnName")
            {
                column ??= Constant(Argument(call, "name"));
            }

            if (call.TargetMethod.Name == "Property" && MetadataNames.Of(call.TargetMethod.ContainingType.OriginalDefinition) == EntityTypeBuilder)
            {
                property = call;
                break;
            }
        }

        for (var next = NextInChain(conversion); next is not null; next = NextInChain(next))
        {
            if (next.TargetMethod.Name == "HasColumnName")
            {
                column ??= Constant(Argument(next, "name"));
            }
        }

        return (property, column);
    }

    private static IPropertySymbol? PropertyOf(IInvocationOperation propertyCall)
    {
        var entity = propertyCall.TargetMethod.ContainingType.TypeArguments.FirstOrDefault();
        var argument = propertyCall.Arguments.FirstOrDefault()?.Value;
        if (argument is null || entity is null)
        {
            return null;
        }

        if (Constant(argument) is { } name)
        {
            return entity.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(); // Property<T>("Status")
        }

        return argument.Descendants().OfType<IPropertyReferenceOperation>().FirstOrDefault()?.Property; // Property(x => x.Status)
    }

    private static INamedTypeSymbol? EnumOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named ? named : null;
    }

    // ToTable on the entity builder the Property call starts from, else [Table] on the entity.
    private static (string? Name, string? Schema, string? Problem) TableOf(IInvocationOperation propertyCall, INamedTypeSymbol entity)
    {
        var toTable = ToTableInChain(Receiver(propertyCall)) ?? ToTableOnParameter(propertyCall);
        if (toTable is not null)
        {
            var name = Argument(toTable, "name");
            var schema = Argument(toTable, "schema");
            return Constant(name) is { } tableName && (schema is null || Constant(schema) is not null)
                ? (tableName, schema is null ? null : Constant(schema), null)
                : (null, null, "its table name is known only at run time");
        }

        if (DataAnnotations.TableOf(entity) is { Name: { } attributeName } annotated)
        {
            return (attributeName, annotated.Schema, null);
        }

        return (null, null, $"the table of {entity.Name} comes from EF Core's conventions (the DbSet property's name), which SchemaTasks does not read; name it with ToTable or [Table]");
    }

    private static IInvocationOperation? ToTableInChain(IOperation? builder)
    {
        for (var call = Conversions.Strip(builder) as IInvocationOperation; call is not null; call = Conversions.Strip(Receiver(call)) as IInvocationOperation)
        {
            if (call.TargetMethod.Name == "ToTable")
            {
                return call;
            }
        }

        return null;
    }

    // `b => { b.ToTable("jobs"); b.Property(...)... }` and Configure(EntityTypeBuilder<Job> b):
    // a ToTable call on the same builder parameter anywhere in the same body.
    private static IInvocationOperation? ToTableOnParameter(IInvocationOperation propertyCall)
    {
        // Only a builder parameter is one entity's builder; a ModelBuilder parameter is every entity's.
        if (ChainRoot(propertyCall) is not IParameterReferenceOperation { Parameter: var parameter }
            || MetadataNames.Of(parameter.Type.OriginalDefinition as INamedTypeSymbol) != EntityTypeBuilder)
        {
            return null;
        }

        IOperation body = propertyCall;
        while (body.Parent is not null)
        {
            body = body.Parent;
        }

        return body.Descendants()
            .OfType<IInvocationOperation>()
            .FirstOrDefault(c => c.TargetMethod.Name == "ToTable" && ChainRoot(c) is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter));
    }

    private static IOperation? ChainRoot(IInvocationOperation call)
    {
        var root = Receiver(call);
        while (Conversions.Strip(root) is IInvocationOperation inner)
        {
            root = Receiver(inner);
        }

        return Conversions.Strip(root);
    }

    // The call made on the result of call, if the chain goes on.
    private static IInvocationOperation? NextInChain(IInvocationOperation call)
    {
        var parent = call.Parent;
        while (parent is IConversionOperation or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        return parent is IInvocationOperation next && Conversions.Strip(Receiver(next)) == call ? next : null;
    }

    // EF Core's relational configuration (ToTable, HasColumnName) is extension methods, whose
    // receiver is the first argument.
    private static IOperation? Receiver(IInvocationOperation call)
        => call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments.First(a => a.Parameter?.Ordinal == 0).Value : null);

    private static IOperation? Argument(IInvocationOperation invocation, string parameter)
        => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter && a.ArgumentKind == ArgumentKind.Explicit)?.Value;

    private static string? Constant(IOperation? value)
        => value?.ConstantValue is { HasValue: true, Value: string text } ? text : null;


    private static Location NameLocation(IInvocationOperation invocation) => invocation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.GetLocation(),
        _ => invocation.Syntax.GetLocation(),
    };
}
