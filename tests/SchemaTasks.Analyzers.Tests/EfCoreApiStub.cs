namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// The part of EF Core's public API that configures an enum property's conversion, table and
/// column, with EF Core's namespaces, type names, method and parameter names, for test sources to
/// compile against; and the data annotations EF Core reads.
/// </summary>
internal static class EfCoreApiStub
{
    public const string Source = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class ModelBuilder
            {
                public Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> Entity<TEntity>() where TEntity : class => new();
                public ModelBuilder Entity<TEntity>(System.Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity>> buildAction) where TEntity : class => this;
            }
            // Relational configuration is extension methods, as in Microsoft.EntityFrameworkCore.Relational.
            public static class RelationalEntityTypeBuilderExtensions
            {
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> ToTable<TEntity>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> entityTypeBuilder, string? name) where TEntity : class => entityTypeBuilder;
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> ToTable<TEntity>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> entityTypeBuilder, string name, string? schema) where TEntity : class => entityTypeBuilder;
            }
            public static class RelationalPropertyBuilderExtensions
            {
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TProperty> HasColumnName<TProperty>(this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TProperty> propertyBuilder, string? name) => propertyBuilder;
            }
            public interface IEntityTypeConfiguration<TEntity> where TEntity : class
            {
                void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> builder);
            }
        }
        namespace Microsoft.EntityFrameworkCore.Metadata.Builders
        {
            public class EntityTypeBuilder<TEntity> where TEntity : class
            {
                public PropertyBuilder<TProperty> Property<TProperty>(System.Linq.Expressions.Expression<System.Func<TEntity, TProperty>> propertyExpression) => new();
                public PropertyBuilder<TProperty> Property<TProperty>(string propertyName) => new();
            }
            public class PropertyBuilder<TProperty>
            {
                public PropertyBuilder<TProperty> HasConversion<TProvider>() => this;
                public PropertyBuilder<TProperty> HasConversion(Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) => this;
                public PropertyBuilder<TProperty> IsRequired(bool required = true) => this;
            }
        }
        namespace Microsoft.EntityFrameworkCore.Storage.ValueConversion
        {
            public abstract class ValueConverter { }
            public class ValueConverter<TModel, TProvider> : ValueConverter { }
            public class EnumToStringConverter<TEnum> : ValueConverter<TEnum, string> where TEnum : struct, System.Enum
            {
                public EnumToStringConverter() { }
                public EnumToStringConverter(object? mappingHints) { }
            }
            public class EnumToNumberConverter<TEnum, TNumber> : ValueConverter<TEnum, TNumber> where TEnum : struct, System.Enum { }
        }
        namespace System.ComponentModel.DataAnnotations.Schema
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public class TableAttribute(string name) : System.Attribute { public string Name { get; } = name; public string? Schema { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
            public class ColumnAttribute : System.Attribute { public ColumnAttribute() { } public ColumnAttribute(string name) { Name = name; } public string? Name { get; } public string? TypeName { get; set; } }
        }

        """;
}
