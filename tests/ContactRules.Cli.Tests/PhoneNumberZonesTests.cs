using System.Collections.Immutable;
using System.Linq;
using ContactRules.Cli.Zones;
using NodaTime;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// Zones "derived from the number" when <c>contact.timeZones</c> is absent: none until a
/// phone-number adapter is plugged in (fail closed, <c>CORE-ZONE-01</c>), and the adapter's zones
/// once it is.
/// </summary>
public class PhoneNumberZonesTests
{
    // Tue 10 March 2026 10:30 in Paris (09:30 UTC): allowed in Paris; 20:00 would be refused.
    private const string Case = @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""phone"":""+33612345678""}}" + "\n";

    [Fact]
    public void Without_an_adapter_a_number_alone_gives_no_zone_and_a_CORE_ZONE_01_refusal()
    {
        var run = CliRun.Evaluate(Case);

        Assert.StartsWith(@"{""id"":""c1"",""allowed"":false,""violations"":[{""rule"":""CORE-ZONE-01"",""kind"":""zone""", run.Single);
    }

    [Fact]
    public void An_adapter_s_zones_are_used_when_the_case_gives_none()
    {
        var adapter = new FixedZones(Paris);

        var run = CliRun.Evaluate(Case, adapter);

        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", run.Single);
        Assert.Equal("+33612345678", adapter.Asked);
    }

    [Fact]
    public void The_tool_derives_zones_with_the_phone_number_adapter()
    {
        // A French mobile number is in mainland France's zone: Tuesday 10:30 in Paris is allowed,
        // and 19:00 UTC (20:00 in Paris) is refused until Wednesday 10:00 in Paris (09:00 UTC).
        Assert.Equal(new[] { "Europe/Paris" }, PhoneNumberZones.Instance.CandidateZones("+33612345678").Select(z => z.Id));
        Assert.Empty(PhoneNumberZones.Instance.CandidateZones("+999"));

        var output = new System.IO.StringWriter();
        var evening = Case.Replace("2026-03-10T09:30:00Z", "2026-03-10T19:00:00Z", System.StringComparison.Ordinal);
        var exit = Program.Run(new[] { "evaluate" }, new System.IO.StringReader(Case + evening), output, new System.IO.StringWriter());
        var lines = output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", lines[0]);
        Assert.StartsWith(@"{""id"":""c1"",""allowed"":false,""violations"":[{""rule"":""FR-HOURS-01""", lines[1], System.StringComparison.Ordinal);
        Assert.EndsWith(@"""nextPermittedAt"":""2026-03-11T09:00:00Z""}", lines[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Zones_given_in_the_case_win_over_the_number()
    {
        // Réunion is UTC+4: 09:30 UTC is 13:30 there, in the lunch gap; the adapter is not asked.
        var adapter = new FixedZones(Paris);

        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""phone"":""+33612345678"",""timeZones"":[""Indian/Reunion""]}}" + "\n",
            adapter);

        Assert.StartsWith(@"{""id"":""c1"",""allowed"":false,""violations"":[{""rule"":""FR-HOURS-01""", run.Single);
        Assert.Null(adapter.Asked);
    }

    private sealed class FixedZones : IPhoneNumberZones
    {
        private readonly DateTimeZone zone;

        internal FixedZones(DateTimeZone zone) => this.zone = zone;

        internal string? Asked { get; private set; }

        public ImmutableArray<DateTimeZone> CandidateZones(string phoneNumber)
        {
            Asked = phoneNumber;
            return ImmutableArray.Create(zone);
        }
    }
}
