using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// FR-HOL-02, overseas departments: the day commemorating the abolition of slavery (loi
/// n° 83-550; décret n° 83-1003; regulations.md 11.1): Guadeloupe 27 May, Martinique 22 May,
/// Guyane 10 June, La Réunion 20 December, Mayotte 27 April; none in Saint-Pierre-et-Miquelon.
/// Placed by region (FR-971 … FR-976) or by candidate zone, each zone on its own local date
/// (docs/conventions.md). None of these zones observes daylight saving time.
/// </summary>
public class FranceOverseasHolidaysTests
{
    private static readonly ContactPolicy Fr = FranceRules.Pack;

    private static ContactRequest Request(string zone, string? region, Instant call)
        => Call(new Contact("c-1") { TimeZones = ImmutableArray.Create(Zone(zone)), Region = region }, ConsentTo(call - Duration.FromDays(30)));

    // Every department, 2026–2028: the rule alone refuses from 00:00 to 23:59 local on the day and
    // allows the days either side, whether the region, the zone, or both place the person there.
    [Theory]
    [InlineData("FR-971", "America/Guadeloupe", "2026-05-27")]
    [InlineData("FR-971", "America/Guadeloupe", "2027-05-27")]
    [InlineData("FR-971", "America/Guadeloupe", "2028-05-27")]
    [InlineData("FR-972", "America/Martinique", "2026-05-22")]
    [InlineData("FR-972", "America/Martinique", "2027-05-22")]
    [InlineData("FR-972", "America/Martinique", "2028-05-22")]
    [InlineData("FR-973", "America/Cayenne", "2026-06-10")]
    [InlineData("FR-973", "America/Cayenne", "2027-06-10")]
    [InlineData("FR-973", "America/Cayenne", "2028-06-10")]
    [InlineData("FR-974", "Indian/Reunion", "2026-12-20")]
    [InlineData("FR-974", "Indian/Reunion", "2027-12-20")]
    [InlineData("FR-974", "Indian/Reunion", "2028-12-20")]
    [InlineData("FR-976", "Indian/Mayotte", "2026-04-27")]
    [InlineData("FR-976", "Indian/Mayotte", "2027-04-27")]
    [InlineData("FR-976", "Indian/Mayotte", "2028-04-27")]
    public void FR_HOL_02_the_abolition_day_of_each_department_2026_to_2028(string region, string zoneId, string day)
    {
        var zone = Zone(zoneId);
        var start = Local(day + " 00:00", zone);
        foreach (var (r, z) in new[] { (region, zoneId), (null, zoneId), (region, "Europe/Paris") })
        {
            var tz = Zone(z);
            var request = Call(new Contact("c-1") { TimeZones = ImmutableArray.Create(tz), Region = r });
            var dayStart = Local(day + " 00:00", tz);
            Assert.False(RuleAllows(FranceRules.LocalHolidays, request, dayStart), $"{r} {z} {day} 00:00");
            Assert.False(RuleAllows(FranceRules.LocalHolidays, request, dayStart + Duration.FromMinutes((24 * 60) - 1)), $"{r} {z} {day} 23:59");
            Assert.True(RuleAllows(FranceRules.LocalHolidays, request, dayStart - Duration.FromMinutes(1)), $"{r} {z} the day before");
            Assert.True(RuleAllows(FranceRules.LocalHolidays, request, dayStart + Duration.FromDays(1)), $"{r} {z} the day after");
        }

        // Neither the region nor the zone of mainland France places the person there.
        Assert.True(RuleAllows(FranceRules.LocalHolidays, Call(PersonIn(Paris, "FR-75")), Local(day + " 12:00", Paris)));
        Assert.True(RuleAllows(FranceRules.LocalHolidays, Call(PersonIn(zone)), start - Duration.FromDays(1)));
    }

