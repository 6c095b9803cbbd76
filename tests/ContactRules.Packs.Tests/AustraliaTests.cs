using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The <c>au</c> pack read against the Do Not Call Register Act 2006 and the Telemarketing and
/// Research Calls Industry Standard 2017 (regulations.md 6.2).
/// </summary>
public class AustraliaTests
{
    private static readonly ContactPolicy Au = AustraliaRules.Pack;
    private static readonly DateTimeZone Sydney = Zone("Australia/Sydney");

    private static Instant S(string local) => Local(local, Sydney);

    private static ContactRequest Request(ImmutableArray<OptOut> optOuts = default, Instant? snapshot = null, params ConsentRecord[] consents)
        => new ContactRequest(PersonIn(Sydney)) { Caller = Acme, OptOuts = optOuts, RegistrySnapshotAt = snapshot, Consents = consents.ToImmutableArray() };

    // AU-HOURS-01: weekdays [09:00, 20:00), Saturday [09:00, 17:00), no Sunday. Tuesday 10 March
    // 2026; Saturday 14 and Sunday 15 March; Monday 16 March.
    [Theory]
    [InlineData("2026-03-10 08:59", "2026-03-10 09:00")]
    [InlineData("2026-03-10 20:00", "2026-03-11 09:00")]
    [InlineData("2026-03-13 20:00", "2026-03-14 09:00")] // Friday night → Saturday 09:00
    [InlineData("2026-03-14 17:00", "2026-03-16 09:00")] // Saturday 17:00 → Monday (no Sunday)
    [InlineData("2026-03-15 11:00", "2026-03-16 09:00")] // Sunday
    public void AU_HOURS_01_hours_refuse_outside_the_windows(string at, string next)
    {
        var decision = Evaluate(Au, Request(), S(at));
        AssertRefusedBy(decision, "AU-HOURS-01");
        Assert.Equal(S(next), decision.NextPermittedAt);
    }

    [Theory]
    [InlineData("2026-03-10 09:00")]
    [InlineData("2026-03-10 19:59")]
    [InlineData("2026-03-14 09:00")]
    [InlineData("2026-03-14 16:59")]
    public void AU_HOURS_01_hours_allow_inside_the_windows(string at) => AssertAllowed(Evaluate(Au, Request(), S(at)));

    [Fact]
    public void AU_HOURS_01_hours_apply_from_31_May_2007()
    {
        // The first standard commenced with Part 2 of the Act on Thursday 31 May 2007.
        AssertAllowed(Evaluate(Au, Request(), S("2007-05-30 21:00")));
        AssertRefusedBy(Evaluate(Au, Request(), S("2007-05-31 21:00")), "AU-HOURS-01");
    }

    // National public holidays: New Year's Day, Australia Day (26 Jan), Good Friday, Easter
    // Monday (Easter 5 April 2026, 28 March 2027), Anzac Day (25 Apr), Christmas, Boxing Day, plus
    // the next free weekday when a fixed date falls on a weekend.
    [Fact]
    public void AU_HOL_01_the_national_public_holidays_of_2026_and_2027()
    {
        string[] y2026 =
        {
            "2026-01-01", "2026-01-26", "2026-04-03", "2026-04-06",
            "2026-04-25", "2026-04-27", // Anzac Day is a Saturday: substitute Monday 27
            "2026-12-25", "2026-12-26", "2026-12-28", // Boxing Day is a Saturday: substitute Monday 28
        };
        string[] y2027 =
        {
            "2027-01-01", "2027-01-26", "2027-03-26", "2027-03-29",
            "2027-04-25", "2027-04-26", // Anzac Day is a Sunday: substitute Monday 26
            "2027-12-25", "2027-12-26", "2027-12-27", "2027-12-28", // Sat and Sun: substitutes Monday 27 and Tuesday 28
        };
        Assert.Equal(y2026.Select(Date).OrderBy(d => d), AustralianHolidays.National.DatesOf(2026).Select(h => h.Date));
        Assert.Equal(y2027.Select(Date).OrderBy(d => d), AustralianHolidays.National.DatesOf(2027).Select(h => h.Date));
    }

