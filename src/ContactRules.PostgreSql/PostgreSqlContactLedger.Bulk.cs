using System.Collections.Generic;
using ContactRules.Storage;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <content>Reading many people at once (<see cref="IContactBulkReader"/>).</content>
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

        return Run(connection =>
        {
            using var batch = new NpgsqlBatch(connection);
            // Cast to object where an array is the only value: as params, a string[] would be the list of values itself.
            var ids = people.Ids.ToArray();
            batch.BatchCommands.Add(Statement(selectHistories, ids, Cutoff()));
            batch.BatchCommands.Add(Statement(
                $"SELECT contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours FROM {schema}.consents WHERE contact_id = ANY($1)",
                (object)ids));
            batch.BatchCommands.Add(Statement(
                $"SELECT contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity FROM {schema}.opt_outs WHERE contact_id = ANY($1) ORDER BY id",
                (object)ids));
            batch.BatchCommands.Add(Statement(
                $"SELECT phone_e164, registry, registered_at_ticks, effective_at_ticks, channel FROM {schema}.registry_entries WHERE phone_e164 = ANY($1) ORDER BY registered_at_ticks",
                (object)people.Phones.ToArray()));
            using var reader = batch.ExecuteReader();
            people.Read(reader, ReadAttempt, ReadConsent, ReadOptOut, ReadRegistryEntry);
            return people.Snapshots();
        });
    }
}
