using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers;

/// <summary>The descriptors of every ContactRules diagnostic, with stable help links.</summary>
internal static class Descriptors
{
    /// <summary>
    /// Where the repository's files are published: the only absolute address in the analyzers.
    /// A placeholder until the project's public home is decided; everything else (the rule pages'
    /// path, the release-tracking links, which are relative) follows from the repository layout.
    /// </summary>
    internal const string RepositoryBase = "https://github.com/contactrules/contactrules/blob/main/";

    /// <summary>The rule pages, relative to the repository root: <c>docs/rules/CR0001.md</c>.</summary>
    internal const string RulesPath = "docs/rules/";

    public static readonly DiagnosticDescriptor CR0001DialWithoutConsent = Create(
        DiagnosticIds.DialWithoutConsent,
        title: "Contact made without a successful consent check",
        messageFormat: "'{0}' contacts {1} where no successful consent check for that contact holds on every path{2}",
        category: Categories.Consent,
        description: "Every call or message must be preceded, on every path, by a successful ContactRules check (ContactDecision.IsAllowed, a [ConsentCheck] member, or a ContactPermit) for the same person. Telemarketing and debt-collection law (France L223-1/L223-2, US TCPA 47 U.S.C. 227) makes each unconsented contact an offence.");

    public static readonly DiagnosticDescriptor CR0002ConsentDecisionIgnored = Create(
        DiagnosticIds.ConsentDecisionIgnored,
        title: "Consent decision is not used to decide",
        messageFormat: "The consent decision from '{0}' {1}",
        category: Categories.Consent,
        description: "A ContactDecision (or a consent check's bool) that is discarded, never read, or read only after the contact was made protects nobody: branch on it before dialing.");

    public static readonly DiagnosticDescriptor CR0003ConsentForOtherContact = Create(
        DiagnosticIds.ConsentForOtherContact,
        title: "Consent was checked for another contact",
        messageFormat: "'{0}' contacts {1}, but the successful consent check that holds here is for {2}",
        category: Categories.Consent,
        description: "Consent is personal: a successful check for one person does not allow contacting another.");

    public static readonly DiagnosticDescriptor CR0004CallingHoursOnServerClock = Create(
        DiagnosticIds.CallingHoursOnServerClock,
        title: "Calling hours computed on the server's clock",
        messageFormat: "'{0}' compares the server's clock with calling hours; calling hours are the called person's local time: use a CallingWindow through ContactGate.Check",
        category: Categories.CallingHours,
        description: "Calling-window law (France D223-9 art. 1, US TCPA 47 CFR 64.1200(c)(1)) speaks of the called person's local time. The server clock (the static Now and UtcNow of DateTime and DateTimeOffset, TimeProvider.GetLocalNow) is the server's time zone or UTC, wrong for anyone in another zone and around DST changes, whether compared with a constant or with configured hours.");

    public static readonly DiagnosticDescriptor CR0005PermitNotCompleted = Create(
        DiagnosticIds.PermitNotCompleted,
        title: "Contact permit is not completed on every path",
        messageFormat: "The permit obtained by '{0}' is not completed with an outcome on some path {1}",
        category: Categories.History,
        description: "A ContactPermit (from TryReserve, or the Permit of TryReserveAsync's reservation) counts as a reserved attempt until Complete(outcome) or CompleteAsync(outcome) records how the contact ended; a permit never completed counts forever and hides refusals and no-answers from the frequency and cooldown rules.");

    public static readonly DiagnosticDescriptor CR0006ConsentForOtherChannel = Create(
        DiagnosticIds.ConsentForOtherChannel,
        title: "Consent was checked for another channel",
        messageFormat: "'{0}' contacts {1} by {2}, but the successful consent check that holds here is for a {3}",
        category: Categories.Consent,
        description: "Consent, opt-outs and calling rules differ by channel: a decision for a call does not allow a text message, and one for a text message does not allow a call (France L34-5 CPCE for automated calls and messages; US TCPA 47 CFR 64.1200 for calls and texts). Check with the ContactRequest's channel of the contact you make.");

    public static readonly DiagnosticDescriptor CR0007RequestedContact = Create(
        DiagnosticIds.RequestedContact,
        title: "Contact exempted as requested by the person",
        messageFormat: "'{0}' contacts {1} without a consent check, exempted as {2}: {3}",
        category: Categories.Consent,
        description: "A contact inside a [RequestedContact] method (a one-time password, an appointment confirmation, a requested call-back) needs no marketing consent. Each one is listed so that a reviewer sees every exempted contact and its reason; it must never carry marketing. A warning, because Info diagnostics never reach the command-line build output; list CR0007 in WarningsNotAsErrors to keep it visible without failing a build that treats warnings as errors.");

    public static readonly DiagnosticDescriptor CR1001MalformedDialApiLine = Create(
        DiagnosticIds.MalformedDialApiLine,
        title: "Malformed line in ContactRules.DialApis.txt",
        messageFormat: "Line '{0}' is not a documentation-comment id: {1}",
        category: Categories.Configuration,
        description: "Each line of ContactRules.DialApis.txt is a documentation-comment id of a method ('M:Namespace.Type.Method(System.String)', or without parameter list for every overload) or of a type ('T:Namespace.Type', every method), optionally followed by ';' and a message; '//' starts a comment.");

    public static readonly DiagnosticDescriptor CR1002UnresolvedDialApiLine = Create(
        DiagnosticIds.UnresolvedDialApiLine,
        title: "Line of ContactRules.DialApis.txt names no symbol",
        messageFormat: "'{0}' names no method or type in this compilation",
        category: Categories.Configuration,
        description: "A dial API that cannot be found is not checked: correct the id, or remove the line.");

    public static readonly DiagnosticDescriptor CR1003InvalidRequestedContact = Create(
        DiagnosticIds.InvalidRequestedContact,
        title: "Requested-contact exemption refused",
        messageFormat: "The [RequestedContact] declaration of '{0}' exempts nothing: {1}",
        category: Categories.Configuration,
        description: "An exemption must say why the contact is the person's own request, must not build a marketing request, and cannot sit on a dial API (its callers would contact unchecked). A refused exemption leaves every contact of the method checked as usual.");

    /// <summary>The help page of rule <paramref name="id"/>.</summary>
    internal static string HelpLink(string id) => RepositoryBase + RulesPath + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, string description, DiagnosticSeverity severity = DiagnosticSeverity.Warning, params string[] customTags)
        => new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: customTags);

    private static class Categories
    {
        public const string Consent = "ContactRules.Consent";
        public const string CallingHours = "ContactRules.CallingHours";
        public const string History = "ContactRules.History";
        public const string Configuration = "ContactRules.Configuration";
    }
}
