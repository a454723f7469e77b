using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// The quick test the label check's passes ask of each word before comparing it with their
/// keywords: it may let a word through that is none of them, never keep one out that is.
/// </summary>
public sealed class KeywordFilterTests
{
    private static readonly KeywordFilter Filter = new(["JOIN", "UNION", "LATERAL"], ["FROM", "WHERE", "ON"]);

    private static bool MayBe(string text, SqlTokenKind kind = SqlTokenKind.Word)
        => Filter.MayBe(text, new SqlToken(kind, 0, text.Length, 1, 1));

    [Theory]
    [InlineData("JOIN")]
    [InlineData("join")]
    [InlineData("Lateral")]
    [InlineData("from")]
    [InlineData("On")]
    [InlineData("where")]
    public void Each_keyword_in_any_case_passes(string word) => Assert.True(MayBe(word));

    [Theory]
    [InlineData("kind")] // Four letters, but no keyword of four starts with k.
    [InlineData("status")]
    [InlineData("joins")] // A keyword's first letter, another length.
    [InlineData("o")]
    [InlineData("_join")]
    [InlineData("created_at_and_a_name_longer_than_any_keyword")]
    public void A_word_no_keyword_could_be_is_kept_out(string word) => Assert.False(MayBe(word));

    [Fact]
    public void A_word_that_only_looks_like_a_keyword_passes_to_be_compared() => Assert.True(MayBe("Jxyz"));

    [Fact]
    public void A_word_starting_outside_ascii_passes_as_the_comparison_ignoring_case_may_take_it_for_one()
        => Assert.True(MayBe("\u017Fet"));

    [Fact]
    public void Only_words_pass()
    {
        Assert.False(MayBe("JOIN", SqlTokenKind.QuotedIdentifier));
        Assert.False(MayBe("FROM", SqlTokenKind.String));
    }

    [Fact]
    public void A_keyword_the_filter_cannot_hold_is_refused_when_it_is_made()
        => Assert.Throws<ArgumentException>(() => new KeywordFilter(["ABCDEFGHIJKLMNOP"]));
}
