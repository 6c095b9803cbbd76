using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Testing;

/// <summary>The requests the tests make, on behalf of the caller <see cref="Acme"/> unless they say otherwise.</summary>
public static class Requests
{
    /// <summary>The professional on whose behalf the tests call.</summary>
    public const string Acme = "acme";

    /// <summary>A voice marketing call to <paramref name="contact"/> on behalf of <paramref name="caller"/> (null: unknown).</summary>
    public static ContactRequest Call(Contact contact, string? caller = Acme)
        => new ContactRequest(contact) { Caller = caller };

    /// <summary>A voice marketing call to <paramref name="contact"/> on behalf of <see cref="Acme"/>, with the person's consents.</summary>
    public static ContactRequest Call(Contact contact, params ConsentRecord[] consents)
        => new ContactRequest(contact) { Caller = Acme, Consents = consents.ToImmutableArray() };

    /// <summary>Consent to voice marketing calls from <paramref name="entity"/>, given at <paramref name="grantedAt"/>.</summary>
    public static ConsentRecord ConsentTo(Instant grantedAt, string? entity = Acme)
        => new ConsentRecord(grantedAt) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = entity };

    /// <summary>The person's entry in a do-not-call registry, requested at <paramref name="requestedAt"/>.</summary>
    public static OptOut Registered(ContactRegistry registry, Instant requestedAt)
        => new OptOut(OptOutKind.Registry, requestedAt) { Registry = registry };

    /// <summary>A copy of the request with the given facts replaced (the others kept).</summary>
    public static ContactRequest With(
        this ContactRequest request,
        ConsentRecord[]? consents = null,
        OptOut[]? optOuts = null,
        Instant? snapshot = null,
        bool? automated = null)
        => new ContactRequest(request.Contact, request.Channel, request.Purpose)
        {
            Caller = request.Caller,
            Subject = request.Subject,
            Campaign = request.Campaign,
            Automated = automated ?? request.Automated,
            Consents = consents?.ToImmutableArray() ?? request.Consents,
            OptOuts = optOuts?.ToImmutableArray() ?? request.OptOuts,
            RegistrySnapshotAt = snapshot ?? request.RegistrySnapshotAt,
        };

    /// <summary>A copy of the request with these consents instead of its own.</summary>
    public static ContactRequest WithConsents(this ContactRequest request, params ConsentRecord[] consents) => request.With(consents: consents);

    /// <summary>A copy of the request with these opt-outs instead of its own.</summary>
    public static ContactRequest WithOptOuts(this ContactRequest request, params OptOut[] optOuts) => request.With(optOuts: optOuts);
}
