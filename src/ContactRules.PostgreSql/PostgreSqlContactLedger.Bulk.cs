using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <content>
/// Reading many people at once: <see cref="IContactBulkReader"/>, and the asynchronous facts
/// reads waiting in one node, which go to the server together.
/// </content>
public sealed partial class PostgreSqlContactLedger
{
    /// <inheritdoc />
    /// <remarks>
    /// One round trip of four indexed statements (<c>= ANY($1)</c> over the distinct ids and
    /// numbers) for the whole block, instead of two round trips per person.
    /// </remarks>
    public IReadOnlyList<ContactSnapshot> ReadMany(IReadOnlyList<Contact> contacts)
    {
        var people = new BulkPeople(contacts);
        if (people.Ids.Count == 0)
        {
            return people.Snapshots();
        }

        return Run(connection => ReadSnapshots(connection, people, withHistory: true, async: false), async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reads the facts of every <see cref="FactsRead"/> of a batch in one round trip (the same
    /// statements as <see cref="ReadMany"/>, without the attempts).
    /// </summary>
    private Task ReadFactsBatch(List<FactsRead> batch, bool async)
        => Run(
            async connection =>
            {
                var contacts = new Contact[batch.Count];
                for (var i = 0; i < contacts.Length; i++)
                {
                    contacts[i] = batch[i].Contact;
                }

                var snapshots = await ReadSnapshots(connection, new BulkPeople(contacts), withHistory: false, async).ConfigureAwait(false);
                for (var i = 0; i < contacts.Length; i++)
                {
                    batch[i].Result = snapshots[i].Facts;
                }

                return true;
            },
            async,
            CancellationToken.None);

    private async Task<IReadOnlyList<ContactSnapshot>> ReadSnapshots(NpgsqlConnection connection, BulkPeople people, bool withHistory, bool async)
    {
        using var batch = new NpgsqlBatch(connection);
        // Cast to object where an array is the only value: as params, a string[] would be the list of values itself.
        var ids = people.Ids.ToArray();
        batch.BatchCommands.Add(Statement(selectHistories, withHistory ? ids : Array.Empty<string>(), Cutoff()));
        batch.BatchCommands.Add(Statement(
            $"SELECT contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis FROM {schema}.consents WHERE contact_id = ANY($1)",
            (object)ids));
        batch.BatchCommands.Add(Statement(
            $"SELECT contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity FROM {schema}.opt_outs WHERE contact_id = ANY($1) ORDER BY id",
            (object)ids));
        batch.BatchCommands.Add(Statement(
            $"SELECT phone_e164, registry, registered_at_ticks, effective_at_ticks, channel FROM {schema}.registry_entries WHERE phone_e164 = ANY($1) ORDER BY registered_at_ticks",
            (object)people.Phones.ToArray()));
        using var reader = async ? await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false) : batch.ExecuteReader();
        await people.Read(reader, ReadAttempt, ReadConsent, ReadOptOut, ReadRegistryEntry, async).ConfigureAwait(false);
        return people.Snapshots();
    }
}
