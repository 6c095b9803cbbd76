using System.Collections.Immutable;
using System.Text.Json;
using ContactRules.Internal;

namespace ContactRules.Json.Internal;

/// <summary>
/// A <see cref="ContactRequest"/> as JSON: every property of the request, its contact, consents
/// and opt-outs, named as in the evaluate contract where the contract has the property.
/// </summary>
/// <remarks>
/// Every property is written, null when the request holds none; on reading, every property must
/// be present (a nullable one may be null), so that a property dropped on the way is an error,
/// never a default. The only checks beyond the types are the ones the core makes (a non-empty
/// contact id, an E.164 number) and one the core leaves open but no rule could honour: a registry
/// entry must name its registry, and only a registry entry may.
/// </remarks>
internal static class RequestJson
{
    internal static readonly string[] RequestFields =
    {
        "contact", "channel", "purpose", "automated", "subject", "caller", "campaign", "liveAgentGuaranteed", "consents", "optOuts", "registrySnapshotAt",
    };

    internal static readonly string[] ContactFields = { "id", "phone", "timeZones", "region", "contract", "lastPurchase", "lastInquiry", "lastPermanentDisconnection", "reassignedNumbersCheckedAt" };
    internal static readonly string[] ContractFields = { "active", "relatedToPurpose" };
    internal static readonly string[] ConsentFields = { "id", "channel", "purpose", "entity", "grantedAt", "expiresAt", "revokedAt", "outsideHours", "slot", "basis" };
    internal static readonly string[] SlotFields = { "from", "to" };
    internal static readonly string[] OptOutFields = { "kind", "registry", "requestedAt", "effectiveAt", "channel", "entity" };

    internal static void Write(Utf8JsonWriter writer, ContactRequest request)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("contact");
        WriteContact(writer, request.Contact);
        writer.WriteString("channel", EnumText<ContactChannel>.Format(request.Channel));
        writer.WriteString("purpose", EnumText<ContactPurpose>.Format(request.Purpose));
        writer.WriteBoolean("automated", request.Automated);
        writer.WriteString("subject", request.Subject);
        writer.WriteString("caller", request.Caller);
        writer.WriteString("campaign", request.Campaign);
        writer.WriteBoolean("liveAgentGuaranteed", request.LiveAgentGuaranteed);
        writer.WriteStartArray("consents");
        foreach (var consent in request.Consents)
        {
            WriteConsent(writer, consent);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("optOuts");
        foreach (var optOut in request.OptOuts)
        {
            WriteOptOut(writer, optOut);
        }

        writer.WriteEndArray();
        NodaJson.WriteInstant(writer, "registrySnapshotAt", request.RegistrySnapshotAt);
        writer.WriteEndObject();
    }

    internal static ContactRequest Read(JsonElement element, string path)
    {
        var fields = JsonFields.Of(element, path, IsoInstantSyntax.Instance, RequestFields);
        var contact = ReadContact(fields.RequiredObject("contact", ContactFields));
        var consents = ImmutableArray.CreateBuilder<ConsentRecord>();
        foreach (var (consent, consentPath) in fields.RequiredArray("consents", "an array of consent records"))
        {
            consents.Add(ReadConsent(fields.Element(consent, consentPath, ConsentFields)));
        }

        var optOuts = ImmutableArray.CreateBuilder<OptOut>();
        foreach (var (optOut, optOutPath) in fields.RequiredArray("optOuts", "an array of opt-outs"))
        {
            optOuts.Add(ReadOptOut(fields.Element(optOut, optOutPath, OptOutFields)));
        }

        return new ContactRequest(contact, fields.RequiredEnum<ContactChannel>("channel"), fields.RequiredEnum<ContactPurpose>("purpose"))
        {
            Automated = fields.RequiredBool("automated"),
            Subject = fields.PresentString("subject"),
            Caller = fields.PresentString("caller"),
            Campaign = fields.PresentString("campaign"),
            LiveAgentGuaranteed = fields.RequiredBool("liveAgentGuaranteed"),
            Consents = consents.ToImmutable(),
            OptOuts = optOuts.ToImmutable(),
            RegistrySnapshotAt = fields.PresentInstant("registrySnapshotAt"),
        };
    }

    internal static void WriteContact(Utf8JsonWriter writer, Contact contact)
    {
        writer.WriteStartObject();
        writer.WriteString("id", contact.Id);
        writer.WriteString("phone", contact.PhoneNumber);
        writer.WriteStartArray("timeZones");
        foreach (var zone in contact.TimeZones)
        {
            writer.WriteStringValue(zone.Id);
        }

        writer.WriteEndArray();
        writer.WriteString("region", contact.Region);
        if (contact.Contract is { } contract)
        {
            writer.WriteStartObject("contract");
            writer.WriteBoolean("active", contract.Active);
            writer.WriteBoolean("relatedToPurpose", contract.RelatedToPurpose);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("contract");
        }

        NodaJson.WriteDate(writer, "lastPurchase", contact.LastPurchase);
        NodaJson.WriteDate(writer, "lastInquiry", contact.LastInquiry);
        NodaJson.WriteDate(writer, "lastPermanentDisconnection", contact.LastPermanentDisconnection);
        NodaJson.WriteInstant(writer, "reassignedNumbersCheckedAt", contact.ReassignedNumbersCheckedAt);
        writer.WriteEndObject();
    }

