using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactRules.Sqlite;

/// <content>Reading many people at once (<see cref="IContactBulkReader"/>).</content>
public sealed partial class SqliteContactLedger
{
    /// <summary>People per query: one statement text, its unused places filled with NULL (which matches nothing).</summary>
    private const int BulkChunk = 256;

    private static readonly string SelectMany = BuildSelectMany();

    /// <inheritdoc />
    /// <remarks>
    /// Four indexed statements (attempts, consents, opt-outs, registry entries) per 256 distinct
    /// people, on one reading connection, instead of four per person.
    /// </remarks>
    public IReadOnlyList<ContactSnapshot> ReadMany(IReadOnlyList<Contact> contacts)
    {
        var people = new BulkPeople(contacts);
        using (var lease = RentReader())
        {
            var ids = people.Ids;
            var phones = people.Phones;
            for (var start = 0; start < Math.Max(ids.Count, phones.Count); start += BulkChunk)
            {
                var command = lease.Command(SelectMany);
                for (var i = 0; i < BulkChunk; i++)
                {
                    command.Parameters.AddWithValue(IdParameter(i), start + i < ids.Count ? ids[start + i] : DBNull.Value);
                    command.Parameters.AddWithValue(PhoneParameter(i), start + i < phones.Count ? phones[start + i] : DBNull.Value);
                }

                command.Parameters.AddWithValue("$cutoff", Cutoff());
                ReadChunk(command, people);
            }
        }

        return people.Snapshots();
    }

    private static void ReadChunk(SqliteCommand command, BulkPeople people)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            people.Attempts(reader.GetString(0)).Add(new ContactAttempt(
                Instant.FromUnixTimeTicks(reader.GetInt64(1)),
                (AttemptOutcome)reader.GetInt32(2),
                (ContactChannel)reader.GetInt32(3),
                (ContactPurpose)reader.GetInt32(4))
            {
                Subject = ReadText(reader, 5),
                Caller = ReadText(reader, 6),
            });
        }

        reader.NextResult();
        while (reader.Read())
        {
            people.Consents(reader.GetString(0)).Add(ReadConsent(reader, 1));
        }

        reader.NextResult();
        while (reader.Read())
        {
            people.OptOuts(reader.GetString(0)).Add(new OptOut((OptOutKind)reader.GetInt32(1), Instant.FromUnixTimeTicks(reader.GetInt64(2)))
            {
                EffectiveAt = ReadInstant(reader, 3),
                Channel = (ContactChannel?)ReadInt(reader, 4),
                Entity = ReadText(reader, 5),
            });
        }

        reader.NextResult();
        while (reader.Read())
        {
            people.RegistryEntries(reader.GetString(0)).Add(new OptOut(OptOutKind.Registry, Instant.FromUnixTimeTicks(reader.GetInt64(2)))
            {
                Registry = (ContactRegistry)reader.GetInt32(1),
                EffectiveAt = ReadInstant(reader, 3),
                Channel = (ContactChannel?)ReadInt(reader, 4),
            });
        }
    }

    private static string IdParameter(int i) => "$c" + i.ToString(CultureInfo.InvariantCulture);

    private static string PhoneParameter(int i) => "$p" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The same statements as <see cref="GetHistory"/> and <see cref="GetFacts"/>, for a chunk of people; rows carry the person (or number) they belong to.</summary>
    private static string BuildSelectMany()
    {
        var ids = string.Join(", ", Enumerable.Range(0, BulkChunk).Select(IdParameter));
        var phones = string.Join(", ", Enumerable.Range(0, BulkChunk).Select(PhoneParameter));
        return new StringBuilder()
            .Append("SELECT contact_id, at_ticks, outcome, channel, purpose, subject, caller FROM attempts ")
            .Append("WHERE contact_id IN (").Append(ids).Append(") AND (outcome <> ").Append(Reserved).Append(" OR at_ticks >= $cutoff) ORDER BY contact_id, at_ticks, id;")
            .Append("SELECT contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours FROM consents WHERE contact_id IN (").Append(ids).Append(");")
            .Append("SELECT contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity FROM opt_outs WHERE contact_id IN (").Append(ids).Append(") ORDER BY id;")
            .Append("SELECT phone_e164, registry, registered_at_ticks, effective_at_ticks, channel FROM registry_entries WHERE phone_e164 IN (").Append(phones).Append(") ORDER BY registered_at_ticks;")
            .ToString();
    }
}
