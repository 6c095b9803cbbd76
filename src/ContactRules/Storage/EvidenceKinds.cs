namespace ContactRules.Storage;

/// <summary>The kinds of evidence log entries ContactRules writes.</summary>
internal static class EvidenceKinds
{
    /// <summary>A decision taken by ContactGate.TryReserve, allowed or refused, with the consents it relied on.</summary>
    internal const string Decision = "decision";

    /// <summary>A consent recorded with its proof.</summary>
    internal const string Consent = "consent";

    /// <summary>A consent withdrawn.</summary>
    internal const string Revocation = "revocation";

    /// <summary>A company opt-out or a GDPR objection recorded.</summary>
    internal const string OptOut = "opt-out";
}
