using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Data.Common;
using System.Threading.Tasks;

namespace ContactRules.Storage;

/// <summary>
/// The people of one <see cref="ContactLedger.ReadMany"/> call (shared by the durable ledgers
/// through InternalsVisibleTo): their distinct ids and numbers to query, the rows read for each, and the snapshots
/// built from them in the caller's order.
/// </summary>
internal sealed class BulkPeople
{
    private readonly IReadOnlyList<Contact> contacts;
    private readonly Dictionary<string, Rows> byId = new Dictionary<string, Rows>(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OptOut>> byPhone = new Dictionary<string, List<OptOut>>(StringComparer.Ordinal);

    internal BulkPeople(IReadOnlyList<Contact> contacts)
    {
        this.contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i] ?? throw new ArgumentException($"contacts[{i}] is null.", nameof(contacts));
            if (!byId.ContainsKey(contact.Id))
            {
                byId.Add(contact.Id, new Rows());
                Ids.Add(contact.Id);
            }

            if (contact.PhoneNumber is { } phone && !byPhone.ContainsKey(phone))
            {
                byPhone.Add(phone, new List<OptOut>());
                Phones.Add(phone);
            }
        }
    }

    /// <summary>The distinct ids, in first-seen order.</summary>
    internal List<string> Ids { get; } = new List<string>();

    /// <summary>The distinct numbers, in first-seen order.</summary>
    internal List<string> Phones { get; } = new List<string>();

    /// <summary>
    /// Reads the four result sets of a bulk read, in this order: attempts, consents and opt-outs,
    /// each row's first column the person's id; registry entries, the first column the number.
    /// The readers take the rest of a row's columns, from the second on. Synchronously (the task
    /// is then complete when returned) or asynchronously.
    /// </summary>
    internal async Task Read<TReader>(
        TReader reader,
        Func<TReader, int, ContactAttempt> attempt,
        Func<TReader, int, ConsentRecord> consent,
        Func<TReader, int, OptOut> optOut,
        Func<TReader, int, OptOut> registryEntry,
        bool async = false)
        where TReader : DbDataReader
    {
        while (await Next(reader, async).ConfigureAwait(false))
        {
            Person(reader.GetString(0)).Attempts.Add(attempt(reader, 1));
        }

        await NextResult(reader, async).ConfigureAwait(false);
        while (await Next(reader, async).ConfigureAwait(false))
        {
            Person(reader.GetString(0)).Consents.Add(consent(reader, 1));
        }

        await NextResult(reader, async).ConfigureAwait(false);
        while (await Next(reader, async).ConfigureAwait(false))
        {
            Person(reader.GetString(0)).OptOuts.Add(optOut(reader, 1));
        }

        await NextResult(reader, async).ConfigureAwait(false);
        while (await Next(reader, async).ConfigureAwait(false))
        {
            var phone = reader.GetString(0);
            var entries = byPhone.TryGetValue(phone, out var found) ? found : throw new InvalidOperationException("The store returned registry entries for a number that was not asked for.");
            entries.Add(registryEntry(reader, 1));
        }
    }

    private static Task<bool> Next(DbDataReader reader, bool async) => async ? reader.ReadAsync() : Task.FromResult(reader.Read());

    private static Task<bool> NextResult(DbDataReader reader, bool async) => async ? reader.NextResultAsync() : Task.FromResult(reader.NextResult());

    /// <summary>One snapshot per contact asked for, in order; people who appear twice share theirs.</summary>
    internal IReadOnlyList<ContactSnapshot> Snapshots()
    {
        var built = new Dictionary<(string, string?), ContactSnapshot>();
        var snapshots = new ContactSnapshot[contacts.Count];
        for (var i = 0; i < snapshots.Length; i++)
        {
            var contact = contacts[i];
            var key = (contact.Id, contact.PhoneNumber);
            if (!built.TryGetValue(key, out var snapshot))
            {
                var rows = byId[contact.Id];
                var optOuts = rows.OptOuts;
                if (contact.PhoneNumber is { } phone && byPhone[phone].Count > 0)
                {
                    optOuts = new List<OptOut>(optOuts);
                    optOuts.AddRange(byPhone[phone]);
                }

                var facts = rows.Consents.Count == 0 && optOuts.Count == 0
                    ? ContactFacts.None
                    : new ContactFacts(rows.Consents.ToImmutableArray(), optOuts.ToImmutableArray());
                var history = rows.Attempts.Count == 0 ? ContactHistory.Empty : ContactHistory.Create(rows.Attempts);
                snapshot = new ContactSnapshot(contact, history, facts);
                built.Add(key, snapshot);
            }

            snapshots[i] = snapshot.Contact == contact ? snapshot : new ContactSnapshot(contact, snapshot.History, snapshot.Facts);
        }

        return snapshots;
    }

    private Rows Person(string contactId)
        => byId.TryGetValue(contactId, out var rows) ? rows : throw new InvalidOperationException($"The store returned rows for a person who was not asked for.");

    private sealed class Rows
    {
        internal List<ContactAttempt> Attempts { get; } = new List<ContactAttempt>();

        internal List<ConsentRecord> Consents { get; } = new List<ConsentRecord>();

        internal List<OptOut> OptOuts { get; } = new List<OptOut>();
    }
}
