using System.Text.Json;
using System.Text.Json.Serialization;
using ContactRules.Json.Converters;
using ContactRules.Json.Internal;

namespace ContactRules.Json;

/// <summary>
/// The System.Text.Json converters for ContactRules types, to add one by one to
/// <see cref="JsonSerializerOptions.Converters"/>;
/// <see cref="ContactRulesJsonExtensions.ConfigureForContactRules(JsonSerializerOptions)"/> adds
/// them all.
/// </summary>
/// <remarks>
/// <para>
/// Property names are camelCase and fixed (they are the evaluate contract's names, whatever the
/// options' naming policy), enums are lower-case hyphenated names (<c>debt-collection</c>),
/// instants are ISO-8601 in UTC with <c>Z</c> and dates <c>yyyy-MM-dd</c>, as
/// NodaTime.Serialization.SystemTextJson writes them, and zones are TZDB ids.
/// </para>
/// <para>
/// Every property is written (null when the value has none), except a decision's
/// <c>advisories</c>, left out when there are none as in the evaluate contract. On reading, every
/// property must be present, and only a nullable one may be null: a property lost on the way is
/// an error, never a default. Unknown properties are ignored. A bad value throws a
/// <see cref="JsonException"/> whose message names the property by its path and says what was
/// found and what was expected (<c>Property '$.contact.timeZones[1]': unknown time zone
/// 'Europe/Pariss'; expected an IANA time zone id ...</c>), with the same path in
/// <see cref="JsonException.Path"/>. The path starts at the ContactRules value being read: for a
/// request or decision that is the whole document, it is the document's path. What is written
/// reads back equal, to the tick.
/// </para>
/// </remarks>
public static class ContactRulesConverters
{
    /// <summary>A <see cref="ContactRequest"/>: its contact, channel, purpose, flags, consents, opt-outs and registry snapshot.</summary>
    public static JsonConverter<ContactRequest> ContactRequestConverter { get; } =
        new MappedConverter<ContactRequest>(RequestJson.Read, RequestJson.Write);

    /// <summary>A <see cref="Contact"/>: id, E.164 phone, candidate zones as TZDB ids, region, contract and relationship dates.</summary>
    public static JsonConverter<Contact> ContactConverter { get; } =
        new MappedConverter<Contact>(
            (element, path) => RequestJson.ReadContact(JsonFields.Of(element, path, IsoInstantSyntax.Instance, RequestJson.ContactFields)),
            RequestJson.WriteContact);

    /// <summary>A <see cref="ConsentRecord"/>: id, scope (channel, purpose, entity; null for any), grant, expiry, revocation, outside-hours flag.</summary>
    public static JsonConverter<ConsentRecord> ConsentRecordConverter { get; } =
        new MappedConverter<ConsentRecord>(
            (element, path) => RequestJson.ReadConsent(JsonFields.Of(element, path, IsoInstantSyntax.Instance, RequestJson.ConsentFields)),
            RequestJson.WriteConsent);

    /// <summary>An <see cref="OptOut"/>: kind, registry (named for registry entries only), request and effect instants, channel, entity.</summary>
    public static JsonConverter<OptOut> OptOutConverter { get; } =
        new MappedConverter<OptOut>(
            (element, path) => RequestJson.ReadOptOut(JsonFields.Of(element, path, IsoInstantSyntax.Instance, RequestJson.OptOutFields)),
            RequestJson.WriteOptOut);

    /// <summary>
    /// A <see cref="ContactDecision"/>: <c>allowed</c>, every violation, <c>nextPermittedAt</c>,
    /// and <c>advisories</c> when there are any; the evaluate contract's decision line without its
    /// <c>id</c>. Reading refuses a refusal without violations and an allowed contact with any.
    /// </summary>
    public static JsonConverter<ContactDecision> ContactDecisionConverter { get; } =
        new MappedConverter<ContactDecision>(DecisionJson.Read, DecisionJson.Write);

    /// <summary>A <see cref="RuleViolation"/>: <c>rule</c> (the catalogue id), <c>kind</c>, <c>citation</c>, <c>until</c> and <c>reason</c>.</summary>
    public static JsonConverter<RuleViolation> RuleViolationConverter { get; } =
        new MappedConverter<RuleViolation>(
            (element, path) => DecisionJson.ReadViolation(JsonFields.Of(element, path, IsoInstantSyntax.Instance, DecisionJson.ViolationFields)),
            DecisionJson.WriteViolation);

    /// <summary>A <see cref="ContactAdvisory"/>: <c>code</c>, <c>message</c> and <c>deadline</c>.</summary>
    public static JsonConverter<ContactAdvisory> ContactAdvisoryConverter { get; } =
        new MappedConverter<ContactAdvisory>(
            (element, path) => DecisionJson.ReadAdvisory(JsonFields.Of(element, path, IsoInstantSyntax.Instance, DecisionJson.AdvisoryFields)),
            DecisionJson.WriteAdvisory);

    /// <summary>A <see cref="ContactAttempt"/>: <c>at</c>, <c>outcome</c>, <c>channel</c>, <c>purpose</c>, <c>subject</c> and <c>caller</c>.</summary>
    public static JsonConverter<ContactAttempt> ContactAttemptConverter { get; } =
        new MappedConverter<ContactAttempt>(HistoryJson.ReadAttempt, HistoryJson.WriteAttempt);

    /// <summary>A <see cref="ContactHistory"/>: the array of its attempts, oldest first; read in any order and sorted by instant.</summary>
    public static JsonConverter<ContactHistory> ContactHistoryConverter { get; } =
        new MappedConverter<ContactHistory>(HistoryJson.ReadHistory, HistoryJson.WriteHistory);

    /// <summary><see cref="ContactChannel"/> as <c>voice</c> or <c>sms</c>.</summary>
    public static JsonConverter<ContactChannel> ContactChannelConverter { get; } = new EnumConverter<ContactChannel>();

    /// <summary><see cref="ContactPurpose"/> as <c>marketing</c>, <c>debt-collection</c> or <c>informational</c>.</summary>
    public static JsonConverter<ContactPurpose> ContactPurposeConverter { get; } = new EnumConverter<ContactPurpose>();

    /// <summary><see cref="AttemptOutcome"/> as <c>no-answer</c>, <c>busy</c>, ..., <c>not-connected</c>, <c>reserved</c>.</summary>
    public static JsonConverter<AttemptOutcome> AttemptOutcomeConverter { get; } = new EnumConverter<AttemptOutcome>();

    /// <summary><see cref="RuleKind"/> as <c>calling-window</c>, <c>holiday</c>, ..., <c>zone</c>, <c>store</c>.</summary>
    public static JsonConverter<RuleKind> RuleKindConverter { get; } = new EnumConverter<RuleKind>();

    /// <summary><see cref="OptOutKind"/> as <c>company</c>, <c>registry</c> or <c>objection</c>.</summary>
    public static JsonConverter<OptOutKind> OptOutKindConverter { get; } = new EnumConverter<OptOutKind>();

    /// <summary><see cref="ContactRegistry"/> as <c>bloctel</c>, <c>us-dnc</c>, <c>tps</c>, ..., <c>robinson</c>.</summary>
    public static JsonConverter<ContactRegistry> ContactRegistryConverter { get; } = new EnumConverter<ContactRegistry>();
}
