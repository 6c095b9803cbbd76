namespace ContactRules.Storage;

/// <summary>The kinds of evidence log entries ContactRules writes.</summary>
public static class EvidenceKinds
{
    /// <summary>A decision taken by <see cref="ContactGate.TryReserve(ContactRequest, out ContactPermit?, out ContactDecision)"/>, allowed or refused, with the consents it relied on.</summary>
    public const string Decision = "decision";

    /// <summary>A consent recorded with its proof.</summary>
    public const string Consent = "consent";

    /// <summary>A consent withdrawn.</summary>
    public const string Revocation = "revocation";

    /// <summary>A company opt-out or a GDPR objection recorded.</summary>
    public const string OptOut = "opt-out";
}
