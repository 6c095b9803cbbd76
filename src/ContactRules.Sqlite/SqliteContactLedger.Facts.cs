using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactRules.Sqlite;

/// <content>The consent, opt-out and registry facts, and the evidence of consents.</content>
public sealed partial class SqliteContactLedger
{
    private const string SelectFacts =
        "SELECT consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis FROM consents WHERE contact_id = $contact;"
        + "SELECT kind, requested_at_ticks, effective_at_ticks, channel, entity FROM opt_outs WHERE contact_id = $contact ORDER BY id;"
        + "SELECT registry, registered_at_ticks, effective_at_ticks, channel FROM registry_entries WHERE phone_e164 = $phone ORDER BY registered_at_ticks;";

    /// <summary>The person's facts from the three result sets of <see cref="SelectFacts"/>, the reader on the first.</summary>
    private static ContactFacts ReadFacts(SqliteDataReader reader)
    {
        var consents = ImmutableArray.CreateBuilder<ConsentRecord>();
        var optOuts = ImmutableArray.CreateBuilder<OptOut>();
        while (reader.Read())
        {
            consents.Add(ReadConsent(reader, 0));
        }

        reader.NextResult();
        while (reader.Read())
        {
            optOuts.Add(ReadOptOut(reader, 0));
        }

        reader.NextResult();
        while (reader.Read())
        {
            optOuts.Add(ReadRegistryEntry(reader, 0));
        }

        return consents.Count == 0 && optOuts.Count == 0 ? ContactFacts.None : new ContactFacts(consents.ToImmutable(), optOuts.ToImmutable());
    }

    internal override void RecordConsentCore(string contactId, string consentId, ConsentRecord consent, ConsentProof proof, string evidence)
        => Write<EvidenceLogEntry>(NewWrite(flush: true, reservation: false, () =>
        {
            using (var exists = WriterCommand("SELECT 1 FROM consents WHERE contact_id = $contact AND consent_id = $consent"))
            {
                exists.Parameters.AddWithValue("$contact", contactId);
                exists.Parameters.AddWithValue("$consent", consentId);
                if (exists.ExecuteScalar() is not null)
                {
                    throw DuplicateConsent(contactId, consentId);
                }
            }

            using (var insert = WriterCommand(
                "INSERT INTO consents (contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis, "
                + "capture_method, text_shown, text_version, phone_e164, phone_hash, collected_by, recorded_at_ticks) VALUES "
                + "($contact, $consent, $granted, $expires, $revoked, $channel, $purpose, $entity, $outside, $slotFrom, $slotTo, $basis, $method, $text, $version, $phone, $hash, $collected, $now)"))
            {
                insert.Parameters.AddWithValue("$contact", contactId);
                insert.Parameters.AddWithValue("$consent", consentId);
                insert.Parameters.AddWithValue("$granted", consent.GrantedAt.ToUnixTimeTicks());
                insert.Parameters.AddWithValue("$expires", Ticks(consent.ExpiresAt));
                insert.Parameters.AddWithValue("$revoked", Ticks(consent.RevokedAt));
                insert.Parameters.AddWithValue("$channel", Nullable((int?)consent.Channel));
                insert.Parameters.AddWithValue("$purpose", Nullable((int?)consent.Purpose));
                insert.Parameters.AddWithValue("$entity", Nullable(consent.Entity));
                insert.Parameters.AddWithValue("$outside", consent.OutsideHours ? 1 : 0);
                insert.Parameters.AddWithValue("$slotFrom", Ticks(consent.Slot?.Start));
                insert.Parameters.AddWithValue("$slotTo", Ticks(consent.Slot?.End));
                insert.Parameters.AddWithValue("$basis", (int)consent.Basis);
                insert.Parameters.AddWithValue("$method", proof.CaptureMethod);
                insert.Parameters.AddWithValue("$text", proof.TextShown);
                insert.Parameters.AddWithValue("$version", proof.TextVersion);
                insert.Parameters.AddWithValue("$phone", Nullable(proof.PhoneNumber));
                insert.Parameters.AddWithValue("$hash", Nullable(proof.PhoneNumber is { } number ? PhoneNumbers.Hash(number) : null));
                insert.Parameters.AddWithValue("$collected", Nullable(proof.CollectedBy));
                insert.Parameters.AddWithValue("$now", Clock.GetCurrentInstant().ToUnixTimeTicks());
                insert.ExecuteNonQuery();
            }

            for (var position = 0; position < proof.EvidenceReferences.Length; position++)
            {
                using var evidence = WriterCommand("INSERT INTO consent_evidence (contact_id, consent_id, position, reference) VALUES ($contact, $consent, $position, $reference)");
                evidence.Parameters.AddWithValue("$contact", contactId);
                evidence.Parameters.AddWithValue("$consent", consentId);
                evidence.Parameters.AddWithValue("$position", position);
                evidence.Parameters.AddWithValue("$reference", proof.EvidenceReferences[position]);
                evidence.ExecuteNonQuery();
            }

            return log.AppendIn(EvidenceKinds.Consent, evidence);
        }, CancellationToken.None));

