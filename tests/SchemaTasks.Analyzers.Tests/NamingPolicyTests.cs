using SchemaTasks.Analyzers.Mapping;

namespace SchemaTasks.Analyzers.Tests;

public sealed class NamingPolicyTests
{
    [Theory]
    [InlineData("GeneratingScript", "generating_script")]
    [InlineData("Pending", "pending")]
    [InlineData("HTTPRequest", "http_request")]
    [InlineData("Version2Beta", "version2beta")]
    [InlineData("Already_Snake", "already_snake")]
    [InlineData("IO", "io")]
    public void SnakeCase_MatchesNpgsqlEnumNames(string member, string expected)
        => Assert.Equal(expected, NamingPolicy.Apply(NamingPolicy.SnakeCase, member));

    [Theory]
    [InlineData(NamingPolicy.Exact, "GeneratingScript", "GeneratingScript")]
    [InlineData(NamingPolicy.UpperSnakeCase, "GeneratingScript", "GENERATING_SCRIPT")]
    [InlineData(NamingPolicy.KebabCase, "BulkOperations", "bulk-operations")]
    public void OtherPolicies_TranslateAsNamed(int policy, string member, string expected)
        => Assert.Equal(expected, NamingPolicy.Apply(policy, member));
}
