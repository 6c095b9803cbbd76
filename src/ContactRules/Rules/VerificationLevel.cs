namespace ContactRules.Rules;

/// <summary>
/// How sure the source of a rule is, in the levels of the rules catalogue (docs/regulations.md,
/// "Legend"). Where a rule rests on several sources of different strength, its level is the
/// weakest of them and <see cref="RuleMetadata.VerificationNote"/> says which part rests on what.
/// </summary>
public enum VerificationLevel
{
    /// <summary>The rule's metadata does not say.</summary>
    NotStated = 0,

    /// <summary>[V1] Verified against the legal text itself (official site or a faithful reproduction).</summary>
    OfficialText = 1,

    /// <summary>
    /// [F-quoted] The official text, quoted verbatim with its official reference in a public
    /// compliance file, not seen first-hand: strong, to be re-checked against the official text.
    /// </summary>
    QuotedOfficialText = 2,

    /// <summary>[V2] Verified in an authoritative secondary source (regulator guidance, law-firm alert, reputable press).</summary>
    SecondarySource = 3,

    /// <summary>
    /// [R] Recalled or inferred, not confirmed in a source: ContactRules encodes the reading that
    /// protects the called person, and the rule says so.
    /// </summary>
    Unconfirmed = 4,

    /// <summary>[I] ContactRules' interpretation of an ambiguous rule, not a statement of law.</summary>
    Interpretation = 5,
}
