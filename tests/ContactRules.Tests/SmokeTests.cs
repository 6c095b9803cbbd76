using ContactRules.Jurisdictions;
using Xunit;
using static ContactRules.Tests.Support;

namespace ContactRules.Tests;

public class SmokeTests
{
    [Fact]
    public void Tuesday_morning_in_Paris_is_allowed()
    {
        var decision = FranceRules.Pack.Evaluate(Call(Person(Paris)), Paris_("2026-03-10 10:30"), ContactHistory.Empty);
        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void Saturday_in_Paris_is_refused_until_Monday_ten()
    {
        var decision = FranceRules.Pack.Evaluate(Call(Person(Paris)), Paris_("2026-03-07 11:00"), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Equal("FR-HOURS-01", Assert.Single(decision.Violations).RuleId);
        Assert.Equal(Paris_("2026-03-09 10:00"), decision.NextPermittedAt);
    }
}
