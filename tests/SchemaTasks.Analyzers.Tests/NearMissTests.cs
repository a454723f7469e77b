using SchemaTasks.Analyzers.Mapping;

namespace SchemaTasks.Analyzers.Tests;

public sealed class NearMissTests
{
    [Fact]
    public void Prefix_SuggestsEveryLongerValue()
        => Assert.Equal(["generating_script", "generating_video"], NearMiss.Suggest("generating", ["pending", "generating_script", "generating_video", "notifying"]));

    [Fact]
    public void Typo_SuggestsTheClosestValue()
        => Assert.Equal(["cancelled"], NearMiss.Suggest("canceled", ["pending", "cancelled", "completed"]));

    [Fact]
    public void CaseOnly_IsTheFirstSuggestion()
        => Assert.Equal("CANCELLED", NearMiss.Suggest("cancelled", ["CANCELLED", "cancelling"])[0]);

    [Fact]
    public void UnrelatedValue_SuggestsNothing()
        => Assert.Empty(NearMiss.Suggest("clarification_needed", ["pending", "validating", "completed"]));
}
