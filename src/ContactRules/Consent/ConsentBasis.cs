namespace ContactRules;

/// <summary>On what ground a <see cref="ConsentRecord"/> lets the caller contact the person.</summary>
public enum ConsentBasis
{
    /// <summary>The person's own prior consent, given for the record's scope.</summary>
    Consent = 0,

    /// <summary>
    /// The ePrivacy "soft opt-in" (Directive 2002/58/EC art. 13(2); CPCE L34-5; PECR reg. 22(3);
    /// UWG §7(3)): the number was obtained from the person in a sale or the negotiation of a sale,
    /// the message is about the caller's own similar products, and the person could object free
    /// of charge when the number was collected and can in every message. It counts for that
    /// caller's marketing messages only, never for calls.
    /// </summary>
    SoftOptIn = 1,
}
