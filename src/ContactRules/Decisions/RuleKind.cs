namespace ContactRules;

/// <summary>
/// The kind of a rule, as reported in a violation. The names match the <c>kind</c> values of the
/// evaluate contract (<c>calling-window</c>, <c>holiday</c>, ...).
/// </summary>
public enum RuleKind
{
    /// <summary>Allowed days and local hours.</summary>
    CallingWindow = 0,

    /// <summary>Excluded local dates (public holidays, declared emergencies).</summary>
    Holiday = 1,

    /// <summary>A cap on the number of attempts in a window of time.</summary>
    Frequency = 2,

    /// <summary>A blocked span after an outcome (refusal, abandoned call, conversation).</summary>
    Cooldown = 3,

    /// <summary>Consent required.</summary>
    Consent = 4,

    /// <summary>A company opt-out (internal do-not-call list, STOP).</summary>
    OptOut = 5,

    /// <summary>A national opposition register.</summary>
    Registry = 6,

    /// <summary>A GDPR Art. 21 objection to direct marketing.</summary>
    Objection = 7,

    /// <summary>The called person's time zone is unknown (engine rule <c>CORE-ZONE-01</c>).</summary>
    Zone = 8,

    /// <summary>The history or consent store could not be read or written (engine rule <c>CORE-STORE-01</c>).</summary>
    Store = 9,
}
