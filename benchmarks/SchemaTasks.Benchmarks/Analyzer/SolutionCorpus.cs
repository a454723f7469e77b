using System.Text;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Benchmarks.Analyzer;

/// <summary>
/// A generated application of <see cref="Files"/> source files, shaped like a service's code: a
/// tenth of the files map enums with <c>[DbEnum]</c>, a tenth configure EF Core entities with
/// enum-to-string conversions, a fifth run SQL through Dapper, and the rest is ordinary code
/// (services, string handling, LINQ, comparisons with strings nobody maps) that the analyzer must
/// pass over. Every mapped value is declared in the value-set file, as in a clean build.
/// </summary>
/// <remarks>
/// The libraries are stand-ins with the real namespaces, type, method and parameter names, as the
/// analyzer recognises them by name; the benchmark measures the analyzer, not those libraries.
/// </remarks>
internal static class SolutionCorpus
{
    public const int Files = 2000;
    private const int Groups = Files / 10;

    private static readonly string[] Labels = ["queued", "running", "done", "failed", "cancelled"];

    /// <summary>The files, each as (path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources()
    {
        var files = new List<(string Path, string Text)> { ("Libraries.cs", LibraryStandIns) };
        for (var i = 0; i < Files - 1; i++)
        {
            var group = i / 10;
            files.Add(((i % 10) switch
            {
                0 => ($"Jobs/JobStatus{group}.cs", MappedEnum(group)),
                1 => ($"Data/OrderConfiguration{group}.cs", EfConfiguration(group)),
                2 or 3 => ($"Data/JobQueries{group}_{i % 10}.cs", DapperQueries(group, i)),
                _ => ($"Services/Service{i}.cs", OrdinaryService(i)),
            }));
        }

        return files;
    }

    /// <summary>The migration that declares every type and column the code maps.</summary>
    public static string Migration()
    {
        var labels = string.Join(", ", Labels.Select(l => $"'{l}'"));
        var sql = new StringBuilder();
        for (var g = 0; g < Groups; g++)
        {
            sql.Append($"CREATE TYPE job_status_{g} AS ENUM ({labels});\n");
            sql.Append($"CREATE TABLE jobs_{g} (id serial PRIMARY KEY, status job_status_{g} NOT NULL, kind text CHECK (kind IN ('email', 'report')));\n");
            sql.Append($"CREATE TABLE orders_{g} (id serial PRIMARY KEY, channel text NOT NULL CHECK (channel IN ('Web', 'Store', 'Phone')));\n");
        }

        return sql.ToString();
    }

    /// <summary>The value-set file the build writes from <see cref="Migration"/>, by the build's own writer.</summary>
    public static string ValueSets()
    {
        var set = MigrationDiscovery.Discover([new MigrationSourceFile("001_init.sql", Migration())]).Set!;
        return ValueSetWriter.Write(SchemaEngine.Build(set, SqlDialect.Postgres).Final);
    }

