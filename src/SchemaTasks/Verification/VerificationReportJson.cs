using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SchemaTasks.Verification;

/// <summary>Writes a <see cref="VerificationReport"/> as JSON with a fixed shape: every property always present, null when empty.</summary>
internal static class VerificationReportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(VerificationReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("healthy", report.IsHealthy);
            writer.WriteNumber("errors", report.ErrorCount);
            writer.WriteNumber("warnings", report.WarningCount);
            writer.WriteBoolean("schemaCompared", report.SchemaCompared);

            var history = report.Status.History;
            writer.WriteStartObject("history");
            writer.WriteString("kind", history.Kind.ToName());
            writer.WriteString("table", history.Table);
            writer.WriteBoolean("exists", history.TableExists);
            writer.WriteEndObject();

            writer.WriteStartArray("migrations");
            foreach (var migration in report.Status.Migrations)
            {
                WriteMigration(writer, migration);
            }

            writer.WriteEndArray();

            writer.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(writer, finding);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Utf8JsonWriter writes the platform's newline; the output must not depend on the platform.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteMigration(Utf8JsonWriter writer, MigrationStatus migration)
    {
        writer.WriteStartObject();
        writer.WriteString("id", migration.Id);
        writer.WriteString("name", migration.Name);
        writer.WriteString("path", migration.RelativePath);
        writer.WriteString("state", Camel(migration.State.ToString()));
        writer.WriteString("checksum", Camel(migration.Checksum.ToString()));
        writer.WriteBoolean("edited", migration.IsEdited);
        writer.WriteBoolean("outOfOrder", migration.OutOfOrder);
        writer.WriteString("startedAt", Time(migration.Applied?.StartedAt));
        writer.WriteString("finishedAt", Time(migration.Applied?.FinishedAt));
        writer.WriteString("error", migration.Applied?.Error);
        writer.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter writer, VerificationFinding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("severity", VerificationReportText.Severity(finding.Severity));
        writer.WriteString("code", finding.Code);
        writer.WriteString("subject", finding.Subject);
        writer.WriteString("value", finding.Value);
        writer.WriteString("message", finding.Message);
        writer.WriteString("nextStep", finding.NextStep);
        writer.WriteStartArray("objects");
        foreach (var check in finding.Objects)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", check.Kind);
            writer.WriteString("name", check.Name);
            writer.WriteString("change", Camel(check.Change.ToString()));
            writer.WriteBoolean("done", check.Done);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