    internal static Contact ReadContact(JsonFields fields)
    {
        var id = NotEmpty(fields.RequiredString("id", "a string, the person's stable id"), fields.PathOf("id"));
        var phone = fields.PresentString("phone") is { } text ? JsonFields.CheckPhone(text, fields.PathOf("phone")) : null;
        return new Contact(id)
        {
            PhoneNumber = phone,
            TimeZones = fields.RequiredZones("timeZones"),
            Region = fields.PresentString("region"),
            Contract = fields.PresentObject("contract", ContractFields) is { } contract ? ReadContract(contract) : null,
            LastPurchase = fields.PresentDate("lastPurchase"),
            LastInquiry = fields.PresentDate("lastInquiry"),
            LastPermanentDisconnection = fields.PresentDate("lastPermanentDisconnection"),
            ReassignedNumbersCheckedAt = fields.PresentInstant("reassignedNumbersCheckedAt"),
        };
    }

    /// <summary>A contract in progress: both properties are required, in the library and in the evaluate contract.</summary>
    internal static ContractStatus ReadContract(JsonFields fields)
        => new(fields.RequiredBool("active"), fields.RequiredBool("relatedToPurpose"));

    internal static void WriteConsent(Utf8JsonWriter writer, ConsentRecord consent)
    {
        writer.WriteStartObject();
        writer.WriteString("id", consent.Id);
        WriteEnum(writer, "channel", consent.Channel);
        WriteEnum(writer, "purpose", consent.Purpose);
        writer.WriteString("entity", consent.Entity);
        NodaJson.WriteInstant(writer, "grantedAt", consent.GrantedAt);
        NodaJson.WriteInstant(writer, "expiresAt", consent.ExpiresAt);
        NodaJson.WriteInstant(writer, "revokedAt", consent.RevokedAt);
        writer.WriteBoolean("outsideHours", consent.OutsideHours);
        if (consent.Slot is { } slot)
        {
            writer.WriteStartObject("slot");
            NodaJson.WriteInstant(writer, "from", slot.Start);
            NodaJson.WriteInstant(writer, "to", slot.End);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("slot");
        }

        writer.WriteString("basis", EnumText<ConsentBasis>.Format(consent.Basis));
        writer.WriteEndObject();
    }

    internal static ConsentRecord ReadConsent(JsonFields fields)
        => new(fields.RequiredInstant("grantedAt"))
        {
            Id = fields.PresentString("id"),
            Channel = fields.PresentEnum<ContactChannel>("channel"),
            Purpose = fields.PresentEnum<ContactPurpose>("purpose"),
            Entity = fields.PresentString("entity"),
            ExpiresAt = fields.PresentInstant("expiresAt"),
            RevokedAt = fields.PresentInstant("revokedAt"),
            OutsideHours = fields.RequiredBool("outsideHours"),
            Slot = fields.PresentObject("slot", SlotFields) is { } slot ? ReadSlot(slot) : null,
            Basis = fields.RequiredEnum<ConsentBasis>("basis"),
        };

    /// <summary>A consent slot, <c>{ "from", "to" }</c>: two instants, the first before the second (half-open).</summary>
    internal static NodaTime.Interval ReadSlot(JsonFields fields)
    {
        var from = fields.RequiredInstant("from");
        var to = fields.RequiredInstant("to");
        return from < to
            ? new NodaTime.Interval(from, to)
            : throw JsonFieldException.Field(fields.PathOf("to"), "is not after 'from'; expected the end of the slot, after its start (the slot is [from, to))");
    }

    internal static void WriteOptOut(Utf8JsonWriter writer, OptOut optOut)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", EnumText<OptOutKind>.Format(optOut.Kind));
        WriteEnum(writer, "registry", optOut.Registry);
        NodaJson.WriteInstant(writer, "requestedAt", optOut.RequestedAt);
        NodaJson.WriteInstant(writer, "effectiveAt", optOut.EffectiveAt);
        WriteEnum(writer, "channel", optOut.Channel);
        writer.WriteString("entity", optOut.Entity);
        writer.WriteEndObject();
    }

    internal static OptOut ReadOptOut(JsonFields fields)
    {
        var kind = fields.RequiredEnum<OptOutKind>("kind");
        var registry = fields.PresentEnum<ContactRegistry>("registry");
        CheckRegistry(fields, kind, registry);
        return new OptOut(kind, fields.RequiredInstant("requestedAt"))
        {
            Registry = registry,
            EffectiveAt = fields.PresentInstant("effectiveAt"),
            Channel = fields.PresentEnum<ContactChannel>("channel"),
            Entity = fields.PresentString("entity"),
        };
    }

    /// <summary>
    /// A registry entry that does not say which registry could not be honoured by any rule; a
    /// registry named on another kind of opt-out says the writer meant something else. Either
    /// way, deciding would mean guessing.
    /// </summary>
    internal static void CheckRegistry(JsonFields fields, OptOutKind kind, ContactRegistry? registry)
    {
        if (kind == OptOutKind.Registry && registry is null)
        {
            throw JsonFieldException.Field(fields.PathOf("registry"), $"missing for kind 'registry'; expected one of {EnumText<ContactRegistry>.Expected}");
        }

        if (kind != OptOutKind.Registry && registry is not null)
        {
            throw JsonFieldException.Field(fields.PathOf("registry"), $"given for kind '{EnumText<OptOutKind>.Format(kind)}'; a registry is named only when kind is 'registry'");
        }
    }

    internal static void WriteEnum<TEnum>(Utf8JsonWriter writer, string name, TEnum? value)
        where TEnum : struct, System.Enum
    {
        if (value is { } given)
        {
            writer.WriteString(name, EnumText<TEnum>.Format(given));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string NotEmpty(string value, string path)
        => value.Length > 0 ? value : throw JsonFieldException.Field(path, "is empty; expected a non-empty string");
}
