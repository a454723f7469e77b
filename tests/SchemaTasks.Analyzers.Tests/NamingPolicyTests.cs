using Npgsql.NameTranslation;
using SchemaTasks.Analyzers.Mapping;

namespace SchemaTasks.Analyzers.Tests;

public sealed class NamingPolicyTests
{
    // Member names of the shapes C# enums have: acronyms, digits, underscores, one letter, and
    // names already in the database's spelling.
    public static TheoryData<string> MemberNames() => new()
    {
        "GeneratingScript", "Pending", "HTTPRequest", "Version2Beta", "Already_Snake", "IO", "A", "a",
        "ABC", "AbcDEF", "Http2Request", "X509Certificate", "Item1", "V2", "PDFFile2Upload", "OAuth2Token",
        "lower", "camelCase", "with__double", "_Leading", "Trailing_", "UPPER_SNAKE", "MixedHTTPAndURL",
    };

    [Theory]
    [MemberData(nameof(MemberNames))]
    public void SnakeCase_TranslatesAsNpgsqlDoes(string member)
        => Assert.Equal(new NpgsqlSnakeCaseNameTranslator().TranslateMemberName(member), NamingPolicy.Apply(NamingPolicy.SnakeCase, member));

    [Theory]
    [MemberData(nameof(MemberNames))]
    public void Exact_KeepsTheNameAsNpgsqlsNullTranslatorDoes(string member)
        => Assert.Equal(new NpgsqlNullNameTranslator().TranslateMemberName(member), NamingPolicy.Apply(NamingPolicy.Exact, member));

    [Theory]
    [InlineData(NamingPolicy.UpperSnakeCase, "GeneratingScript", "GENERATING_SCRIPT")]
    [InlineData(NamingPolicy.KebabCase, "BulkOperations", "bulk-operations")]
    public void OtherPolicies_TranslateAsNamed(int policy, string member, string expected)
        => Assert.Equal(expected, NamingPolicy.Apply(policy, member));
}
