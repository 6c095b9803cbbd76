namespace ContactRules;

/// <summary>
/// What kind of "do not contact me" an <see cref="OptOut"/> records.
/// </summary>
public enum OptOutKind
{
    /// <summary>The person asked this company not to contact them (internal do-not-call list, STOP). Takes effect at once.</summary>
    Company = 0,

    /// <summary>The number is on a national opposition register (Bloctel, US National DNC, TPS, ...).</summary>
    Registry = 1,

    /// <summary>The person objected to direct marketing under GDPR Art. 21: every marketing purpose on every channel stops.</summary>
    Objection = 2,
}
