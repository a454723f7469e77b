namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// The part of Npgsql's and Npgsql's EF Core provider's public API that declares enum mappings,
/// with the same namespaces, type names, method names and parameter names, for test sources
/// to compile against. The analyzer recognises the real types by these names.
/// </summary>
internal static class NpgsqlApiStub
{
    public const string Source = """
        namespace Npgsql
        {
            public interface INpgsqlNameTranslator { string TranslateTypeName(string clrName); string TranslateMemberName(string clrName); }
            public sealed class NpgsqlDataSourceBuilder
            {
                public NpgsqlDataSourceBuilder(string? connectionString = null) { }
                public INpgsqlNameTranslator DefaultNameTranslator { get; set; } = null!;
                public NpgsqlDataSourceBuilder MapEnum<TEnum>(string? pgName = null, INpgsqlNameTranslator? nameTranslator = null) where TEnum : struct, System.Enum => this;
                public NpgsqlDataSourceBuilder MapEnum(System.Type clrType, string? pgName = null, INpgsqlNameTranslator? nameTranslator = null) => this;
            }
            public sealed class NpgsqlConnection { public static Npgsql.TypeMapping.INpgsqlTypeMapper GlobalTypeMapper => null!; }
        }
        namespace Npgsql.TypeMapping
        {
            public interface INpgsqlTypeMapper { INpgsqlTypeMapper MapEnum<TEnum>(string? pgName = null, Npgsql.INpgsqlNameTranslator? nameTranslator = null) where TEnum : struct, System.Enum; }
        }
        namespace Npgsql.NameTranslation
        {
            public sealed class NpgsqlSnakeCaseNameTranslator : Npgsql.INpgsqlNameTranslator
            {
                public NpgsqlSnakeCaseNameTranslator(System.Globalization.CultureInfo? culture = null) { }
                public NpgsqlSnakeCaseNameTranslator(bool legacyMode, System.Globalization.CultureInfo? culture = null) { }
                public string TranslateTypeName(string clrName) => clrName;
                public string TranslateMemberName(string clrName) => clrName;
            }
            public sealed class NpgsqlNullNameTranslator : Npgsql.INpgsqlNameTranslator
            {
                public string TranslateTypeName(string clrName) => clrName;
                public string TranslateMemberName(string clrName) => clrName;
            }
        }
        namespace NpgsqlTypes
        {
            [System.AttributeUsage(System.AttributeTargets.Field)]
            public sealed class PgNameAttribute(string pgName) : System.Attribute { public string PgName { get; } = pgName; }
        }
        namespace Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure
        {
            public class NpgsqlDbContextOptionsBuilder
            {
                public NpgsqlDbContextOptionsBuilder MapEnum<TEnum>(string? enumName = null, string? schemaName = null, Npgsql.INpgsqlNameTranslator? nameTranslator = null) where TEnum : struct, System.Enum => this;
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public class ModelBuilder { }
            public class DbContextOptionsBuilder { }
            public static class NpgsqlModelBuilderExtensions
            {
                public static ModelBuilder HasPostgresEnum<TEnum>(this ModelBuilder modelBuilder, string? schema = null, string? name = null, Npgsql.INpgsqlNameTranslator? nameTranslator = null) where TEnum : struct, System.Enum => modelBuilder;
                public static ModelBuilder HasPostgresEnum(this ModelBuilder modelBuilder, string? schema, string name, string[] labels) => modelBuilder;
            }
            public static class NpgsqlDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder optionsBuilder, string? connectionString, System.Action<Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder>? npgsqlOptionsAction = null) => optionsBuilder;
            }
        }

        """;
}
