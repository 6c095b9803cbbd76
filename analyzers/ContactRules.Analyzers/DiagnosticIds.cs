namespace ContactRules.Analyzers;

/// <summary>
/// The ids of every ContactRules diagnostic: 0xxx for the dial/consent flow, 1xxx for
/// configuration errors. Ids never change meaning once shipped.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>A dial with no successful consent check for that contact on every path.</summary>
    public const string DialWithoutConsent = "CR0001";

    /// <summary>A consent decision computed and never used to decide anything.</summary>
    public const string ConsentDecisionIgnored = "CR0002";

    /// <summary>The successful consent check is for another contact than the one dialed.</summary>
    public const string ConsentForOtherContact = "CR0003";

    /// <summary>Calling-hours logic on the server's clock instead of the called person's local time.</summary>
    public const string CallingHoursOnServerClock = "CR0004";

    /// <summary>A permit obtained and not completed with an outcome on some path.</summary>
    public const string PermitNotCompleted = "CR0005";

    /// <summary>The successful consent check that holds is for another channel (a call checked, a text sent).</summary>
    public const string ConsentForOtherChannel = "CR0006";

    /// <summary>A contact exempted from the consent check as asked for by the person: listed for review.</summary>
    public const string RequestedContact = "CR0007";

    /// <summary>A malformed line in a <c>ContactRules.DialApis.txt</c> file.</summary>
    public const string MalformedDialApiLine = "CR1001";

    /// <summary>A line of a <c>ContactRules.DialApis.txt</c> file that names no symbol.</summary>
    public const string UnresolvedDialApiLine = "CR1002";

    /// <summary>A <c>[RequestedContact]</c> declaration that cannot exempt anything.</summary>
    public const string InvalidRequestedContact = "CR1003";
}
