using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using NodaTime;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <content>The consent, opt-out and registry facts, and the evidence of consents.</content>
public sealed partial class PostgreSqlContactLedger
{
    /// <inheritdoc />
    public ContactFacts GetFacts(Contact contact)
    {
        if (contact is null)
        {
            throw new ArgumentNullException(nameof(contact));
        }

        return Run(connection => ReadFacts(connection, contact, async: false, CancellationToken.None), async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public Task<ContactFacts> GetFactsAsync(Contact contact, CancellationToken cancellationToken = default)
    {
        if (contact is null)
        {
            throw new ArgumentNullException(nameof(contact));
        }

        return ReadFactsTogether(contact, cancellationToken);
    }

    /// <summary>
    /// The asynchronous facts reads waiting in this node go to the server together, in one round
    /// trip (the first in line reads for all). The token is honoured while the read waits in line.
    /// </summary>
    private async Task<ContactFacts> ReadFactsTogether(Contact contact, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var read = new FactsRead(contact);
        await factReads.RunAsync(read, cancellationToken).ConfigureAwait(false);
        return read.Result!;
    }

    private async Task<ContactFacts> ReadFacts(NpgsqlConnection connection, Contact contact, bool async, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Statement(
            $"SELECT consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis FROM {schema}.consents WHERE contact_id = $1",
            contact.Id));
        batch.BatchCommands.Add(Statement(
            $"SELECT kind, requested_at_ticks, effective_at_ticks, channel, entity FROM {schema}.opt_outs WHERE contact_id = $1 ORDER BY id",
            contact.Id));
        batch.BatchCommands.Add(Statement(
            $"SELECT registry, registered_at_ticks, effective_at_ticks, channel FROM {schema}.registry_entries WHERE phone_e164 = $1 ORDER BY registered_at_ticks",
            (object?)contact.PhoneNumber ?? string.Empty));
        var consents = ImmutableArray.CreateBuilder<ConsentRecord>();
        var optOuts = ImmutableArray.CreateBuilder<OptOut>();
        using var reader = async ? await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : batch.ExecuteReader();
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
        {
            consents.Add(ReadConsent(reader, 0));
        }

        _ = async ? await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) : reader.NextResult();
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
        {
            optOuts.Add(ReadOptOut(reader, 0));
        }

        _ = async ? await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) : reader.NextResult();
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
        {
            optOuts.Add(ReadRegistryEntry(reader, 0));
        }

