using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaTasks.CodeFixes;

/// <summary>Recognises an attribute by its written name, however it is qualified or suffixed.</summary>
internal static class AttributeNames
{
    /// <summary>Whether <paramref name="attribute"/> is written as <paramref name="shortName"/> (or <c>shortNameAttribute</c>), qualified or not.</summary>
    public static bool Is(AttributeSyntax attribute, string shortName)
    {
        var written = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return written == shortName || written == shortName + "Attribute";
    }
}
