using System.Text;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Benchmarks.Analyzer;

/// <summary>
/// A generated application: <see cref="Enums"/> mapped enums with as many mapped string
/// members, and <see cref="Uses"/> string literals flowing into them (assignments, arguments,
/// comparisons), all declared in the value-set file the build would write. Every use is
/// allowed, as in a clean build, so the analyzer does all its checks and reports nothing.
/// </summary>
internal static class AnalyzerCorpus
{
    public const int Enums = 200;
    public const int Uses = 2000;

    private static readonly string[] Labels = ["pending", "running", "completed", "failed", "cancelled", "queued", "paused", "archived"];

    public static string Source()
    {
        var code = new StringBuilder("using SchemaTasks;\nnamespace App;\n\n");
        for (var i = 0; i < Enums; i++)
        {
            code.Append("[DbEnum(\"job_status_").Append(i).Append("\")]\npublic enum JobStatus").Append(i).Append("\n{\n");
            foreach (var label in Labels)
            {
                code.Append("    ").Append(char.ToUpperInvariant(label[0])).Append(label[1..]).Append(",\n");
            }

            code.Append("}\n\n");
            code.Append("public sealed class Job").Append(i).Append("\n{\n");
            code.Append("    [DbEnum(\"jobs_").Append(i).Append(".state\")] public string State { get; set; } = \"pending\";\n");
            code.Append("    public JobStatus").Append(i).Append(" Status { get; set; }\n");
            code.Append("    public static void Move([DbEnum(\"jobs_").Append(i).Append(".state\")] string state) { }\n");
            code.Append("}\n\n");
        }

        code.Append("public static class Workflow\n{\n");
        var perMethod = 10;
        for (var m = 0; m < Uses / perMethod; m++)
        {
            var i = m % Enums;
            code.Append("    public static int Step").Append(m).Append("(Job").Append(i).Append(" job)\n    {\n        var n = 0;\n");
            for (var u = 0; u < perMethod; u++)
            {
                var label = Labels[(m + u) % Labels.Length];
                switch (u % 3)
                {
                    case 0:
                        code.Append("        job.State = \"").Append(label).Append("\";\n");
                        break;
                    case 1:
                        code.Append("        Job").Append(i).Append(".Move(\"").Append(label).Append("\");\n");
                        break;
                    default:
                        code.Append("        if (job.State == \"").Append(label).Append("\") n++;\n");
                        break;
                }
            }

            code.Append("        return n;\n    }\n\n");
        }

        return code.Append("}\n").ToString();
    }

    /// <summary>The value-set file declaring every enum type and column the code maps, written by the build's own writer.</summary>
    public static string ValueSets()
    {
        var labels = string.Join(", ", Labels.Select(l => $"'{l}'"));
        var sql = new StringBuilder();
        for (var i = 0; i < Enums; i++)
        {
            sql.Append("CREATE TYPE job_status_").Append(i).Append(" AS ENUM (").Append(labels).Append(");\n");
            sql.Append("CREATE TABLE jobs_").Append(i).Append(" (state text CHECK (state IN (").Append(labels).Append(")));\n");
        }

        var set = MigrationDiscovery.Discover([new MigrationSourceFile("1_init.sql", sql.ToString())]).Set!;
        return ValueSetWriter.Write(SchemaEngine.Build(set, SqlDialect.Postgres).Final);
    }
}
