using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactRules.Cli.Input;
using ContactRules.Cli.Zones;
using ContactRules.Json.Internal;
using ContactRules.Jurisdictions;
using NodaTime;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// Maps one line of the evaluate contract onto the core's types: every field of the contract,
/// checked, with an error that names the field for anything that is missing, of the wrong type,
/// unknown or invalid.
/// </summary>
/// <remarks>
/// <para>
/// The field reader, the enum spellings, zones, dates, E.164 numbers, contracts and the registry
/// check are ContactRules.Json's, so that a field means the same in a case and in a request a
/// service serialised. What stays here is the contract's own: the case envelope (id, policy, at,
/// history), the fields it knows (others, such as a request's <c>caller</c>, are ignored as the
/// contract says), its defaults, and instants with an offset.
/// </para>
/// <para>
/// Defaults are the contract's (voice, marketing, not automated). Where the contract leaves a
/// value open, the reading is the stricter one: there is no caller field, so every attempt in
/// the history counts for the request (<see cref="ContactRequest.Caller"/> stays null); an
/// attempt without channel or purpose is taken as one of the case's own channel and purpose, so
/// that it counts where the case is counted.
/// </para>
/// </remarks>
internal sealed class CaseReader
{
    // A cache of resolved policies, bounded so that a stream of distinct policy strings cannot
    // grow memory; past the bound, policies are resolved on every line.
    private const int MaxCachedPolicies = 64;

    // The engine looks up to two years ahead of the contact; instants near the ends of the
    // calendar have no "ahead". Real contacts are made in this range.
    private static readonly Instant EarliestAt = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant AfterLatestAt = Instant.FromUtc(3000, 1, 1, 0, 0);

    private static readonly Regex Subdivision = new(@"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}\z", RegexOptions.CultureInvariant);

    private static readonly string[] CaseFields =
    {
        "id", "policy", "at", "channel", "purpose", "automated", "subject", "contact", "consents", "optOuts", "registrySnapshotAt", "history",
    };

    private static readonly string[] ContactFields = { "id", "phone", "timeZones", "region", "contract", "lastPurchase", "lastInquiry", "lastPermanentDisconnection", "reassignedNumbersCheckedAt" };
    private static readonly string[] ConsentFields = { "channel", "purpose", "grantedAt", "expiresAt", "revokedAt", "outsideHours", "slot", "basis" };
    private static readonly string[] OptOutFields = { "kind", "registry", "requestedAt", "effectiveAt" };
    private static readonly string[] AttemptFields = { "at", "channel", "purpose", "subject", "outcome" };

    private readonly IPhoneNumberZones phoneNumberZones;
    private readonly Dictionary<string, ContactPolicy> policies = new(StringComparer.Ordinal);

    internal CaseReader(IPhoneNumberZones phoneNumberZones)
    {
        this.phoneNumberZones = phoneNumberZones;
    }