    internal override void RevokeConsentCore(string contactId, string consentId, Instant revokedAt, string evidence)
        => Write<int>(NewWrite(flush: true, reservation: false, () =>
        {
            using (var find = WriterCommand("SELECT revoked_at_ticks FROM consents WHERE contact_id = $contact AND consent_id = $consent"))
            {
                find.Parameters.AddWithValue("$contact", contactId);
                find.Parameters.AddWithValue("$consent", consentId);
                var found = find.ExecuteScalar();
                if (found is null)
                {
                    throw UnknownConsent(contactId, consentId);
                }

                if (found is long earlier && earlier <= revokedAt.ToUnixTimeTicks())
                {
                    return 0;
                }
            }

            using (var update = WriterCommand("UPDATE consents SET revoked_at_ticks = $revoked WHERE contact_id = $contact AND consent_id = $consent"))
            {
                update.Parameters.AddWithValue("$revoked", revokedAt.ToUnixTimeTicks());
                update.Parameters.AddWithValue("$contact", contactId);
                update.Parameters.AddWithValue("$consent", consentId);
                update.ExecuteNonQuery();
            }

            log.AppendIn(EvidenceKinds.Revocation, evidence);
            return 1;
        }, CancellationToken.None));

    internal override void RecordOptOutCore(string contactId, OptOut optOut, string evidence)
        => Write<EvidenceLogEntry>(NewWrite(flush: true, reservation: false, () =>
        {
            using var insert = WriterCommand(
                "INSERT INTO opt_outs (contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity, recorded_at_ticks) "
                + "VALUES ($contact, $kind, $requested, $effective, $channel, $entity, $now)");
            insert.Parameters.AddWithValue("$contact", contactId);
            insert.Parameters.AddWithValue("$kind", (int)optOut.Kind);
            insert.Parameters.AddWithValue("$requested", optOut.RequestedAt.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$effective", Ticks(optOut.EffectiveAt));
            insert.Parameters.AddWithValue("$channel", Nullable((int?)optOut.Channel));
            insert.Parameters.AddWithValue("$entity", Nullable(optOut.Entity));
            insert.Parameters.AddWithValue("$now", Clock.GetCurrentInstant().ToUnixTimeTicks());
            insert.ExecuteNonQuery();
            return log.AppendIn(EvidenceKinds.OptOut, evidence);
        }, CancellationToken.None));

    internal override void RecordRegistryEntryCore(string phoneNumber, OptOut entry, ContactRegistry registry)
        => Write<int>(NewWrite(flush: true, reservation: false, () =>
        {
            using var insert = WriterCommand(
                "INSERT OR IGNORE INTO registry_entries (phone_e164, phone_hash, registry, registered_at_ticks, effective_at_ticks, channel, recorded_at_ticks) "
                + "VALUES ($phone, $hash, $registry, $registered, $effective, $channel, $now)");
            insert.Parameters.AddWithValue("$phone", phoneNumber);
            insert.Parameters.AddWithValue("$hash", PhoneNumbers.Hash(phoneNumber));
            insert.Parameters.AddWithValue("$registry", (int)registry);
            insert.Parameters.AddWithValue("$registered", entry.RequestedAt.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$effective", Ticks(entry.EffectiveAt));
            insert.Parameters.AddWithValue("$channel", Nullable((int?)entry.Channel));
            insert.Parameters.AddWithValue("$now", Clock.GetCurrentInstant().ToUnixTimeTicks());
            return insert.ExecuteNonQuery();
        }, CancellationToken.None));

    internal override ConsentEvidence? GetConsentEvidenceCore(string contactId, string consentId)
    {
        using var lease = RentReader();
        using var transaction = lease.Connection.BeginTransaction(deferred: true);
        using var command = lease.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis, "
            + "capture_method, text_shown, text_version, phone_e164, collected_by, recorded_at_ticks FROM consents WHERE contact_id = $contact AND consent_id = $consent;"
            + "SELECT reference FROM consent_evidence WHERE contact_id = $contact AND consent_id = $consent ORDER BY position;"
            + "SELECT used_at_ticks, attempt_id FROM consent_uses WHERE contact_id = $contact AND consent_id = $consent ORDER BY used_at_ticks, id;";
        command.Parameters.AddWithValue("$contact", contactId);
        command.Parameters.AddWithValue("$consent", consentId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var consent = ReadConsent(reader, 0);
        var method = reader.GetString(ConsentColumns);
        var text = reader.GetString(ConsentColumns + 1);
        var version = reader.GetString(ConsentColumns + 2);
        var phone = ReadText(reader, ConsentColumns + 3);
        var collectedBy = ReadText(reader, ConsentColumns + 4);
        var recordedAt = Instant.FromUnixTimeTicks(reader.GetInt64(ConsentColumns + 5));
        reader.NextResult();
        var references = ImmutableArray.CreateBuilder<string>();
        while (reader.Read())
        {
            references.Add(reader.GetString(0));
        }

        reader.NextResult();
        var uses = ImmutableArray.CreateBuilder<ConsentUse>();
        while (reader.Read())
        {
            uses.Add(new ConsentUse(consentId, Instant.FromUnixTimeTicks(reader.GetInt64(0)), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        }

        var proof = new ConsentProof(method, text, version) { EvidenceReferences = references.ToImmutable(), PhoneNumber = phone, CollectedBy = collectedBy };
        return new ConsentEvidence(contactId, consent, proof, recordedAt, uses.ToImmutable());
    }

    /// <summary>An opt-out from the columns <c>kind, requested_at_ticks, effective_at_ticks, channel, entity</c>, from <paramref name="first"/> on.</summary>
    private static OptOut ReadOptOut(SqliteDataReader reader, int first)
        => new OptOut((OptOutKind)reader.GetInt32(first), Instant.FromUnixTimeTicks(reader.GetInt64(first + 1)))
        {
            EffectiveAt = ReadInstant(reader, first + 2),
            Channel = (ContactChannel?)ReadInt(reader, first + 3),
            Entity = ReadText(reader, first + 4),
        };

    /// <summary>A registry entry from the columns <c>registry, registered_at_ticks, effective_at_ticks, channel</c>, from <paramref name="first"/> on.</summary>
    private static OptOut ReadRegistryEntry(SqliteDataReader reader, int first)
        => new OptOut(OptOutKind.Registry, Instant.FromUnixTimeTicks(reader.GetInt64(first + 1)))
        {
            Registry = (ContactRegistry)reader.GetInt32(first),
            EffectiveAt = ReadInstant(reader, first + 2),
            Channel = (ContactChannel?)ReadInt(reader, first + 3),
        };

    /// <summary>The number of columns <see cref="ReadConsent"/> reads.</summary>
    private const int ConsentColumns = 11;

    /// <summary>
    /// A consent from the columns <c>consent_id, granted_at_ticks, expires_at_ticks,
    /// revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks,
    /// basis</c>, from <paramref name="first"/> on.
    /// </summary>
    private static ConsentRecord ReadConsent(SqliteDataReader reader, int first)
        => new ConsentRecord(Instant.FromUnixTimeTicks(reader.GetInt64(first + 1)))
        {
            Id = reader.GetString(first),
            ExpiresAt = ReadInstant(reader, first + 2),
            RevokedAt = ReadInstant(reader, first + 3),
            Channel = (ContactChannel?)ReadInt(reader, first + 4),
            Purpose = (ContactPurpose?)ReadInt(reader, first + 5),
            Entity = ReadText(reader, first + 6),
            OutsideHours = reader.GetInt32(first + 7) != 0,
            Slot = ReadInstant(reader, first + 8) is { } from ? new Interval(from, Instant.FromUnixTimeTicks(reader.GetInt64(first + 9))) : null,
            Basis = (ConsentBasis)reader.GetInt32(first + 10),
        };
}
