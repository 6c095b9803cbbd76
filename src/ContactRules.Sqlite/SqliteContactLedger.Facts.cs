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

    /// <inheritdoc />
    public ContactFacts GetFacts(Contact contact)
    {
        if (contact is null)
        {
            throw new ArgumentNullException(nameof(contact));
        }

        using var lease = RentReader();
        var command = lease.Command(SelectFacts);
        command.Parameters.AddWithValue("$contact", contact.Id);
        command.Parameters.AddWithValue("$phone", Nullable(contact.PhoneNumber));
        var consents = ImmutableArray.CreateBuilder<ConsentRecord>();
        var optOuts = ImmutableArray.CreateBuilder<OptOut>();
        using var reader = command.ExecuteReader();
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

    /// <inheritdoc />
    public void RecordConsent(string contactId, ConsentRecord consent, ConsentProof proof)
    {
        var consentId = LedgerPreconditions.Consent(contactId, consent, proof);
        Write(flush: true, () =>
        {
            using (var exists = WriterCommand("SELECT 1 FROM consents WHERE contact_id = $contact AND consent_id = $consent"))
            {
                exists.Parameters.AddWithValue("$contact", contactId);
                exists.Parameters.AddWithValue("$consent", consentId);
                if (exists.ExecuteScalar() is not null)
                {
                    throw new InvalidOperationException($"Contact {contactId} already has a consent with id '{consentId}'; a consent is recorded once, and revoked or superseded by a new id.");
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

            return log.AppendIn(EvidenceKinds.Consent, EvidencePayloads.Consent(contactId, consent, proof, PhoneNumbers));
        });
    }

    /// <inheritdoc />
    public void RevokeConsent(string contactId, string consentId, Instant revokedAt)
    {
        LedgerPreconditions.ConsentReference(contactId, consentId);
        Write(flush: true, () =>
        {
            using (var find = WriterCommand("SELECT revoked_at_ticks FROM consents WHERE contact_id = $contact AND consent_id = $consent"))
            {
                find.Parameters.AddWithValue("$contact", contactId);
                find.Parameters.AddWithValue("$consent", consentId);
                var found = find.ExecuteScalar();
                if (found is null)
                {
                    throw new InvalidOperationException($"Contact {contactId} has no consent with id '{consentId}'.");
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

            log.AppendIn(EvidenceKinds.Revocation, EvidencePayloads.Revocation(contactId, consentId, revokedAt));
            return 1;
        });
    }

    /// <inheritdoc />
    public void RecordOptOut(string contactId, OptOut optOut)
    {
        LedgerPreconditions.OptOut(contactId, optOut);
        Write(flush: true, () =>
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
            return log.AppendIn(EvidenceKinds.OptOut, EvidencePayloads.OptOut(contactId, optOut));
        });
    }

    /// <inheritdoc />
    public void RecordRegistryEntry(string phoneNumber, OptOut entry)
    {
        var registry = LedgerPreconditions.RegistryEntry(phoneNumber, entry);
        Write(flush: true, () =>
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
        });
    }

    /// <inheritdoc />
    public void RecordConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses)
    {
        LedgerPreconditions.ConsentUses(contactId, uses);
        if (uses.Count == 0)
        {
            return;
        }

        Write(flush: false, () => InsertConsentUses(contactId, uses));
    }

    /// <inheritdoc />
    /// <remarks>SQLite reads are local and never wait for writers (WAL): the token is looked at before the read.</remarks>
    public Task<ContactFacts> GetFactsAsync(Contact contact, CancellationToken cancellationToken = default)
    {
        if (contact is null)
        {
            throw new ArgumentNullException(nameof(contact));
        }

        return Read(() => GetFacts(contact), cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordConsentUsesAsync(string contactId, IReadOnlyCollection<ConsentUse> uses, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.ConsentUses(contactId, uses);
        return uses.Count == 0 ? Task.CompletedTask : WriteAsync(flush: false, () => InsertConsentUses(contactId, uses), isolated: true, cancellationToken);
    }

    private int InsertConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses)
    {
        foreach (var use in uses)
        {
            using var insert = WriterCommand(
                "INSERT INTO consent_uses (contact_id, consent_id, used_at_ticks, attempt_id) "
                + "SELECT $contact, $consent, $used, $attempt WHERE EXISTS (SELECT 1 FROM consents WHERE contact_id = $contact AND consent_id = $consent)");
            insert.Parameters.AddWithValue("$contact", contactId);
            insert.Parameters.AddWithValue("$consent", use.ConsentId);
            insert.Parameters.AddWithValue("$used", use.UsedAt.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$attempt", use.AttemptId is { } id ? id : DBNull.Value);
            if (insert.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"Contact {contactId} has no consent with id '{use.ConsentId}'.");
            }
        }

        return uses.Count;
    }

    /// <inheritdoc />
    public ConsentEvidence? GetConsentEvidence(string contactId, string consentId)
    {
        LedgerPreconditions.ConsentReference(contactId, consentId);
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