    // At 11:00 on each holiday that is a calling day (Monday to Saturday) only AU-HOL-01 refuses;
    // the next permitted instant is 09:00 on the next calling day that is not a holiday
    // (Saturday counts; Sunday never does).
    [Theory]
    [InlineData("2026-01-01", "2026-01-02")]
    [InlineData("2026-01-26", "2026-01-27")]
    [InlineData("2026-04-03", "2026-04-04")] // Good Friday → Saturday
    [InlineData("2026-04-06", "2026-04-07")]
    [InlineData("2026-04-25", "2026-04-28")] // Saturday; Sunday closed; Monday 27 substitute
    [InlineData("2026-04-27", "2026-04-28")]
    [InlineData("2026-12-25", "2026-12-29")] // Fri; Sat 26 Boxing Day; Sun; Mon 28 substitute
    [InlineData("2026-12-26", "2026-12-29")]
    [InlineData("2026-12-28", "2026-12-29")]
    [InlineData("2027-01-01", "2027-01-02")] // Friday → Saturday
    [InlineData("2027-01-26", "2027-01-27")]
    [InlineData("2027-03-26", "2027-03-27")] // Good Friday → Saturday
    [InlineData("2027-03-29", "2027-03-30")]
    [InlineData("2027-04-26", "2027-04-27")]
    [InlineData("2027-12-25", "2027-12-29")] // Sat; Sun; Mon 27 and Tue 28 substitutes
    [InlineData("2027-12-27", "2027-12-29")]
    [InlineData("2027-12-28", "2027-12-29")]
    public void AU_HOL_01_a_holiday_is_refused_until_the_next_calling_day(string holiday, string next)
    {
        var decision = Evaluate(Au, Request(), S(holiday + " 11:00"));
        AssertRefusedBy(decision, "AU-HOL-01");
        Assert.Equal(S(next + " 09:00"), decision.NextPermittedAt);
    }

    [Theory]
    [InlineData("2027-04-25")]
    [InlineData("2027-12-26")]
    public void AU_HOL_01_AU_HOURS_01_a_Sunday_holiday_is_refused_by_the_holiday_rule_too(string holiday)
        => Assert.False(RuleAllows(AustraliaRules.Holidays, Request(), S(holiday + " 11:00")));

    // Consent to calls at other times granted 5 January 2026 00:00Z, no period stated: lapses
    // 3 months later, 5 April 2026 00:00Z. Sydney's summer time ends at 03:00 on 5 April, so
    // 4 April 23:59Z is Sunday 5 April 09:59 AEST and 5 April 00:00Z is 10:00 AEST.
    [Fact]
    public void AU_HOURS_01_consent_to_other_times_lapses_after_3_months_when_no_period_is_stated()
    {
        var consent = new ConsentRecord(Utc("2026-01-05T00:00:00Z")) { OutsideHours = true, Entity = Acme };
        AssertAllowed(Evaluate(Au, Request(consents: consent), Utc("2026-04-04T23:59:00Z")));
        AssertRefusedBy(Evaluate(Au, Request(consents: consent), Utc("2026-04-05T00:00:00Z")), "AU-HOURS-01");

        var withPeriod = new ConsentRecord(Utc("2026-01-05T00:00:00Z")) { OutsideHours = true, Entity = Acme, ExpiresAt = Utc("2027-01-05T00:00:00Z") };
        AssertAllowed(Evaluate(Au, Request(consents: withPeriod), Utc("2026-04-05T00:00:00Z")));
    }

    // AU-LIST-01: a registration the caller knows of is honoured at once. Registered
    // 2 March 2026 00:00Z = Monday 11:00 AEDT.
    private static readonly ImmutableArray<OptOut> OnRegister = ImmutableArray.Create(Registered(ContactRegistry.Dncr, Utc("2026-03-02T00:00:00Z")));

    [Fact]
    public void AU_LIST_01_a_registered_number_needs_consent()
    {
        AssertRefusedForGoodFrom(Au, Request(OnRegister), Utc("2026-03-02T00:00:00Z"), "AU-LIST-01");
    }

    // Consent granted 1 February 2026 00:00Z, no period: good until 1 May 2026 00:00Z
    // (Friday 1 May 10:00 AEST).
    [Fact]
    public void AU_LIST_01_consent_to_calls_lapses_after_3_months_when_no_period_is_stated()
    {
        var consent = ConsentTo(Utc("2026-02-01T00:00:00Z"));
        AssertAllowed(Evaluate(Au, Request(OnRegister, consents: consent), Utc("2026-04-30T23:59:00Z")));
        AssertRefusedBy(Evaluate(Au, Request(OnRegister, consents: consent), Utc("2026-05-01T00:00:00Z")), "AU-LIST-01");
    }

    [Fact]
    public void AU_LIST_01_a_wash_older_than_30_days_refuses_every_call()
    {
        // Washed 1 March 00:00Z; 31 March 00:00Z is Tuesday 11:00 AEDT.
        var snapshot = Utc("2026-03-01T00:00:00Z");
        AssertAllowed(Evaluate(Au, Request(snapshot: snapshot), Utc("2026-03-31T00:00:00Z")));
        AssertRefusedBy(Evaluate(Au, Request(snapshot: snapshot), Utc("2026-03-31T00:01:00Z")), "AU-LIST-01");
    }

    [Fact]
    public void AU_LIST_01_register_applies_from_31_May_2007()
    {
        // Wednesday 30 and Thursday 31 May 2007 at 11:00 AEST = 01:00Z.
        var optOuts = ImmutableArray.Create(Registered(ContactRegistry.Dncr, Utc("2007-05-01T00:00:00Z")));
        AssertAllowed(Evaluate(Au, Request(optOuts), Utc("2007-05-30T01:00:00Z")));
        AssertRefusedBy(Evaluate(Au, Request(optOuts), Utc("2007-05-31T01:00:00Z")), "AU-LIST-01");
    }
}
