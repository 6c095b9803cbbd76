using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Testing;

/// <summary>
/// The person the tests call, always contact "c-1". Which number they have matters to the rules
/// (reassigned-number checks, number-based zones, hashed ledger keys), so each kind of person
/// has a name of its own rather than one builder with a default that drifts.
/// </summary>
public static class People
{
    /// <summary>The French mobile number of the person in the core and storage tests.</summary>
    public const string FrenchMobile = "+33612345678";

    /// <summary>The New York number of the person in the United States tests.</summary>
    public const string NewYorkNumber = "+12125550123";

    /// <summary>The person on the French mobile <see cref="FrenchMobile"/>, in the zones given.</summary>
    public static Contact Person(params DateTimeZone[] zones)
        => new Contact("c-1") { PhoneNumber = FrenchMobile, TimeZones = zones.ToImmutableArray() };

    /// <summary>The person on the New York number <see cref="NewYorkNumber"/>, in the zones given.</summary>
    public static Contact AmericanPerson(params DateTimeZone[] zones)
        => new Contact("c-1") { PhoneNumber = NewYorkNumber, TimeZones = zones.ToImmutableArray() };

    /// <summary>
    /// The person known only by their zone and, where a pack reads one, their region (a state or
    /// province code): no number, so that no number-based rule or zone enters the decision.
    /// </summary>
    public static Contact PersonIn(DateTimeZone zone, string? region = null)
        => new Contact("c-1") { TimeZones = ImmutableArray.Create(zone), Region = region };
}