    // The weekday ones through the whole pack at 11:00 local, with a consent of 30 days before
    // (needed from 11 August 2026): FR-HOL-02 alone refuses, until 10:00 on the next working day
    // that is not a holiday. Whit Monday 2026 is 25 May, so Martinique's Friday 22 May 2026 is
    // followed by Tuesday 26 May.
    [Theory]
    [InlineData("FR-971", "America/Guadeloupe", "2026-05-27", "2026-05-28")]
    [InlineData("FR-971", "America/Guadeloupe", "2027-05-27", "2027-05-28")]
    [InlineData("FR-972", "America/Martinique", "2026-05-22", "2026-05-26")]
    [InlineData("FR-972", "America/Martinique", "2028-05-22", "2028-05-23")]
    [InlineData("FR-973", "America/Cayenne", "2026-06-10", "2026-06-11")]
    [InlineData("FR-973", "America/Cayenne", "2027-06-10", "2027-06-11")]
    [InlineData("FR-974", "Indian/Reunion", "2027-12-20", "2027-12-21")]
    [InlineData("FR-974", "Indian/Reunion", "2028-12-20", "2028-12-21")]
    [InlineData("FR-976", "Indian/Mayotte", "2026-04-27", "2026-04-28")]
    [InlineData("FR-976", "Indian/Mayotte", "2027-04-27", "2027-04-28")]
    [InlineData("FR-976", "Indian/Mayotte", "2028-04-27", "2028-04-28")]
    public void FR_HOL_02_a_weekday_abolition_day_is_refused_until_the_next_working_day(string region, string zoneId, string day, string next)
    {
        var zone = Zone(zoneId);
        var at = Local(day + " 11:00", zone);
        var decision = Evaluate(Fr, Request(zoneId, region, at), at);
        AssertRefusedBy(decision, "FR-HOL-02");
        Assert.Equal(Local(next + " 10:00", zone), decision.NextPermittedAt);
    }

    // Saint-Pierre-et-Miquelon (FR-975, America/Miquelon) has no abolition day: each of the other
    // departments' weekday dates of 2027 is an ordinary working day there.
    [Theory]
    [InlineData("2027-05-27")]
    [InlineData("2027-06-10")]
    [InlineData("2027-12-20")]
    [InlineData("2027-04-27")]
    public void FR_HOL_02_Saint_Pierre_and_Miquelon_has_none(string day)
    {
        var at = Local(day + " 11:00", Zone("America/Miquelon"));
        AssertAllowed(Evaluate(Fr, Request("America/Miquelon", "FR-975", at), at));
    }

    // A person who may be in Paris or in Réunion, with no region: Réunion's day is judged on
    // Réunion's date only. 2027-12-19T20:30Z is 21:30 on 19 December in Paris and 00:30 on
    // 20 December in Réunion: refused. 2027-12-20T21:00Z is 22:00 on 20 December in Paris but
    // 01:00 on 21 December in Réunion: the holiday is over where it is one.
    [Fact]
    public void FR_HOL_02_with_several_candidate_zones_each_zone_is_judged_on_its_own_date()
    {
        var person = Call(new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris, Zone("Indian/Reunion")) });
        Assert.False(RuleAllows(FranceRules.LocalHolidays, person, Utc("2027-12-19T20:30:00Z")));
        Assert.True(RuleAllows(FranceRules.LocalHolidays, person, Utc("2027-12-20T21:00:00Z")));

        // Placed by region, the day is read on every candidate zone's date: 22:00 in Paris on
        // 20 December is refused too.
        var resident = Call(new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris, Zone("Indian/Reunion")), Region = "FR-974" });
        Assert.False(RuleAllows(FranceRules.LocalHolidays, resident, Utc("2027-12-20T21:00:00Z")));
    }

    [Fact]
    public void FR_HOL_02_the_calendars_hold_one_date_a_year()
    {
        Assert.Equal(new[] { Date("2027-05-27") }, System.Linq.Enumerable.Select(FrenchHolidays.GuadeloupeAbolition.DatesOf(2027), h => h.Date));
        Assert.Equal(new[] { Date("2027-05-22") }, System.Linq.Enumerable.Select(FrenchHolidays.MartiniqueAbolition.DatesOf(2027), h => h.Date));
        Assert.Equal(new[] { Date("2027-06-10") }, System.Linq.Enumerable.Select(FrenchHolidays.GuyaneAbolition.DatesOf(2027), h => h.Date));
        Assert.Equal(new[] { Date("2027-12-20") }, System.Linq.Enumerable.Select(FrenchHolidays.ReunionAbolition.DatesOf(2027), h => h.Date));
        Assert.Equal(new[] { Date("2027-04-27") }, System.Linq.Enumerable.Select(FrenchHolidays.MayotteAbolition.DatesOf(2027), h => h.Date));
    }
}
