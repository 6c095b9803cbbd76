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
    internal override void RecordConsentCore(string contactId, string consentId, ConsentRecord consent, ConsentProof proof, string evidence)
        => DurableWrite((connection, transaction) =>
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
                throw DuplicateConsent(contactId, consentId);
            }

            log.AppendIn(connection, transaction, EvidenceKinds.Consent, evidence);
        });

    internal override void RevokeConsentCore(string contactId, string consentId, Instant revokedAt, string evidence)
        => DurableWrite((connection, transaction) =>
        {
            using (var find = new NpgsqlCommand($"SELECT revoked_at_ticks FROM {schema}.consents WHERE contact_id = $1 AND consent_id = $2 FOR UPDATE", connection, transaction))
            {
                Add(find, contactId, consentId);
                using var reader = find.ExecuteReader();
                if (!reader.Read())
                {
                    throw UnknownConsent(contactId, consentId);
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

            log.AppendIn(connection, transaction, EvidenceKinds.Revocation, evidence);
        });

    internal override void RecordOptOutCore(string contactId, OptOut optOut, string evidence)
        => DurableWrite((connection, transaction) =>
        {
            using (var insert = new NpgsqlCommand(
                $"INSERT INTO {schema}.opt_outs (contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity, recorded_at_ticks) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                connection,
                transaction))
            {
                Add(insert, contactId, (short)optOut.Kind, optOut.RequestedAt.ToUnixTimeTicks(), Ticks(optOut.EffectiveAt), (short?)optOut.Channel, optOut.Entity, Clock.GetCurrentInstant().ToUnixTimeTicks());
                insert.ExecuteNonQuery();
            }

            log.AppendIn(connection, transaction, EvidenceKinds.OptOut, evidence);
        });

    internal override void RecordRegistryEntryCore(string phoneNumber, OptOut entry, ContactRegistry registry)
        => DurableWrite((connection, transaction) =>
        {
            using var insert = new NpgsqlCommand(
                $"INSERT INTO {schema}.registry_entries (phone_e164, phone_hash, registry, registered_at_ticks, effective_at_ticks, channel, recorded_at_ticks) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                connection,
                transaction);
            Add(insert, phoneNumber, PhoneNumbers.Hash(phoneNumber), (short)registry, entry.RequestedAt.ToUnixTimeTicks(), Ticks(entry.EffectiveAt), (short?)entry.Channel, Clock.GetCurrentInstant().ToUnixTimeTicks());
            insert.ExecuteNonQuery();
        });

    internal override ConsentEvidence? GetConsentEvidenceCore(string contactId, string consentId)
        => Run(connection =>
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
    /// are acknowledged. Bounded like a decision: it is run by the node's facts thread while the
    /// caller waits for it until <see cref="ContactLedgerOptions.OperationTimeout"/>.
    /// </summary>
    /// <remarks>
    /// The evidence log's lock is taken first, before any row is touched, as the reservation
    /// batches take it before writing: a consent row locked by a revocation waiting for the log
    /// while a batch holding the log waits to record a use of that consent would deadlock.
    /// </remarks>
    /// <exception cref="TimeoutException">The deadline passed: the message says that nothing was recorded, or, when the commit was on its way, that it may have been.</exception>
    private void DurableWrite(Action<NpgsqlConnection, NpgsqlTransaction> body)
    {
        ThrowIfDisposed();
        facts.Run(new FactWrite(body, options.OperationTimeout));
    }

    /// <summary>
    /// The facts thread: each write in a transaction of its own (one write that fails, a duplicate
    /// consent say, fails alone), committed only if its caller is still waiting; one whose caller
    /// gave up before the commit is rolled back, so that "nothing was recorded" stays true.
    /// </summary>
    private void RunFacts(List<FactWrite> batch)
    {
        foreach (var write in batch)
        {
            if (!write.IsAbandoned)
            {
                RunFact(write);
            }
        }
    }

    private void RunFact(FactWrite write)
    {
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            connection = factsWriter.Open();
            transaction = connection.BeginTransaction();
            using (var durable = new NpgsqlBatch(connection, transaction))
            {
                durable.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = on"));
                durable.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL lock_timeout = {LockTimeout(write.Remaining)}"));
                durable.BatchCommands.Add(Statement("SELECT pg_advisory_xact_lock($1)", AdvisoryKeys.Log(schema)));
                durable.ExecuteNonQuery();
            }

            write.Body(connection, transaction);
            if (!write.TryCommit())
            {
                // Its caller gave up and was told that nothing was recorded.
                transaction.Rollback();
                transaction.Dispose();
                return;
            }
        }
        catch (Exception failure)
        {
            write.Failure = failure;
            Abandon(connection, transaction, IsConnectionLoss(failure, connection));
            return;
        }

        try
        {
            transaction.Commit();
            transaction.Dispose();
        }
        catch (Exception failure) when (failure is not PostgresException { SqlState: IdleInTransactionTimeout } && IsConnectionLoss(failure, connection))
        {
            // Sent, and no answer: the commit may have happened.
            write.Failure = new UncertainCommitException(ToString(), failure);
            Abandon(connection, transaction, lost: true);
        }
        catch (Exception failure)
        {
            write.Failure = failure;
            Abandon(connection, transaction, IsConnectionLoss(failure, connection));
        }
    }

    /// <summary>Ends a facts transaction that failed: rolled back on a live connection, the connection dropped (and the pool cleared) when it was lost.</summary>
    private void Abandon(NpgsqlConnection? connection, NpgsqlTransaction? transaction, bool lost)
    {
        if (!lost && connection is not null && transaction is not null)
        {
            try
            {
                transaction.Rollback();
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The connection is unusable: drop it below; the server rolls back when it closes.
                lost = true;
            }
        }

        try
        {
            transaction?.Dispose();
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            lost = true;
        }

        if (lost || connection is null || connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            factsWriter.Drop();
            if (lost)
            {
                dataSource.Clear();
            }
        }
    }
}
