using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// Where the consents, opt-outs, objections and registry entries of people are kept, with the
/// proof of each consent and every use made of it. A <see cref="ContactGate"/> built on a
/// <see cref="IContactLedger"/> reads these facts for every decision, on top of those the request
/// carries.
/// </summary>
/// <remarks>
/// Every write is durable before the method returns, and every later read (by any process or
/// node sharing the store) sees it: a "do not call me" recorded on one node stops the next call
/// placed from any other. A store that cannot write throws; it never drops a fact silently.
/// </remarks>
public interface IContactFactsStore
{
    /// <summary>
    /// The facts known about a person: their consents (revoked ones included), their opt-outs and
    /// objections, and the registry entries of <see cref="Contact.PhoneNumber"/>.
    /// </summary>
    /// <param name="contact">The person.</param>
    /// <returns>The facts; <see cref="ContactFacts.None"/> for a person the store does not know.</returns>
    ContactFacts GetFacts(Contact contact);

    /// <summary>Records a consent with its proof.</summary>
    /// <param name="contactId">The person who gave it.</param>
    /// <param name="consent">The consent; its <see cref="ConsentRecord.Id"/> is required and unique for the person.</param>
    /// <param name="proof">How it was obtained.</param>
    /// <exception cref="System.ArgumentException">The consent has no id.</exception>
    /// <exception cref="System.InvalidOperationException">The person already has a consent with that id.</exception>
    void RecordConsent(string contactId, ConsentRecord consent, ConsentProof proof);

    /// <summary>
    /// Records that the person withdrew a consent at <paramref name="revokedAt"/>. A consent
    /// already revoked keeps its earlier revocation instant.
    /// </summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consentId">The consent withdrawn.</param>
    /// <param name="revokedAt">When the person withdrew it.</param>
    /// <exception cref="System.InvalidOperationException">The person has no consent with that id.</exception>
    void RevokeConsent(string contactId, string consentId, Instant revokedAt);

    /// <summary>Records a company opt-out ("do not call me", STOP) or a GDPR objection.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="optOut">The opt-out; of kind <see cref="OptOutKind.Company"/> or <see cref="OptOutKind.Objection"/>.</param>
    /// <exception cref="System.ArgumentException">The opt-out is a registry entry: those belong to a number, see <see cref="RecordRegistryEntry"/>.</exception>
    void RecordOptOut(string contactId, OptOut optOut);

    /// <summary>Records that a number is on a national registry.</summary>
    /// <param name="phoneNumber">The number, in E.164 form.</param>
    /// <param name="entry">The entry; of kind <see cref="OptOutKind.Registry"/> with its <see cref="OptOut.Registry"/>.</param>
    /// <exception cref="System.ArgumentException">The number is not E.164, or the entry is not a registry entry.</exception>
    void RecordRegistryEntry(string phoneNumber, OptOut entry);

    /// <summary>Records decisions that relied on consents of the person, in one durable write.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="uses">The uses; each names a consent of the person.</param>
    /// <exception cref="System.InvalidOperationException">A use names a consent the person does not have.</exception>
    void RecordConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses);

    /// <summary>Everything kept about one consent: record, proof and uses.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consentId">The consent.</param>
    /// <returns>The evidence, or null when the person has no consent with that id.</returns>
    ConsentEvidence? GetConsentEvidence(string contactId, string consentId);

    /// <summary>The facts known about a person; see <see cref="GetFacts"/>.</summary>
    /// <param name="contact">The person.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The facts; <see cref="ContactFacts.None"/> for a person the store does not know.</returns>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ContactFacts> GetFactsAsync(Contact contact, CancellationToken cancellationToken = default);

    /// <summary>Records decisions that relied on consents of the person, in one durable write; see <see cref="RecordConsentUses"/>.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="uses">The uses; each names a consent of the person.</param>
    /// <param name="cancellationToken">Honoured until the uses are committed: a cancelled call writes nothing.</param>
    /// <returns>A task that completes when the uses are durable.</returns>
    /// <exception cref="System.InvalidOperationException">A use names a consent the person does not have.</exception>
    /// <exception cref="System.OperationCanceledException">The token was cancelled before anything was written.</exception>
    Task RecordConsentUsesAsync(string contactId, IReadOnlyCollection<ConsentUse> uses, CancellationToken cancellationToken = default);
}
