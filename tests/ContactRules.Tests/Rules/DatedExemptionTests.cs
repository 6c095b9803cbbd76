using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Tests.Rules;

/// <summary>
/// Exemptions with dates (RuleExemption.InForce) hold only where every candidate zone is inside
/// their dates: the stricter reading of "a date of entry into force is a date in the called
/// person's local calendar" for something that lifts a rule. And R223-4's five working days.
/// </summary>
public class DatedExemptionTests
{
    // A ban on every SMS, lifted by an exemption provided until 1 July 2025 (local dates).
    private static readonly ContactPolicy BanLiftedUntil1July = new ContactPolicy("t", new ContactRule[]
    {
        new SubjectBan(
            new RuleMetadata("TEST-BAN", "test")
            {
                Exemptions = ImmutableArray.Create<RuleExemption>(new ChannelExemption(ContactChannel.Sms, "messages before 2 July") { InForce = new InForcePeriod(null, new LocalDate(2025, 7, 1)) }),
            },
            new[] { "energy-renovation" }),
    });

    private static ContactRequest Sms(params DateTimeZone[] zones)
        => new ContactRequest(new Contact("c-1") { TimeZones = zones.ToImmutableArray() }, ContactChannel.Sms) { Subject = "energy-renovation" };

    // Paris (UTC+2 in July) and Réunion (UTC+4): at 1 July 2025 21:00Z it is 23:00 on 1 July in
    // Paris but 01:00 on 2 July in Réunion, so the exemption no longer holds everywhere; at 19:59Z
    // (21:59 and 23:59 on 1 July) it still does.
    [Fact]
    public void A_dated_exemption_holds_only_while_every_zone_is_within_its_dates()
    {
        var both = Sms(Paris, Reunion);
        Assert.True(BanLiftedUntil1July.Evaluate(both, Utc("2025-07-01T19:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(BanLiftedUntil1July.Evaluate(both, Utc("2025-07-01T20:00:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.True(BanLiftedUntil1July.Evaluate(Sms(Paris), Utc("2025-07-01T21:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(BanLiftedUntil1July.Evaluate(Sms(Paris), Utc("2025-07-01T22:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    // With no zone, wherever a clock could be (offsets reach ±18 hours, as InForcePeriod reads
    // them): from 1 July 2025 06:00Z a clock at UTC+18 reads 2 July.
    [Fact]
    public void Without_a_zone_a_dated_exemption_holds_only_where_every_place_on_Earth_is_within_its_dates()
    {
        Assert.True(BanLiftedUntil1July.Evaluate(Sms(), Utc("2025-07-01T05:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(BanLiftedUntil1July.Evaluate(Sms(), Utc("2025-07-01T06:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    // R223-4: five working days after the request, Monday to Friday except L3133-1 holidays.
    [Theory]
    [InlineData("2026-09-07", "2026-09-14")] // Mon → the following Mon
    [InlineData("2026-09-11", "2026-09-18")] // Fri → the following Fri
    [InlineData("2026-09-12", "2026-09-18")] // a Saturday request: Mon 14 … Fri 18
    [InlineData("2026-11-10", "2026-11-18")] // 11 Nov (Wed) is a holiday
    [InlineData("2026-12-21", "2026-12-29")] // 25 Dec (Fri): 22, 23, 24, 28, 29
    [InlineData("2027-05-04", "2027-05-12")] // Ascension 6 May (Thu): 5, 7, 10, 11, 12
    public void FR_SECT_01_R223_4_the_fifth_working_day_after_the_request(string inquiry, string lastDay)
    {
        var exemption = (InquiryResponseExemption)FranceRules.AnswerToOwnRequest;
        Assert.Equal(LocalDateOf(lastDay), exemption.LastDay(LocalDateOf(inquiry)));
    }

    private static LocalDate LocalDateOf(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