    /// <summary>
    /// Writes the application to <paramref name="directory"/> as a user's project would hold it:
    /// the sources, and the migration in <c>migrations/</c> (benchmarks/analyzer-overhead).
    /// </summary>
    public static void Write(string directory)
    {
        foreach (var (path, text) in Sources())
        {
            var file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        Directory.CreateDirectory(Path.Combine(directory, "migrations"));
        File.WriteAllText(Path.Combine(directory, "migrations", "001_init.sql"), Migration());
    }

    private static string MappedEnum(int g) => $$"""
        using SchemaTasks;

        namespace App.Jobs;

        [DbEnum("job_status_{{g}}")]
        public enum JobStatus{{g}} { Queued, Running, Done, Failed, Cancelled }

        public sealed class Job{{g}}
        {
            [DbEnum("jobs_{{g}}.kind")] public string Kind { get; set; } = "email";

            public JobStatus{{g}} Status { get; set; }

            public bool IsReport => Kind == "report";

            public void Requeue()
            {
                Kind = Status == JobStatus{{g}}.Failed ? "report" : "email";
                Status = JobStatus{{g}}.Queued;
            }
        }

        """;

    private static string EfConfiguration(int g) => $$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        namespace App.Data;

        public enum Channel{{g}} { Web, Store, Phone }

        public sealed class Order{{g}}
        {
            public int Id { get; set; }

            public Channel{{g}} Channel { get; set; }

            public decimal Total { get; set; }
        }

        public sealed class OrderConfiguration{{g}} : IEntityTypeConfiguration<Order{{g}}>
        {
            public void Configure(EntityTypeBuilder<Order{{g}}> builder)
            {
                builder.ToTable("orders_{{g}}");
                builder.Property(o => o.Channel).HasColumnName("channel").HasConversion<string>();
            }
        }

        """;

    private static string DapperQueries(int g, int i) => $$"""
        using Dapper;

        namespace App.Data;

        public sealed class JobQueries{{g}}_{{i % 10}}(System.Data.IDbConnection db)
        {
            private const string Columns = "id, status, kind";

            public System.Collections.Generic.IEnumerable<int> Waiting()
                => db.Query<int>("SELECT id FROM jobs_{{g}} WHERE status = 'queued' AND kind IN ('email', 'report')");

            public int Finish(int id)
                => db.Execute("UPDATE jobs_{{g}} SET status = 'done' WHERE id = @id", new { id });

            public System.Threading.Tasks.Task<int> Add(string kind)
                => db.ExecuteAsync("INSERT INTO jobs_{{g}} (status, kind) VALUES ('queued', @kind)", new { kind });

            public System.Collections.Generic.IEnumerable<int> Recent(int days)
                => db.Query<int>("SELECT " + Columns + " FROM jobs_{{g}} j WHERE j.status <> 'cancelled' AND j.id > @days", new { days });
        }

        """;

    private static string OrdinaryService(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;

        namespace App.Services;

        public sealed class Service{{i}}
        {
            private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
            private readonly List<string> _names = new();

            public string Name { get; set; } = "service-{{i}}";

            public int Add(string name, int weight)
            {
                if (string.IsNullOrWhiteSpace(name) || name == "admin" || name.Equals("root", StringComparison.Ordinal))
                {
                    throw new ArgumentException("A reserved or empty name.", nameof(name));
                }

                _names.Add(name);
                _counts[name] = _counts.TryGetValue(name, out var count) ? count + weight : weight;
                return _counts[name];
            }

            public string Describe(int top)
            {
                var text = new StringBuilder("Top of ").Append(Name).Append(':');
                foreach (var (name, count) in _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(top))
                {
                    text.Append(' ').Append(name).Append('=').Append(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return text.ToString();
            }

            public IEnumerable<string> Matching(string prefix)
                => _names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n.ToUpperInvariant()).Distinct();

            public int Score(string mode) => mode switch
            {
                "fast" => _names.Count * 2,
                "slow" => _names.Sum(n => n.Length),
                _ => _counts.Values.DefaultIfEmpty().Max(),
            };
        }

        """;

    private const string LibraryStandIns = """
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static int Execute(this System.Data.IDbConnection cnn, string sql, object? param = null) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteAsync(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public interface IEntityTypeConfiguration<TEntity> where TEntity : class
            {
                void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> builder);
            }
            public static class RelationalEntityTypeBuilderExtensions
            {
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> ToTable<TEntity>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> entityTypeBuilder, string? name) where TEntity : class => entityTypeBuilder;
            }
            public static class RelationalPropertyBuilderExtensions
            {
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TProperty> HasColumnName<TProperty>(this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TProperty> propertyBuilder, string? name) => propertyBuilder;
            }
        }
        namespace Microsoft.EntityFrameworkCore.Metadata.Builders
        {
            public class EntityTypeBuilder<TEntity> where TEntity : class
            {
                public PropertyBuilder<TProperty> Property<TProperty>(System.Linq.Expressions.Expression<System.Func<TEntity, TProperty>> propertyExpression) => new();
            }
            public class PropertyBuilder<TProperty>
            {
                public PropertyBuilder<TProperty> HasConversion<TProvider>() => this;
            }
        }

        """;
}
