using System.Text.Json;

namespace SchemaTasks.Snapshot;

/// <summary>
/// The snapshot's property names, encoded once: the writer checks a name given as a string for
/// characters to escape every time it writes it, and a long history's snapshot writes them
/// hundreds of thousands of times.
/// </summary>
internal static class SnapshotProperty
{
    public static readonly JsonEncodedText AllowedValues = JsonEncodedText.Encode("allowedValues");
    public static readonly JsonEncodedText Array = JsonEncodedText.Encode("array");
    public static readonly JsonEncodedText BaseType = JsonEncodedText.Encode("baseType");
    public static readonly JsonEncodedText BaseTypeReference = JsonEncodedText.Encode("baseTypeReference");
    public static readonly JsonEncodedText Checks = JsonEncodedText.Encode("checks");
    public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
    public static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
    public static readonly JsonEncodedText Constraints = JsonEncodedText.Encode("constraints");
    public static readonly JsonEncodedText Default = JsonEncodedText.Encode("default");
    public static readonly JsonEncodedText Dialect = JsonEncodedText.Encode("dialect");
    public static readonly JsonEncodedText Domains = JsonEncodedText.Encode("domains");
    public static readonly JsonEncodedText EnumTypes = JsonEncodedText.Encode("enumTypes");
    public static readonly JsonEncodedText Expression = JsonEncodedText.Encode("expression");
    public static readonly JsonEncodedText FormatVersion = JsonEncodedText.Encode("formatVersion");
    public static readonly JsonEncodedText InlineValues = JsonEncodedText.Encode("inlineValues");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    public static readonly JsonEncodedText Labels = JsonEncodedText.Encode("labels");
    public static readonly JsonEncodedText Migrations = JsonEncodedText.Encode("migrations");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText NotNull = JsonEncodedText.Encode("notNull");
    public static readonly JsonEncodedText Nullable = JsonEncodedText.Encode("nullable");
    public static readonly JsonEncodedText OtherTypes = JsonEncodedText.Encode("otherTypes");
    public static readonly JsonEncodedText OwnerColumn = JsonEncodedText.Encode("ownerColumn");
    public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    public static readonly JsonEncodedText Schemas = JsonEncodedText.Encode("schemas");
    public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    public static readonly JsonEncodedText Tables = JsonEncodedText.Encode("tables");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText TypeReference = JsonEncodedText.Encode("typeReference");
    public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
}
