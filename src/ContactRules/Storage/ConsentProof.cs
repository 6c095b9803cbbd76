using System.Collections.Immutable;
using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// How a consent was obtained, kept so that it can be proven later: the burden of proof is on
/// the caller (France L223-1 al. 3; Germany UWG § 7a, which requires the proof at the time
/// consent is given and for 5 years after each use; the US TSR, 16 CFR 310.5, 5 years). The
/// consent's scope (channel, purpose, entity) is the <see cref="ConsentRecord"/>'s own.
/// </summary>
public sealed class ConsentProof
{
    private readonly ImmutableArray<string> evidenceReferences = ImmutableArray<string>.Empty;
    private readonly string? phoneNumber;

    /// <summary>Creates the proof of a consent.</summary>
    /// <param name="captureMethod">How the consent was captured, in the caller's words: <c>web-form</c>, <c>ivr-keypress</c>, <c>recorded-call</c>, <c>paper</c>, <c>sms-keyword</c>.</param>
    /// <param name="textShown">The exact request text as presented to the person (TSR: "in the same manner and format").</param>
    /// <param name="textVersion">The version of that text, so that the page or script shown can be produced again.</param>
    /// <exception cref="System.ArgumentException">A field is empty: a proof without method, text or version proves nothing.</exception>
    public ConsentProof(string captureMethod, string textShown, string textVersion)
    {
        CaptureMethod = Preconditions.CheckNotEmpty(captureMethod, nameof(captureMethod));
        TextShown = Preconditions.CheckNotEmpty(textShown, nameof(textShown));
        TextVersion = Preconditions.CheckNotEmpty(textVersion, nameof(textVersion));
    }

    /// <summary>How the consent was captured.</summary>
    public string CaptureMethod { get; }

    /// <summary>The exact request text as presented to the person.</summary>
    public string TextShown { get; }

    /// <summary>The version of the text shown.</summary>
    public string TextVersion { get; }

    /// <summary>
    /// Where the rest of the evidence is kept: a call recording, a signed document, a page
    /// snapshot, an IP address and user agent record, a double opt-in token. References, not
    /// contents.
    /// </summary>
    /// <exception cref="System.ArgumentException">A reference is null or empty.</exception>
    public ImmutableArray<string> EvidenceReferences
    {
        get => evidenceReferences;
        init
        {
            var references = value.IsDefault ? ImmutableArray<string>.Empty : value;
            foreach (var reference in references)
            {
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(reference), nameof(EvidenceReferences), "Evidence references must not be null or empty.");
            }

            evidenceReferences = references;
        }
    }

    /// <summary>
    /// The number the consent was given for, in E.164 form, when the consent names one. Stores
    /// keep it next to its keyed hash, and logs carry only the hash.
    /// </summary>
    /// <exception cref="System.ArgumentException">The value is not in E.164 form.</exception>
    public string? PhoneNumber
    {
        get => phoneNumber;
        init
        {
            if (value is not null)
            {
                Preconditions.CheckArgument(E164.IsValid(value), nameof(PhoneNumber), $"PhoneNumber must be in E.164 form ('+' then 2 to 15 digits, no leading zero).");
            }

            phoneNumber = value;
        }
    }

    /// <summary>Who collected the consent: the caller itself, a lead generator, a subcontractor; null when not recorded.</summary>
    public string? CollectedBy { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{CaptureMethod}, text version {TextVersion}";
}
