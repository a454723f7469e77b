using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SchemaTasks.Json;
using SchemaTasks.Schema;

namespace SchemaTasks.Snapshot;

/// <summary>
/// Writes and reads <see cref="SchemaSnapshot"/> as JSON. Output is deterministic and
/// diff-friendly: fixed property order, objects sorted by name (ordinal), enum labels and
/// columns in their real order, two-space indentation, LF line endings, a trailing newline,
/// no timestamps. Reading and writing again gives the same bytes.
/// </summary>
public static partial class SnapshotJson
{
    /// <summary>The snapshot as JSON text ending in a newline.</summary>
    public static string Write(SchemaSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return DeterministicJson.Write(writer => Write(writer, snapshot, target: null));
    }

    /// <summary>
    /// Writes the snapshot's file, the same bytes as <see cref="Write(SchemaSnapshot)"/> in UTF-8,
    /// to <paramref name="destination"/> as it goes, without holding the whole text.
    /// </summary>
    public static void Write(SchemaSnapshot snapshot, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(destination);
        DeterministicJson.WriteTo(destination, (writer, target) => Write(writer, snapshot, target));
    }

    // target: the stream the writer writes to, into which the tables written on another thread
    // are copied; null to write them all on this one.
    private static void Write(Utf8JsonWriter writer, SchemaSnapshot snapshot, Stream? target)
    {
        writer.WriteStartObject();
        writer.WriteNumber(SnapshotProperty.FormatVersion, SchemaSnapshot.CurrentFormatVersion);
        writer.WriteString(SnapshotProperty.Dialect, snapshot.Dialect.ToName());
        writer.WriteStartArray(SnapshotProperty.Migrations);
        foreach (var migration in snapshot.Migrations)
        {
            DeterministicJson.WriteMigration(writer, migration.Id, migration.Name, migration.Path, migration.Sha256);
            DeterministicJson.FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName(SnapshotProperty.Schema);
        WriteCatalog(writer, snapshot.Schema, target);
        writer.WriteEndObject();
    }

    private static void WriteCatalog(Utf8JsonWriter writer, Catalog catalog, Stream? target)
    {
        writer.WriteStartObject();
        WriteStrings(writer, SnapshotProperty.Schemas, catalog.Schemas);
        writer.WriteStartArray(SnapshotProperty.EnumTypes);
        foreach (var type in catalog.EnumTypes.Values)
        {
            writer.WriteStartObject();
            WriteName(writer, type.Name);
            WriteStrings(writer, SnapshotProperty.Labels, type.Labels);
            writer.WriteEndObject();
            DeterministicJson.FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(SnapshotProperty.Domains);
        foreach (var domain in catalog.Domains.Values)
        {
            writer.WriteStartObject();
            WriteName(writer, domain.Name);
            writer.WriteString(SnapshotProperty.BaseType, domain.BaseType);
            WriteReference(writer, SnapshotProperty.BaseTypeReference, domain.BaseTypeReference);
            writer.WriteBoolean(SnapshotProperty.NotNull, domain.IsNotNull);
            writer.WriteString(SnapshotProperty.Default, domain.Default);
            WriteChecks(writer, domain.Checks);
            WriteAllowedValues(writer, catalog.TypeValues(domain.Name));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(SnapshotProperty.OtherTypes);
        foreach (var type in catalog.OtherTypes)
        {
            writer.WriteStartObject();
            WriteName(writer, type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(SnapshotProperty.Tables);
        WriteTables(writer, catalog, target);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter writer, Catalog catalog, CatalogTable table)
    {
        writer.WriteStartObject();
        WriteName(writer, table.Name);
        writer.WriteStartArray(SnapshotProperty.Columns);
        foreach (var column in table.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString(SnapshotProperty.Name, column.Name);
            writer.WriteString(SnapshotProperty.Type, column.Type);
            writer.WriteBoolean(SnapshotProperty.Nullable, column.IsNullable);
            writer.WriteString(SnapshotProperty.Default, column.Default);
            WriteReference(writer, SnapshotProperty.TypeReference, column.TypeReference);
            if (column.IsArray) writer.WriteBoolean(SnapshotProperty.Array, true);
            if (column.InlineValues is { } inline)
            {
                writer.WriteStartObject(SnapshotProperty.InlineValues);
                writer.WriteString(SnapshotProperty.Kind, inline.Kind == InlineValueKind.Enum ? "enum" : "set");
                WriteStrings(writer, SnapshotProperty.Values, inline.Values);
                writer.WriteEndObject();
            }

            WriteAllowedValues(writer, catalog.AllowedValuesOf(table, column, table.Name));
            writer.WriteEndObject();
            DeterministicJson.FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        WriteChecks(writer, table.Checks);
        // MySQL's set compares names without case, and orders them so too; the file keeps one order.
        WriteStrings(writer, SnapshotProperty.Constraints, ReferenceEquals(table.OtherConstraints.KeyComparer, StringComparer.Ordinal) ? table.OtherConstraints : table.OtherConstraints.OrderBy(n => n, StringComparer.Ordinal));
        writer.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter writer, QualifiedName name)
    {
        writer.WriteString(SnapshotProperty.Schema, name.Schema);
        writer.WriteString(SnapshotProperty.Name, name.Name);
    }

    private static void WriteReference(Utf8JsonWriter writer, JsonEncodedText property, QualifiedName? reference)
    {
        if (reference is not { } name) return;
        writer.WriteStartObject(property);
        WriteName(writer, name);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void WriteChecks(Utf8JsonWriter writer, ImmutableArray<CatalogCheck> checks)
    {
        writer.WriteStartArray(SnapshotProperty.Checks);
        foreach (var check in checks.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString(SnapshotProperty.Name, check.Name);
            writer.WriteString(SnapshotProperty.Expression, check.Expression);
            if (check.Column is { } column)
            {
                writer.WriteString(SnapshotProperty.Column, column);
                WriteStrings(writer, SnapshotProperty.Values, check.Values);
            }

            if (check.OwnerColumn is { } owner) writer.WriteString(SnapshotProperty.OwnerColumn, owner);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteAllowedValues(Utf8JsonWriter writer, AllowedValues? allowed)
    {
        if (allowed is null) return;
        writer.WriteStartObject(SnapshotProperty.AllowedValues);
        WriteStrings(writer, SnapshotProperty.Values, allowed.Values);
        writer.WriteStartArray(SnapshotProperty.Sources);
        foreach (var source in allowed.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString(SnapshotProperty.Kind, SourceKindName(source.Kind));
            writer.WriteString(SnapshotProperty.Name, source.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string SourceKindName(AllowedValuesSourceKind kind) => kind switch
    {
        AllowedValuesSourceKind.EnumType => "enumType",
        AllowedValuesSourceKind.InlineEnum => "inlineEnum",
        AllowedValuesSourceKind.InlineSet => "inlineSet",
        AllowedValuesSourceKind.Domain => "domain",
        _ => "check",
    };

    /// <summary>Reads a snapshot written by <see cref="Write(SchemaSnapshot)"/>. Derived data (<c>allowedValues</c>) is recomputed, not read.</summary>
    /// <exception cref="FormatException">The text is not a snapshot this version understands; the message says why.</exception>
    public static SchemaSnapshot Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            CheckFormatVersion(root.GetProperty("formatVersion").GetInt32());
            var dialect = ParseDialect(root.GetProperty("dialect").GetString());
            var migrations = root.GetProperty("migrations").EnumerateArray()
                .Select(m => new SnapshotMigration(Text(m, "id"), Text(m, "name"), Text(m, "path"), Text(m, "sha256")))
                .ToImmutableArray();
            return new SchemaSnapshot(dialect, migrations, ReadCatalog(root.GetProperty("schema"), dialect));
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw NotValid(error);
        }
    }

    /// <summary>
    /// Reads what a snapshot was built from (its dialect and migrations), and nothing after them,
    /// from its text as it arrives.
    /// </summary>
    /// <exception cref="FormatException">The text is not a snapshot this version understands; the message says why.</exception>
    internal static SnapshotOrigin ReadOrigin(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var json = new JsonTokenStream(text);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("It is not a JSON object.");
            }

            SqlDialect? dialect = null;
            ImmutableArray<SnapshotMigration>? migrations = null;
            var versionRead = false;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                switch (json.Text)
                {
                    case "formatVersion":
                        json.Read();
                        CheckFormatVersion(json.Int32 ?? throw new JsonException("'formatVersion' is not a whole number."));
                        versionRead = true;
                        break;
                    case "dialect":
                        dialect = ParseDialect(NextText(json));
                        break;
                    case "migrations":
                        migrations = ReadMigrations(json);
                        break;
                    default:
                        json.SkipValue();
                        break;
                }

                if (versionRead && dialect is { } knownDialect && migrations is { } knownMigrations)
                {
                    return new SnapshotOrigin(knownDialect, knownMigrations);
                }
            }

            var missing = !versionRead ? "formatVersion" : dialect is null ? "dialect" : "migrations";
            throw new JsonException($"It has no '{missing}'.");
        }
        catch (JsonException error)
        {
            throw NotValid(error);
        }
    }

    private static ImmutableArray<SnapshotMigration> ReadMigrations(JsonTokenStream json)
    {
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("'migrations' is not an array.");
        }

        var migrations = ImmutableArray.CreateBuilder<SnapshotMigration>();
        while (json.Read() && json.TokenType == JsonTokenType.StartObject)
        {
            string? id = null, name = null, path = null, sha256 = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                switch (json.Text)
                {
                    case "id": id = NextText(json); break;
                    case "name": name = NextText(json); break;
                    case "path": path = NextText(json); break;
                    case "sha256": sha256 = NextText(json); break;
                    default: json.SkipValue(); break;
                }
            }

            migrations.Add(new SnapshotMigration(
                id ?? throw new JsonException("A migration has no 'id'."),
                name ?? throw new JsonException($"Migration '{id}' has no 'name'."),
                path ?? throw new JsonException($"Migration '{id}' has no 'path'."),
                sha256 ?? throw new JsonException($"Migration '{id}' has no 'sha256'.")));
        }

        if (json.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("'migrations' holds something other than migrations.");
        }

        return migrations.ToImmutable();
    }

    private static string? NextText(JsonTokenStream json) => json.Read() ? json.Text : null;

    private static void CheckFormatVersion(int version)
    {
        if (version != SchemaSnapshot.CurrentFormatVersion)
        {
            throw new FormatException($"the snapshot has format version {version}; this SchemaTasks reads version {SchemaSnapshot.CurrentFormatVersion}. Regenerate it with this version (dotnet build), or use the SchemaTasks version that wrote it.");
        }
    }

    private static SqlDialect ParseDialect(string? name) =>
        SqlDialectNames.TryParse(name, out var dialect) ? dialect : throw new FormatException($"the snapshot names an unknown dialect '{name}'.");

    private static FormatException NotValid(Exception error) =>
        new($"the snapshot is not valid: {error.Message} Regenerate it with dotnet build.", error);

    private static Catalog ReadCatalog(JsonElement schema, SqlDialect dialect)
    {
        var schemas = schema.GetProperty("schemas").EnumerateArray().Select(e => e.GetString()!).ToImmutableSortedSet(StringComparer.Ordinal);
        var enumTypes = schema.GetProperty("enumTypes").EnumerateArray()
            .Select(e => new CatalogEnumType(Name(e), Strings(e, "labels")))
            .ToImmutableSortedDictionary(t => t.Name, t => t);
        var domains = schema.GetProperty("domains").EnumerateArray()
            .Select(e => new CatalogDomain(Name(e), Text(e, "baseType"), e.GetProperty("notNull").GetBoolean(), OptionalText(e, "default"), Checks(e))
            {
                BaseTypeReference = Reference(e, "baseTypeReference"),
            })
            .ToImmutableSortedDictionary(d => d.Name, d => d);
        var otherTypes = schema.GetProperty("otherTypes").EnumerateArray().Select(Name).ToImmutableSortedSet();
        var tables = schema.GetProperty("tables").EnumerateArray()
            .Select(e => new CatalogTable(
                Name(e),
                e.GetProperty("columns").EnumerateArray().Select(Column).ToImmutableArray(),
                Checks(e),
                CatalogTable.NoConstraints(Sql.IdentifierRules.For(dialect)).Union(Strings(e, "constraints"))))
            .ToImmutableSortedDictionary(t => t.Name, t => t);
        return new Catalog(dialect, schemas, tables, enumTypes, domains, otherTypes);
    }

    private static CatalogColumn Column(JsonElement e)
    {
        InlineValueList? inline = null;
        if (e.TryGetProperty("inlineValues", out var values))
        {
            var kind = Text(values, "kind") switch
            {
                "enum" => InlineValueKind.Enum,
                "set" => InlineValueKind.Set,
                var other => throw new FormatException($"the snapshot names an unknown inline value kind '{other}'."),
            };
            inline = new InlineValueList(kind, Strings(values, "values"));
        }

        return new CatalogColumn(Text(e, "name"), Text(e, "type"), e.GetProperty("nullable").GetBoolean(), OptionalText(e, "default"))
        {
            TypeReference = Reference(e, "typeReference"),
            IsArray = e.TryGetProperty("array", out var array) && array.GetBoolean(),
            InlineValues = inline,
        };
    }

    private static ImmutableArray<CatalogCheck> Checks(JsonElement e)
        => e.GetProperty("checks").EnumerateArray()
            .Select(c => new CatalogCheck(Text(c, "name"), Text(c, "expression"), OptionalText(c, "column"), c.TryGetProperty("values", out _) ? Strings(c, "values") : [])
            {
                OwnerColumn = OptionalText(c, "ownerColumn"),
            })
            .ToImmutableArray();

    private static QualifiedName Name(JsonElement e) => new(Text(e, "schema"), Text(e, "name"));

    private static QualifiedName? Reference(JsonElement e, string property)
        => e.TryGetProperty(property, out var reference) ? Name(reference) : null;

    private static ImmutableArray<string> Strings(JsonElement e, string property)
        => e.GetProperty(property).EnumerateArray().Select(v => v.GetString() ?? throw new FormatException($"'{property}' holds a null.")).ToImmutableArray();

    private static string Text(JsonElement e, string property)
        => e.GetProperty(property).GetString() ?? throw new FormatException($"'{property}' is null.");

    private static string? OptionalText(JsonElement e, string property)
        => e.TryGetProperty(property, out var value) ? value.GetString() : null;
}
