using SchemaTasks.Diagnostics;

namespace SchemaTasks.Analyzers.Tests;

public sealed class SimilarNamesTests
{
    [Fact]
    public void Prefix_SuggestsEveryLongerValue()
        => Assert.Equal(["generating_script", "generating_video"], SimilarNames.Suggest("generating", ["pending", "generating_script", "generating_video", "notifying"]));

    [Fact]
    public void Typo_SuggestsTheClosestValue()
        => Assert.Equal(["cancelled"], SimilarNames.Suggest("canceled", ["pending", "cancelled", "completed"]));

    [Fact]
    public void CaseOnly_IsTheFirstSuggestion()
        => Assert.Equal("CANCELLED", SimilarNames.Suggest("cancelled", ["CANCELLED", "cancelling"])[0]);

    [Fact]
    public void UnrelatedValue_SuggestsNothing()
        => Assert.Empty(SimilarNames.Suggest("clarification_needed", ["pending", "validating", "completed"]));
}
