using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// A property whose <c>[Column(TypeName = "enum('a','b')")]</c> (or <c>set(...)</c>) spells out
/// the values the code expects its column to allow, as EF Core models a MySQL ENUM column with
/// Pomelo. Each listed value is checked against the migrated column: the column is the
/// attribute's name, else the property's; the table is <c>[Table]</c> on the entity. A table
/// left to EF Core's conventions is not guessed.
/// </summary>
internal sealed class ColumnTypeValueList
{
    private ColumnTypeValueList(IPropertySymbol property, string? target, IReadOnlyList<(string Value, Location Location)> values, Location location, string? problem)
    {
        Property = property;
        Target = target;
        Values = values;
        Location = location;
        Problem = problem;
    }

    /// <summary>The property the attribute is on.</summary>
    public IPropertySymbol Property { get; }

    /// <summary>The column, as an <see cref="ObjectReference"/>; null when <see cref="Problem"/> says why it is unknown.</summary>
    public string? Target { get; }

    /// <summary>The listed values, each with where it is written (inside the string when it can be pointed at).</summary>
    public IReadOnlyList<(string Value, Location Location)> Values { get; }

    /// <summary>The <c>TypeName</c> argument.</summary>
    public Location Location { get; }

    /// <summary>Why the list cannot be checked; null when it can.</summary>
    public string? Problem { get; }

    /// <summary>The attribute as messages name it.</summary>
    public string Description => $"[Column(TypeName)] of {Property.ContainingType.Name}.{Property.Name}";

    /// <summary>The list <paramref name="property"/> declares, or null when it has no <c>enum(...)</c>/<c>set(...)</c> column type.</summary>
    public static ColumnTypeValueList? Of(IPropertySymbol property, bool namingConventionsReferenced)
    {
        if (DataAnnotations.ColumnOf(property) is not { } column
            || DataAnnotations.NamedArgument(column, "TypeName") is not string typeName
            || ValueListOf(typeName) is not { } listed)
        {
            return null;
        }

        var argument = TypeNameArgument(column);
        var location = argument?.GetLocation() ?? property.Locations.FirstOrDefault() ?? Location.None;
        var values = listed.Select(v => (v.Value, ValueLocation(argument, typeName, v.Start, v.Length) ?? location)).ToList();

        var (tableName, schema) = DataAnnotations.TableOf(property.ContainingType);
        var columnName = column.ConstructorArguments.FirstOrDefault().Value as string;
        string? problem = null;
        if (tableName is null)
        {
            problem = $"the table of {property.ContainingType.Name} comes from EF Core's conventions, which SchemaTasks does not read; name it with [Table]";
        }
        else if (columnName is null && namingConventionsReferenced)
        {
            problem = "the project references EFCore.NamingConventions, whose convention may rename the column; name it with [Column(\"...\")]";
        }

        var target = problem is null ? DataAnnotations.ColumnReference(schema, tableName!, columnName ?? property.Name) : null;
        return new ColumnTypeValueList(property, target, values, location, problem);
    }

    // enum('a','b') or set('a','b'), as MySQL writes them: values in single quotes, a quote
    // doubled or backslash-escaped inside. Start and length are those of the text between the
    // quotes, in the type name, so a value can be pointed at in the source.
    private static List<(string Value, int Start, int Length)>? ValueListOf(string typeName)
    {
        var text = typeName.Trim();
        var open = text.IndexOf('(');
        var keyword = open < 0 ? "" : text.Substring(0, open).Trim();
        if (!keyword.Equals("enum", System.StringComparison.OrdinalIgnoreCase) && !keyword.Equals("set", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var offset = typeName.IndexOf(text, System.StringComparison.Ordinal);
        var values = new List<(string, int, int)>();
        var i = open + 1;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '\'') return null;
            var start = ++i;
            var value = new System.Text.StringBuilder();
            while (true)
            {
                if (i >= text.Length) return null;
                if (text[i] == '\\' && i + 1 < text.Length) { value.Append(text[i + 1]); i += 2; continue; }
                if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                if (text[i] == '\'') break;
                value.Append(text[i++]);
            }

            values.Add((value.ToString(), offset + start, i - start));
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i < text.Length && text[i] == ',') { i++; continue; }
            return i < text.Length && text[i] == ')' && text.Substring(i + 1).Trim().Length == 0 ? values : null;
        }
    }

    private static ExpressionSyntax? TypeNameArgument(AttributeData column)
        => (column.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "TypeName")?.Expression;

    // Inside a plain "..." literal with no escapes, the value's characters are where its text
    // says; otherwise the whole argument is pointed at.
    private static Location? ValueLocation(ExpressionSyntax? argument, string typeName, int start, int length)
    {
        if (argument is not LiteralExpressionSyntax { Token: var token } || !token.IsKind(SyntaxKind.StringLiteralToken)
            || token.Text.Length != typeName.Length + 2 || token.Text[0] != '"')
        {
            return null;
        }

        return Location.Create(argument.SyntaxTree, new TextSpan(token.SpanStart + 1 + start, length));
    }
}