        return consents.Count == 0 && optOuts.Count == 0 ? ContactFacts.None : new ContactFacts(consents.ToImmutable(), optOuts.ToImmutable());
    }

    /// <inheritdoc />
    public void RecordConsent(string contactId, ConsentRecord consent, ConsentProof proof)
    {
        var consentId = LedgerPreconditions.Consent(contactId, consent, proof);
        DurableWrite((connection, transaction) =>
        {
            using var insert = new NpgsqlCommand(
                $"INSERT INTO {schema}.consents (contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis, "
                + "capture_method, text_shown, text_version, evidence_refs, phone_e164, phone_hash, collected_by, recorded_at_ticks) VALUES "
                + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT DO NOTHING",
                connection,
                transaction);
            Add(insert, contactId, consentId, consent.GrantedAt.ToUnixTimeTicks(), Ticks(consent.ExpiresAt), Ticks(consent.RevokedAt), (short?)consent.Channel, (short?)consent.Purpose, consent.Entity, consent.OutsideHours, Ticks(consent.Slot?.Start), Ticks(consent.Slot?.End), (short)consent.Basis);
            Add(insert, proof.CaptureMethod, proof.TextShown, proof.TextVersion, proof.EvidenceReferences.ToArray(), proof.PhoneNumber, proof.PhoneNumber is { } number ? PhoneNumbers.Hash(number) : null, proof.CollectedBy, Clock.GetCurrentInstant().ToUnixTimeTicks());
            if (insert.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"Contact {contactId} already has a consent with id '{consentId}'; a consent is recorded once, and revoked or superseded by a new id.");
            }

            log.AppendIn(connection, transaction, EvidenceKinds.Consent, EvidencePayloads.Consent(contactId, consent, proof, PhoneNumbers));
        });
    }

    /// <inheritdoc />
    public void RevokeConsent(string contactId, string consentId, Instant revokedAt)
    {
        LedgerPreconditions.ConsentReference(contactId, consentId);
        DurableWrite((connection, transaction) =>
        {
            using (var find = new NpgsqlCommand($"SELECT revoked_at_ticks FROM {schema}.consents WHERE contact_id = $1 AND consent_id = $2 FOR UPDATE", connection, transaction))
            {
                Add(find, contactId, consentId);
                using var reader = find.ExecuteReader();
                if (!reader.Read())
                {
                    throw new InvalidOperationException($"Contact {contactId} has no consent with id '{consentId}'.");
                }

                if (!reader.IsDBNull(0) && reader.GetInt64(0) <= revokedAt.ToUnixTimeTicks())
                {
                    return;
                }
            }

            using (var update = new NpgsqlCommand($"UPDATE {schema}.consents SET revoked_at_ticks = $1 WHERE contact_id = $2 AND consent_id = $3", connection, transaction))
            {
                Add(update, revokedAt.ToUnixTimeTicks(), contactId, consentId);
                update.ExecuteNonQuery();
            }

            log.AppendIn(connection, transaction, EvidenceKinds.Revocation, EvidencePayloads.Revocation(contactId, consentId, revokedAt));
        });
    }

    /// <inheritdoc />
    public void RecordOptOut(string contactId, OptOut optOut)
    {
        LedgerPreconditions.OptOut(contactId, optOut);
        DurableWrite((connection, transaction) =>
        {
            using (var insert = new NpgsqlCommand(
                $"INSERT INTO {schema}.opt_outs (contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity, recorded_at_ticks) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                connection,
                transaction))
            {
                Add(insert, contactId, (short)optOut.Kind, optOut.RequestedAt.ToUnixTimeTicks(), Ticks(optOut.EffectiveAt), (short?)optOut.Channel, optOut.Entity, Clock.GetCurrentInstant().ToUnixTimeTicks());
                insert.ExecuteNonQuery();
            }

            log.AppendIn(connection, transaction, EvidenceKinds.OptOut, EvidencePayloads.OptOut(contactId, optOut));
        });
    }

    /// <inheritdoc />
    public void RecordRegistryEntry(string phoneNumber, OptOut entry)
    {
        var registry = LedgerPreconditions.RegistryEntry(phoneNumber, entry);
        DurableWrite((connection, transaction) =>
        {
            using var insert = new NpgsqlCommand(
                $"INSERT INTO {schema}.registry_entries (phone_e164, phone_hash, registry, registered_at_ticks, effective_at_ticks, channel, recorded_at_ticks) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                connection,
                transaction);
            Add(insert, phoneNumber, PhoneNumbers.Hash(phoneNumber), (short)registry, entry.RequestedAt.ToUnixTimeTicks(), Ticks(entry.EffectiveAt), (short?)entry.Channel, Clock.GetCurrentInstant().ToUnixTimeTicks());
            insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    public void RecordConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses)
    {
        LedgerPreconditions.ConsentUses(contactId, uses);
        if (uses.Count > 0)
        {
            Run(connection => InsertConsentUses(connection, contactId, uses, async: false, CancellationToken.None), async: false, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    /// <remarks>The token is honoured until the commit is sent: a cancelled call rolls back and writes nothing.</remarks>
    public Task RecordConsentUsesAsync(string contactId, IReadOnlyCollection<ConsentUse> uses, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.ConsentUses(contactId, uses);
        return uses.Count == 0 ? Task.CompletedTask : Run(connection => InsertConsentUses(connection, contactId, uses, async: true, cancellationToken), async: true, cancellationToken);
    }

    private async Task<int> InsertConsentUses(NpgsqlConnection connection, string contactId, IReadOnlyCollection<ConsentUse> uses, bool async, CancellationToken cancellationToken)
    {
        using var transaction = async ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : connection.BeginTransaction();
        foreach (var use in uses)
        {
            using var insert = new NpgsqlCommand(
                $"INSERT INTO {schema}.consent_uses (contact_id, consent_id, used_at_ticks, attempt_id) "
                + $"SELECT $1::text, $2::text, $3::bigint, $4::bigint WHERE EXISTS (SELECT 1 FROM {schema}.consents WHERE contact_id = $1 AND consent_id = $2)",
                connection,
                transaction);
            Add(insert, contactId, use.ConsentId, use.UsedAt.ToUnixTimeTicks(), use.AttemptId);
            if ((async ? await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : insert.ExecuteNonQuery()) != 1)
            {
                throw new InvalidOperationException($"Contact {contactId} has no consent with id '{use.ConsentId}'.");
            }
        }

        // Not cancellable: once the commit is sent, the uses may be written.
        if (async)
        {
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            transaction.Commit();
        }

        return uses.Count;
    }

    /// <inheritdoc />
    public ConsentEvidence? GetConsentEvidence(string contactId, string consentId)
    {
        LedgerPreconditions.ConsentReference(contactId, consentId);
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Statement(
                "SELECT consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis, "
                + $"capture_method, text_shown, text_version, evidence_refs, phone_e164, collected_by, recorded_at_ticks FROM {schema}.consents WHERE contact_id = $1 AND consent_id = $2",
                contactId,
                consentId));
            batch.BatchCommands.Add(Statement(
                $"SELECT used_at_ticks, attempt_id FROM {schema}.consent_uses WHERE contact_id = $1 AND consent_id = $2 ORDER BY used_at_ticks, id",
                contactId,
                consentId));
            using var reader = batch.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var consent = ReadConsent(reader, 0);
            var proof = new ConsentProof(reader.GetString(ConsentColumns), reader.GetString(ConsentColumns + 1), reader.GetString(ConsentColumns + 2))
            {
                EvidenceReferences = reader.GetFieldValue<string[]>(ConsentColumns + 3).ToImmutableArray(),
                PhoneNumber = reader.IsDBNull(ConsentColumns + 4) ? null : reader.GetString(ConsentColumns + 4),
                CollectedBy = reader.IsDBNull(ConsentColumns + 5) ? null : reader.GetString(ConsentColumns + 5),
            };
            var recordedAt = Instant.FromUnixTimeTicks(reader.GetInt64(ConsentColumns + 6));
            reader.NextResult();
            var uses = ImmutableArray.CreateBuilder<ConsentUse>();
            while (reader.Read())
            {
                uses.Add(new ConsentUse(consentId, Instant.FromUnixTimeTicks(reader.GetInt64(0)), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
            }

            return new ConsentEvidence(contactId, consent, proof, recordedAt, uses.ToImmutable());
        });
    }

    /// <summary>An opt-out from the columns <c>kind, requested_at_ticks, effective_at_ticks, channel, entity</c>, from <paramref name="first"/> on.</summary>
    private static OptOut ReadOptOut(NpgsqlDataReader reader, int first)
        => new OptOut((OptOutKind)reader.GetInt16(first), Instant.FromUnixTimeTicks(reader.GetInt64(first + 1)))
        {
            EffectiveAt = ReadInstant(reader, first + 2),
            Channel = reader.IsDBNull(first + 3) ? null : (ContactChannel)reader.GetInt16(first + 3),
            Entity = reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
        };

    /// <summary>A registry entry from the columns <c>registry, registered_at_ticks, effective_at_ticks, channel</c>, from <paramref name="first"/> on.</summary>
    private static OptOut ReadRegistryEntry(NpgsqlDataReader reader, int first)
        => new OptOut(OptOutKind.Registry, Instant.FromUnixTimeTicks(reader.GetInt64(first + 1)))
        {
            Registry = (ContactRegistry)reader.GetInt16(first),
            EffectiveAt = ReadInstant(reader, first + 2),
            Channel = reader.IsDBNull(first + 3) ? null : (ContactChannel)reader.GetInt16(first + 3),
        };

    /// <summary>The number of columns <see cref="ReadConsent"/> reads.</summary>
    private const int ConsentColumns = 11;

    /// <summary>
    /// A consent from the columns <c>consent_id, granted_at_ticks, expires_at_ticks,
    /// revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks,
    /// basis</c>, from <paramref name="first"/> on.
    /// </summary>
    private static ConsentRecord ReadConsent(NpgsqlDataReader reader, int first)
        => new ConsentRecord(Instant.FromUnixTimeTicks(reader.GetInt64(first + 1)))
        {
            Id = reader.GetString(first),
            ExpiresAt = ReadInstant(reader, first + 2),
            RevokedAt = ReadInstant(reader, first + 3),
            Channel = reader.IsDBNull(first + 4) ? null : (ContactChannel)reader.GetInt16(first + 4),
            Purpose = reader.IsDBNull(first + 5) ? null : (ContactPurpose)reader.GetInt16(first + 5),
            Entity = reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6),
            OutsideHours = reader.GetBoolean(first + 7),
            Slot = ReadInstant(reader, first + 8) is { } from ? new Interval(from, Instant.FromUnixTimeTicks(reader.GetInt64(first + 9))) : null,
            Basis = (ConsentBasis)reader.GetInt16(first + 10),
        };

    private static Instant? ReadInstant(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    private static long? Ticks(Instant? instant) => instant?.ToUnixTimeTicks();

    private static void Add(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    /// <summary>
    /// A write that is on disk before it returns, whatever the server's default: consents,
    /// revocations, opt-outs and registry entries must survive a server crash the instant they
    /// are acknowledged.
    /// </summary>
    private void DurableWrite(Action<NpgsqlConnection, NpgsqlTransaction> body)
        => Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using (var durable = new NpgsqlCommand("SET LOCAL synchronous_commit = on", connection, transaction))
            {
                durable.ExecuteNonQuery();
            }

            body(connection, transaction);
            transaction.Commit();
            return 0;
        });
}
