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
/// <remarks>
/// A call list's people mostly have nothing stored: such a person costs two dictionary entries
/// (kept from block to block when the instance is <see cref="Reset"/> and reused) and their
/// snapshot, nothing more. Rows are kept only for people the store returned rows for.
/// </remarks>
internal sealed class BulkPeople
{
    private readonly Dictionary<string, int> personIndex = new Dictionary<string, int>(StringComparer.Ordinal);
    private readonly Dictionary<string, int> phoneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
    private IReadOnlyList<Contact> contacts = Array.Empty<Contact>();

    // For each contact asked for: the index of their distinct id, and of their number (-1: none).
    private int[] personOf = Array.Empty<int>();
    private int[] phoneOf = Array.Empty<int>();

    // For each distinct id, the rows read (null: none); for each distinct number, its registry entries.
    private Stored?[] stored = Array.Empty<Stored?>();
    private List<OptOut>?[] entries = Array.Empty<List<OptOut>?>();

    internal BulkPeople(IReadOnlyList<Contact> contacts)
    {
        Reset(contacts);
    }

    /// <summary>The distinct ids, in first-seen order.</summary>
    internal List<string> Ids { get; } = new List<string>();

    /// <summary>The distinct numbers, in first-seen order.</summary>
    internal List<string> Phones { get; } = new List<string>();

    /// <summary>Starts over with other people, keeping the buffers (the snapshots already returned are not touched).</summary>
    internal void Reset(IReadOnlyList<Contact> people)
    {
        contacts = people ?? throw new ArgumentNullException(nameof(people));
        Array.Clear(stored, 0, Math.Min(stored.Length, Ids.Count));
        Array.Clear(entries, 0, Math.Min(entries.Length, Phones.Count));
        personIndex.Clear();
        phoneIndex.Clear();
        Ids.Clear();
        Phones.Clear();
        if (personOf.Length < people.Count)
        {
            personOf = new int[people.Count];
            phoneOf = new int[people.Count];
        }

        for (var i = 0; i < people.Count; i++)
        {
            var contact = people[i] ?? throw new ArgumentException($"contacts[{i}] is null.", nameof(people));
            if (!personIndex.TryGetValue(contact.Id, out var person))
            {
                person = Ids.Count;
                personIndex.Add(contact.Id, person);
                Ids.Add(contact.Id);
            }

            personOf[i] = person;
            var phone = -1;
            if (contact.PhoneNumber is { } number && !phoneIndex.TryGetValue(number, out phone))
            {
                phone = Phones.Count;
                phoneIndex.Add(number, phone);
                Phones.Add(number);
            }

            phoneOf[i] = phone;
        }

        if (stored.Length < Ids.Count)
        {
            stored = new Stored?[Math.Max(Ids.Count, stored.Length * 2)];
        }

        if (entries.Length < Phones.Count)
        {
            entries = new List<OptOut>?[Math.Max(Phones.Count, entries.Length * 2)];
        }
    }

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
            var phone = phoneIndex.TryGetValue(reader.GetString(0), out var found) ? found : throw new InvalidOperationException("The store returned registry entries for a number that was not asked for.");
            (entries[phone] ??= new List<OptOut>()).Add(registryEntry(reader, 1));
        }
    }

    /// <summary>One snapshot per contact asked for, in order; people who appear twice share what was read for them.</summary>
    internal IReadOnlyList<ContactSnapshot> Snapshots()
    {
        var snapshots = new ContactSnapshot[contacts.Count];
        for (var i = 0; i < snapshots.Length; i++)
        {
            var contact = contacts[i];
            var rows = stored[personOf[i]];
            var phoneEntries = phoneOf[i] >= 0 ? entries[phoneOf[i]] : null;
            if (rows is null && phoneEntries is null)
            {
                snapshots[i] = new ContactSnapshot(contact, ContactHistory.Empty, ContactFacts.None);
                continue;
            }

            snapshots[i] = rows is null
                ? new ContactSnapshot(contact, ContactHistory.Empty, new ContactFacts(ImmutableArray<ConsentRecord>.Empty, phoneEntries!.ToImmutableArray()))
                : new ContactSnapshot(contact, rows.History(), phoneEntries is null ? rows.Facts() : rows.FactsWith(phoneEntries));
        }

        return snapshots;
    }

    private static Task<bool> Next(DbDataReader reader, bool async) => async ? reader.ReadAsync() : Task.FromResult(reader.Read());

    private static Task<bool> NextResult(DbDataReader reader, bool async) => async ? reader.NextResultAsync() : Task.FromResult(reader.NextResult());

    private Stored Person(string contactId)
    {
        var person = personIndex.TryGetValue(contactId, out var found) ? found : throw new InvalidOperationException("The store returned rows for a person who was not asked for.");
        return stored[person] ??= new Stored();
    }

    /// <summary>What the store returned for one person, and the history and facts built from it once.</summary>
    private sealed class Stored
    {
        private ContactHistory? history;
        private ContactFacts? facts;

        internal List<ContactAttempt> Attempts { get; } = new List<ContactAttempt>();

        internal List<ConsentRecord> Consents { get; } = new List<ConsentRecord>();

        internal List<OptOut> OptOuts { get; } = new List<OptOut>();

        /// <summary>The attempts as a history: the stores return them by instant (then by id), so they are taken as they come, and sorted only if not.</summary>
        internal ContactHistory History()
        {
            if (history is { } built)
            {
                return built;
            }

            var sorted = true;
            for (var i = 1; i < Attempts.Count && sorted; i++)
            {
                sorted = Attempts[i - 1].At <= Attempts[i].At;
            }

            var result = Attempts.Count == 0 ? ContactHistory.Empty
                : sorted ? ContactHistory.FromSortedUnsafe(Attempts.ToArray(), Attempts.Count)
                : ContactHistory.Create(Attempts);
            history = result;
            return result;
        }

        internal ContactFacts Facts()
            => facts ??= Consents.Count == 0 && OptOuts.Count == 0
                ? ContactFacts.None
                : new ContactFacts(Consents.ToImmutableArray(), OptOuts.ToImmutableArray());

        /// <summary>The facts with the registry entries of the person's number after their own opt-outs.</summary>
        internal ContactFacts FactsWith(List<OptOut> registryEntries)
        {
            var optOuts = ImmutableArray.CreateBuilder<OptOut>(OptOuts.Count + registryEntries.Count);
            optOuts.AddRange(OptOuts);
            optOuts.AddRange(registryEntries);
            return new ContactFacts(Consents.ToImmutableArray(), optOuts.MoveToImmutable());
        }
    }
}
