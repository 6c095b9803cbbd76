using NodaTime;

namespace ContactRules.Testing;

/// <summary>The time zones the tests call people in, from the IANA database NodaTime ships.</summary>
public static class Zones
{
    /// <summary>Europe/Paris: metropolitan France.</summary>
    public static readonly DateTimeZone Paris = Zone("Europe/Paris");

    /// <summary>Europe/London.</summary>
    public static readonly DateTimeZone London = Zone("Europe/London");

    /// <summary>Europe/Berlin.</summary>
    public static readonly DateTimeZone Berlin = Zone("Europe/Berlin");

    /// <summary>Europe/Rome: the Italian law and the Italian telemarketing code.</summary>
    public static readonly DateTimeZone Rome = Zone("Europe/Rome");

    /// <summary>America/New_York: Eastern time.</summary>
    public static readonly DateTimeZone NewYork = Zone("America/New_York");

    /// <summary>America/Chicago: Central time.</summary>
    public static readonly DateTimeZone Chicago = Zone("America/Chicago");

    /// <summary>America/Los_Angeles: Pacific time.</summary>
    public static readonly DateTimeZone LosAngeles = Zone("America/Los_Angeles");

    /// <summary>Indian/Reunion: a French overseas department, UTC+4 all year.</summary>
    public static readonly DateTimeZone Reunion = Zone("Indian/Reunion");

    /// <summary>America/Martinique: a French overseas department, UTC-4 all year.</summary>
    public static readonly DateTimeZone Martinique = Zone("America/Martinique");

    /// <summary>The zone with this IANA id ("Australia/Sydney"); throws for an unknown id.</summary>
    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];
}
