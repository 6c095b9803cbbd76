using System.Linq;
using ContactRules.Auditing;
using ContactRules.Jurisdictions;
using Xunit;

namespace ContactRules.Tests.Auditing;

public class CallLogAuditorTests
{
    [Fact]
    public void Each_call_is_judged_against_the_earlier_calls_to_the_same_person()
    {
        // The story: a dialer calls one customer several times a day. Worked out from D223-9:
        // Mon 2 March 10:30 ok (1st), 15:00 ok (2nd), 19:30 ok (3rd), Tue 3 March 10:30 ok (4th),
        // 12:00 is the 5th in 30 days (FR-FREQ-01), 20:30 is also after hours (FR-HOURS-01 + FR-FREQ-01).
        var auditor = new CallLogAuditor(FranceRules.Pack);
        var customer = Person(Paris);
        var log = new[] { "2026-03-02 10:30", "2026-03-02 15:00", "2026-03-02 19:30", "2026-03-03 10:30", "2026-03-03 12:00", "2026-03-03 20:30" }
            .Select(t => new LoggedCall(Call(customer), ParisTime(t), AttemptOutcome.Abandoned));

        var audited = auditor.AuditAll(log).ToArray();

        Assert.Equal(new[] { false, false, false, false, true, true }, audited.Select(a => a.IsViolation));
        Assert.Equal(new[] { "FR-FREQ-01" }, audited[4].Decision.Violations.Select(v => v.RuleId));
        Assert.Equal(new[] { "FR-HOURS-01", "FR-FREQ-01" }, audited[5].Decision.Violations.Select(v => v.RuleId));
    }

    [Fact]
    public void A_refusal_in_the_log_makes_every_later_call_within_60_days_a_violation()
    {
        var auditor = new CallLogAuditor(FranceRules.Pack);
        var customer = Person(Paris);
        auditor.Audit(new LoggedCall(Call(customer), ParisTime("2026-03-02 10:30"), AttemptOutcome.Refused));
        var next = auditor.Audit(new LoggedCall(Call(customer), ParisTime("2026-03-04 10:30"), AttemptOutcome.NoAnswer));
        Assert.Equal("FR-COOL-01", Assert.Single(next.Decision.Violations).RuleId);
    }

    [Fact]
    public void Calls_to_different_people_do_not_count_together_and_late_entries_are_placed_in_order()
    {
        var auditor = new CallLogAuditor(FranceRules.Pack);
        var alice = new Contact("alice") { TimeZones = Person(Paris).TimeZones };
        var bob = new Contact("bob") { TimeZones = Person(Paris).TimeZones };
        foreach (var day in new[] { "2026-03-02", "2026-03-03", "2026-03-04" })
        {
            Assert.False(auditor.Audit(new LoggedCall(Call(alice), ParisTime(day + " 11:00"), AttemptOutcome.NoAnswer)).IsViolation);
        }

        // Bob's calls are his own: three before, and his fourth, are fine.
        foreach (var day in new[] { "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05" })
        {
            Assert.False(auditor.Audit(new LoggedCall(Call(bob), ParisTime(day + " 11:30"), AttemptOutcome.NoAnswer)).IsViolation);
        }

        // A late entry for Alice (Sunday 1 March: out of hours) still lands in her history, so her
        // call on 5 March is the fifth in 30 days (1, 2, 3, 4 March before it).
        Assert.True(auditor.Audit(new LoggedCall(Call(alice), ParisTime("2026-03-01 11:00"), AttemptOutcome.NoAnswer)).IsViolation);
        var fifth = auditor.Audit(new LoggedCall(Call(alice), ParisTime("2026-03-05 11:00"), AttemptOutcome.NoAnswer));
        Assert.Equal("FR-FREQ-01", Assert.Single(fifth.Decision.Violations).RuleId);
    }
}
