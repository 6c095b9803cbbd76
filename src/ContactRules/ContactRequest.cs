using System.Collections.Generic;
using System.Collections.Immutable;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// A contact that someone wants to make: who, through which channel, for what, on whose behalf,
/// and the consent and opt-out facts known about the person.
/// </summary>
public sealed class ContactRequest
{
    private readonly ImmutableArray<ConsentRecord> consents = ImmutableArray<ConsentRecord>.Empty;
    private readonly ImmutableArray<OptOut> optOuts = ImmutableArray<OptOut>.Empty;

    /// <summary>Creates a request to contact <paramref name="contact"/>.</summary>
    /// <param name="contact">The person to be contacted.</param>
    /// <param name="channel">The channel; voice by default.</param>
    /// <param name="purpose">The purpose; marketing by default.</param>
    public ContactRequest(Contact contact, ContactChannel channel = ContactChannel.Voice, ContactPurpose purpose = ContactPurpose.Marketing)
    {
        Contact = Preconditions.CheckNotNull(contact, nameof(contact));
        Channel = channel;
        Purpose = purpose;
    }

    /// <summary>The person to be contacted.</summary>
    public Contact Contact { get; }

    /// <summary>The channel of the contact.</summary>
    public ContactChannel Channel { get; }

    /// <summary>The purpose of the contact.</summary>
    public ContactPurpose Purpose { get; }

    /// <summary>
    /// True for a prerecorded or artificial voice, or an automated system with no live agent.
    /// </summary>
    public bool Automated { get; init; }

    /// <summary>
    /// The matter of the contact: a debt identifier, an offer or product line. The counting key
    /// where the law counts per subject (Regulation F per debt; Florida, Oklahoma, Maryland per
    /// subject matter). Null means unknown, and then every attempt counts. Some rules read subject
    /// codes (a code, or a sub-subject after <c>/</c>): France's <c>press</c> (newspapers and
    /// periodicals, L223-5) and its banned sectors (FR-SECT-01).
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>
    /// The professional on whose behalf the contact is made (not the subcontractor placing the
    /// call), so that all subcontractors acting for it are counted together. Null means unknown,
    /// and then every caller's attempts count.
    /// </summary>
    public string? Caller { get; init; }

    /// <summary>The campaign the contact belongs to, for campaign-level monitoring; optional.</summary>
    public string? Campaign { get; init; }

    /// <summary>
    /// True when a live agent is guaranteed to be on the line when the person answers (the UK's
    /// 72-hour and 24-hour rules after abandoned and machine-detected calls do not apply then).
    /// </summary>
    public bool LiveAgentGuaranteed { get; init; }

    /// <summary>The person's consent records.</summary>
    public ImmutableArray<ConsentRecord> Consents
    {
        get => consents;
        init => consents = NotNullElements(value, nameof(Consents));
    }

    /// <summary>The person's opt-outs, registry entries and objections.</summary>
    public ImmutableArray<OptOut> OptOuts
    {
        get => optOuts;
        init => optOuts = NotNullElements(value, nameof(OptOuts));
    }

    /// <summary>
    /// The date of the registry version the caller scrubbed against, for registry freshness
    /// rules. When null, the registry entries in <see cref="OptOuts"/> are taken as complete and
    /// current.
    /// </summary>
    public Instant? RegistrySnapshotAt { get; init; }

    /// <summary>
    /// Returns a copy of this request with more facts about the person: consents and opt-outs
    /// found in a store or a registry, added to those already on the request. A registry
    /// snapshot date, when given, keeps the older of the two: the stalest version governs
    /// freshness rules.
    /// </summary>
    /// <param name="consents">Consents to add; null for none.</param>
    /// <param name="optOuts">Opt-outs and registry entries to add; null for none.</param>
    /// <param name="registrySnapshotAt">The date of a registry version scrubbed against, if any.</param>
    /// <returns>The new request.</returns>
    public ContactRequest WithFacts(IEnumerable<ConsentRecord>? consents, IEnumerable<OptOut>? optOuts, Instant? registrySnapshotAt = null)
        => Copy(
            consents is null ? Consents : Consents.AddRange(consents),
            optOuts is null ? OptOuts : OptOuts.AddRange(optOuts),
            registrySnapshotAt is { } added && (RegistrySnapshotAt is not { } existing || added < existing) ? added : RegistrySnapshotAt);

    /// <summary>This request as it would be without any consent of the person (to tell whether a decision relied on one).</summary>
    internal ContactRequest WithoutConsents() => Copy(ImmutableArray<ConsentRecord>.Empty, OptOuts, RegistrySnapshotAt);

    // Every property is carried over: a storage test fails when ContactRequest grows a property
    // that this copy would forget.
    private ContactRequest Copy(ImmutableArray<ConsentRecord> newConsents, ImmutableArray<OptOut> newOptOuts, Instant? snapshotAt)
        => new ContactRequest(Contact, Channel, Purpose)
        {
            Automated = Automated,
            Subject = Subject,
            Caller = Caller,
            Campaign = Campaign,
            LiveAgentGuaranteed = LiveAgentGuaranteed,
            Consents = newConsents,
            OptOuts = newOptOuts,
            RegistrySnapshotAt = snapshotAt,
        };

    /// <inheritdoc />
    public override string ToString() => $"{Channel} {Purpose} contact of {Contact.Id}";

    private static ImmutableArray<T> NotNullElements<T>(ImmutableArray<T> value, string name)
        where T : class
    {
        if (value.IsDefault)
        {
            return ImmutableArray<T>.Empty;
        }

        foreach (var item in value)
        {
            Preconditions.CheckArgument(item is not null, name, $"{name} must not contain null elements.");
        }

        return value;
    }
}