    /// <summary>
    /// The case id of a parsed line, when it has a usable one, so that an error line can still
    /// name its case.
    /// </summary>
    internal static string? IdOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? id = null;
        var seen = false;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("id"))
            {
                if (seen)
                {
                    // Two ids: echoing either would name a case the writer may not have meant.
                    return null;
                }

                seen = true;
                id = property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } text && text.Trim().Length > 0 ? text : null;
            }
        }

        return id;
    }

    /// <summary>Maps a parsed line onto a case.</summary>
    /// <exception cref="CaseFormatException">The line does not follow the contract.</exception>
    internal EvaluationCase Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CaseFormatException($"the line is {JsonText.Describe(root)}; expected a JSON object (one case per line)");
        }

        try
        {
            return ReadCase(JsonFields.Of(root, string.Empty, ContractInstantSyntax.Instance, CaseFields));
        }
        catch (JsonFieldException e)
        {
            throw e.IsMissing
                ? new CaseFormatException($"missing required field '{e.Path}'; expected {e.Problem}")
                : CaseFormatException.Field(e.Path, e.Problem);
        }
    }

    private EvaluationCase ReadCase(JsonFields fields)
    {

        var id = NotBlank(fields.RequiredString("id", "a string, the case id"), fields.PathOf("id"));
        var policy = ResolvePolicy(fields.RequiredString("policy", "pack ids joined by '+', such as 'fr' or 'us+us-fl'"), fields.PathOf("policy"));
        var at = fields.RequiredInstant("at");
        if (at < EarliestAt || at >= AfterLatestAt)
        {
            throw CaseFormatException.Field(
                fields.PathOf("at"),
                $"{DecisionWriter.Format(at)} is outside the years 1900 to 2999 that contacts are evaluated in; expected the instant the contact would be made");
        }

        var channel = fields.OptionalEnum<ContactChannel>("channel") ?? ContactChannel.Voice;
        var purpose = fields.OptionalEnum<ContactPurpose>("purpose") ?? ContactPurpose.Marketing;

        var request = new ContactRequest(ReadContact(fields.OptionalObject("contact", ContactFields), id), channel, purpose)
        {
            Automated = fields.OptionalBool("automated") ?? false,
            Subject = fields.OptionalString("subject"),
            Consents = ReadConsents(fields),
            OptOuts = ReadOptOuts(fields),
            RegistrySnapshotAt = fields.OptionalInstant("registrySnapshotAt"),
        };

        return new EvaluationCase(id, policy, at, request, ReadHistory(fields, channel, purpose));
    }

    private ContactPolicy ResolvePolicy(string ids, string path)
    {
        if (policies.TryGetValue(ids, out var cached))
        {
            return cached;
        }

        if (!RulePacks.TryResolve(ids, out var policy, out var error))
        {
            throw CaseFormatException.Field(path, error!);
        }

        if (policies.Count < MaxCachedPolicies)
        {
            policies.Add(ids, policy!);
        }

        return policy!;
    }

    private Contact ReadContact(JsonFields? given, string caseId)
    {
        if (given is not { } fields)
        {
            // No contact at all: the person is known by the case id only, with no zone.
            return new Contact(caseId);
        }

        var personId = fields.OptionalString("id") is { } id ? NotBlank(id, fields.PathOf("id")) : caseId;
        var phone = fields.OptionalString("phone") is { } text ? JsonFields.CheckPhone(text, fields.PathOf("phone")) : null;

        var region = fields.OptionalString("region");
        if (region is not null && !Subdivision.IsMatch(region))
        {
            throw CaseFormatException.Field(
                fields.PathOf("region"),
                $"'{Shorten(region)}' is not an ISO 3166-2 subdivision code; expected a country code, '-' and the subdivision, such as 'FR-67' or 'US-FL'");
        }

        var contract = fields.OptionalObject("contract", RequestJson.ContractFields) is { } contractFields ? RequestJson.ReadContract(contractFields) : null;

        var lastPurchase = fields.OptionalDate("lastPurchase");
        var lastInquiry = fields.OptionalDate("lastInquiry");
        var lastPermanentDisconnection = fields.OptionalDate("lastPermanentDisconnection");
        var reassignedNumbersCheckedAt = fields.OptionalInstant("reassignedNumbersCheckedAt");

        // Zones given in the case win; the number is asked only when they are absent (or empty).
        var zones = fields.OptionalZones("timeZones");
        if (zones.IsEmpty && phone is not null)
        {
            zones = phoneNumberZones.CandidateZones(phone);
        }

        return new Contact(personId)
        {
            PhoneNumber = phone,
            TimeZones = zones,
            Region = region,
            Contract = contract,
            LastPurchase = lastPurchase,
            LastInquiry = lastInquiry,
            LastPermanentDisconnection = lastPermanentDisconnection,
            ReassignedNumbersCheckedAt = reassignedNumbersCheckedAt,
        };
    }

    private static ImmutableArray<ConsentRecord> ReadConsents(JsonFields fields)
    {
        var consents = ImmutableArray.CreateBuilder<ConsentRecord>();
        foreach (var (element, path) in fields.OptionalArray("consents"))
        {
            // Channel and purpose are required: a consent recorded wider than what the person
            // agreed to would allow contacts they never accepted.
            var consent = fields.Element(element, path, ConsentFields);
            consents.Add(new ConsentRecord(consent.RequiredInstant("grantedAt"))
            {
                Channel = consent.RequiredEnum<ContactChannel>("channel"),
                Purpose = consent.RequiredEnum<ContactPurpose>("purpose"),
                ExpiresAt = consent.OptionalInstant("expiresAt"),
                RevokedAt = consent.OptionalInstant("revokedAt"),
                OutsideHours = consent.OptionalBool("outsideHours") ?? false,
                Slot = consent.OptionalObject("slot", RequestJson.SlotFields) is { } slot ? RequestJson.ReadSlot(slot) : null,
                Basis = consent.OptionalEnum<ConsentBasis>("basis") ?? ConsentBasis.Consent,
            });
        }

        return consents.ToImmutable();
    }

    private static ImmutableArray<OptOut> ReadOptOuts(JsonFields fields)
    {
        var optOuts = ImmutableArray.CreateBuilder<OptOut>();
        foreach (var (element, path) in fields.OptionalArray("optOuts"))
        {
            var optOut = fields.Element(element, path, OptOutFields);
            var kind = optOut.RequiredEnum<OptOutKind>("kind");
            var registry = optOut.OptionalEnum<ContactRegistry>("registry");
            RequestJson.CheckRegistry(optOut, kind, registry);

            optOuts.Add(new OptOut(kind, optOut.RequiredInstant("requestedAt"))
            {
                Registry = registry,
                EffectiveAt = optOut.OptionalInstant("effectiveAt"),
            });
        }

        return optOuts.ToImmutable();
    }

    private static ContactHistory ReadHistory(JsonFields fields, ContactChannel caseChannel, ContactPurpose casePurpose)
    {
        var attempts = new List<ContactAttempt>();
        foreach (var (element, path) in fields.OptionalArray("history"))
        {
            var attempt = fields.Element(element, path, AttemptFields);
            attempts.Add(new ContactAttempt(
                attempt.RequiredInstant("at"),
                attempt.RequiredEnum<AttemptOutcome>("outcome"),
                attempt.OptionalEnum<ContactChannel>("channel") ?? caseChannel,
                attempt.OptionalEnum<ContactPurpose>("purpose") ?? casePurpose)
            {
                Subject = attempt.OptionalString("subject"),
            });
        }

        return attempts.Count == 0 ? ContactHistory.Empty : ContactHistory.Create(attempts);
    }

    private static string NotBlank(string value, string path)
        => value.Trim().Length > 0 ? value : throw CaseFormatException.Field(path, "is empty; expected a non-empty string");

    private static string Shorten(string text) => ValueText.Shorten(text);
}
