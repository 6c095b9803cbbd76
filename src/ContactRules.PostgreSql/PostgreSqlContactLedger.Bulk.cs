using System;
using System.Collections.Generic;
using ContactRules.Storage;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <content>
/// Reading people, on the ledger's reading thread: the reads waiting in one node (single people
/// and blocks) go to the server together, in one round trip of four indexed statements over all
/// their people.
/// </content>
public sealed partial class PostgreSqlContactLedger
{
    private void RunReads(List<ReadWork> batch)
    {
        var contacts = new List<Contact>();
        foreach (var work in batch)
        {
            contacts.AddRange(work.Contacts);
        }

        var people = new BulkPeople(contacts);
        IReadOnlyList<ContactSnapshot> snapshots;
        NpgsqlConnection? connection = null;
        try
        {
            connection = reader.Open();
            using var read = new NpgsqlBatch(connection);
            AddSnapshotStatements(read, people);
            using var rows = read.ExecuteReader();
            people.Read(rows, ReadAttempt, ReadConsent, ReadOptOut, ReadRegistryEntry).GetAwaiter().GetResult();
            snapshots = people.Snapshots();
        }
        catch (Exception failure) when (IsConnectionLoss(failure, connection))
        {
            reader.Drop();
            dataSource.Clear();
            throw;
        }

        var next = 0;
        foreach (var work in batch)
        {
            var result = new ContactSnapshot[work.Contacts.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = snapshots[next++];
            }

            work.Result = result;
        }
    }

    /// <summary>The four statements of a snapshot read (attempts, consents, opt-outs, registry entries), over the distinct ids and numbers of <paramref name="people"/>.</summary>
    private void AddSnapshotStatements(NpgsqlBatch batch, BulkPeople people)
    {
        // Cast to object where an array is the only value: as params, a string[] would be the list of values itself.
        var ids = people.Ids.ToArray();
        batch.BatchCommands.Add(Statement(
            $"SELECT contact_id, at_ticks, outcome, channel, purpose, subject, caller FROM {schema}.attempts "
            + $"WHERE contact_id = ANY($1) AND (outcome <> {Reserved} OR at_ticks >= $2) ORDER BY contact_id, at_ticks, id",
            ids,
            ReservationCutoffTicks()));
        batch.BatchCommands.Add(Statement(
            $"SELECT contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis FROM {schema}.consents WHERE contact_id = ANY($1)",
            (object)ids));
        batch.BatchCommands.Add(Statement(
            $"SELECT contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity FROM {schema}.opt_outs WHERE contact_id = ANY($1) ORDER BY id",
            (object)ids));
        batch.BatchCommands.Add(Statement(
            $"SELECT phone_e164, registry, registered_at_ticks, effective_at_ticks, channel FROM {schema}.registry_entries WHERE phone_e164 = ANY($1) ORDER BY registered_at_ticks",
            (object)people.Phones.ToArray()));
    }
}
