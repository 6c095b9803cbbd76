namespace ContactRules;

/// <summary>What <see cref="RevocationReplies.Classify(string)"/> found in a reply.</summary>
public enum ReplyRevocation
{
    /// <summary>
    /// No revocation word was found. This is not a finding that the reply is not a revocation:
    /// a person may revoke in any words, and a reply that is not a plain answer should be read by
    /// a person.
    /// </summary>
    NoRevocationWord = 0,

    /// <summary>
    /// The whole reply is a revocation keyword (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL,
    /// UNSUBSCRIBE, or one of the usual words of the other packs' languages), alone or repeated:
    /// record the revocation at the instant the reply was received.
    /// </summary>
    Revocation = 1,

    /// <summary>
    /// The reply contains a revocation word or phrase but says something else too ("stop calling
    /// me after 5", "Stop by the store"): it may be a revocation. ContactRules does not guess: a
    /// person decides, and until they do, the caller should not rely on the consent.
    /// </summary>
    Ambiguous = 2,
}
