namespace ContactRules.Rules;

/// <summary>
/// Why a consent that the person's own record still shows as held no longer counts under a
/// rule's <see cref="ConsentReading"/>.
/// </summary>
public enum ConsentEnding
{
    /// <summary>The consent still counts, or ended by its own terms (expiry, revocation, its slot).</summary>
    None = 0,

    /// <summary>A company opt-out (STOP) or an objection made after the grant ended it.</summary>
    OptOut = 1,

    /// <summary>The law's longest term for a consent ran out (France: 365 days from the grant, R223-1).</summary>
    TermLimit = 2,

    /// <summary>The person refused a call after the grant, which withdraws the consent orally (France: R223-3).</summary>
    WithdrawnInCall = 3,
}
