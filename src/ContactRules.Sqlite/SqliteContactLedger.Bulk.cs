using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ContactRules.Storage;

namespace ContactRules.Sqlite;

/// <content>Reading many people at once (<see cref="ContactLedger.ReadMany"/>).</content>
public sealed partial class SqliteContactLedger
{
    // The ids and numbers go as one JSON array each (json_each): bound by name, hundreds of
    // parameters would cost SQLite a name lookup each, over every name.
    private static readonly string SelectMany =
        "SELECT contact_id, at_ticks, outcome, channel, purpose, subject, caller FROM attempts "
        + "WHERE contact_id IN (SELECT value FROM json_each($ids)) AND (outcome <> " + Reserved + " OR at_ticks >= $cutoff) ORDER BY contact_id, at_ticks, id;"
        + "SELECT contact_id, consent_id, granted_at_ticks, expires_at_ticks, revoked_at_ticks, channel, purpose, entity, outside_hours, slot_from_ticks, slot_to_ticks, basis FROM consents WHERE contact_id IN (SELECT value FROM json_each($ids));"
        + "SELECT contact_id, kind, requested_at_ticks, effective_at_ticks, channel, entity FROM opt_outs WHERE contact_id IN (SELECT value FROM json_each($ids)) ORDER BY id;"
        + "SELECT phone_e164, registry, registered_at_ticks, effective_at_ticks, channel FROM registry_entries WHERE phone_e164 IN (SELECT value FROM json_each($phones)) ORDER BY registered_at_ticks;";

    /// <remarks>
    /// Four indexed statements (attempts, consents, opt-outs, registry entries) for the whole
    /// block, on one reading connection, instead of four for each person.
    /// </remarks>
    internal override IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts)
    {
        var people = new BulkPeople(contacts);
        if (people.Ids.Count == 0)
        {
            return people.Snapshots();
        }

        using (var lease = RentReader())
        {
            var command = lease.Command(SelectMany);
            command.Parameters.AddWithValue("$ids", JsonArray(people.Ids));
            command.Parameters.AddWithValue("$phones", JsonArray(people.Phones));
            command.Parameters.AddWithValue("$cutoff", ReservationCutoffTicks());
            using var reader = command.ExecuteReader();
            people.Read(reader, ReadAttempt, ReadConsent, ReadOptOut, ReadRegistryEntry).GetAwaiter().GetResult();
        }

        return people.Snapshots();
    }

    /// <summary>The strings as a JSON array (RFC 8259 string escapes), for <c>json_each</c>.</summary>
    internal static string JsonArray(List<string> values)
    {
        var json = new StringBuilder(values.Count * 16).Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append('"');
            foreach (var c in values[i])
            {
                switch (c)
                {
                    case '"':
                        json.Append("\\\"");
                        break;
                    case '\\':
                        json.Append("\\\\");
                        break;
                    case < ' ':
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        break;
                    default:
                        json.Append(c);
                        break;
                }
            }

            json.Append('"');
        }

        return json.Append(']').ToString();
    }
}
