using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ContactRules.Storage;

namespace ContactRules.Sqlite;

/// <content>Reading many people at once (<see cref="ContactLedger.ReadMany"/>).</content>
public sealed partial class SqliteContactLedger
{
    // The ids and numbers go as one JSON array each (json_each): bound by name, hundreds of
    // parameters would cost SQLite a name lookup each, over every name. The array drives each
    // statement, probing the table's index once per person: written as "IN (SELECT ...)", SQLite
    // would first copy the array into a temporary index, for each statement (the ids are
    // distinct, so the join returns each row once).
    private static readonly string SelectMany =
        "SELECT a.contact_id, a.at_ticks, a.outcome, a.channel, a.purpose, a.subject, a.caller FROM json_each($ids) AS j CROSS JOIN attempts AS a ON a.contact_id = j.value "
        + "WHERE a.outcome <> " + Reserved + " OR a.at_ticks >= $cutoff ORDER BY a.contact_id, a.at_ticks, a.id;"
        + "SELECT c.contact_id, c.consent_id, c.granted_at_ticks, c.expires_at_ticks, c.revoked_at_ticks, c.channel, c.purpose, c.entity, c.outside_hours, c.slot_from_ticks, c.slot_to_ticks, c.basis "
        + "FROM json_each($ids) AS j CROSS JOIN consents AS c ON c.contact_id = j.value;"
        + "SELECT o.contact_id, o.kind, o.requested_at_ticks, o.effective_at_ticks, o.channel, o.entity FROM json_each($ids) AS j CROSS JOIN opt_outs AS o ON o.contact_id = j.value ORDER BY o.id;"
        + "SELECT r.phone_e164, r.registry, r.registered_at_ticks, r.effective_at_ticks, r.channel FROM json_each($phones) AS j CROSS JOIN registry_entries AS r ON r.phone_e164 = j.value ORDER BY r.registered_at_ticks;";

    /// <remarks>
    /// Four indexed statements (attempts, consents, opt-outs, registry entries) for the whole
    /// block, on one reading connection, instead of four for each person.
    /// </remarks>
    internal override IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts)
    {
        using var lease = RentReader();
        var people = lease.People(contacts);
        var command = lease.Command(SelectMany);
        command.Parameters.AddWithValue("$ids", JsonArray(people.Ids, lease.Json));
        command.Parameters.AddWithValue("$phones", JsonArray(people.Phones, lease.Json));
        command.Parameters.AddWithValue("$cutoff", ReservationCutoffTicks());
        using (var reader = command.ExecuteReader())
        {
            people.Read(reader, ReadAttempt, ReadConsent, ReadOptOut, ReadRegistryEntry).GetAwaiter().GetResult();
        }

        // Built before the connection, and the people's buffers with it, go back to the ledger.
        return people.Snapshots();
    }

    /// <summary>The strings as a JSON array (RFC 8259 string escapes), for <c>json_each</c>.</summary>
    internal static string JsonArray(List<string> values, StringBuilder json)
    {
        json.Clear().Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append('"');
            var value = values[i];
            if (!NeedsEscape(value))
            {
                json.Append(value).Append('"');
                continue;
            }

            foreach (var c in value)
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

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' or < ' ')
            {
                return true;
            }
        }

        return false;
    }
}
