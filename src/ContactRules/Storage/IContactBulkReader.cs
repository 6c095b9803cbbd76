using System.Collections.Generic;

namespace ContactRules.Storage;

/// <summary>
/// A ledger that reads many people at once: the attempt histories and stored facts of a block of
/// people in a few queries, instead of several queries for each person. Scrubbing a call list
/// against a ledger reads this way (<see cref="ContactGate.CheckMany"/>).
/// </summary>
/// <remarks>
/// Each person's history and facts are what <see cref="IContactHistoryStore.GetHistory"/> and
/// <see cref="IContactFactsStore.GetFacts"/> would return for them. A store that cannot read
/// throws, for the whole block; it never returns an empty history or facts on a guess.
/// </remarks>
public interface IContactBulkReader
{
    /// <summary>Reads the attempt history and stored facts of each contact.</summary>
    /// <param name="contacts">The people: their ids, and their numbers for the registry entries. A person may appear more than once.</param>
    /// <returns>One snapshot per contact, in the order of <paramref name="contacts"/>.</returns>
    IReadOnlyList<ContactSnapshot> ReadMany(IReadOnlyList<Contact> contacts);
}
