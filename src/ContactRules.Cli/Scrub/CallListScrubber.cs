using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ContactRules.Cli.Consents;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Input;
using ContactRules.Cli.Output;
using ContactRules.Cli.Zones;
using ContactRules.Internal;
using ContactRules.Registries;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// Decides every row of a call list at one instant and writes one output row per input row, in
/// the same order, streaming: memory does not grow with the list.
/// </summary>
/// <remarks>
/// <para>
/// Columns read (names matched without regard to case, spaces, hyphens and underscores; other
/// columns are ignored): <c>number</c> (E.164, required); optional <c>contactId</c>,
/// <c>timeZones</c> (IANA ids separated by <c>;</c>; when empty, derived from the number),
/// <c>channel</c> (voice, sms; default voice), <c>purpose</c> (marketing, debt-collection,
/// informational; default marketing), <c>automated</c> (true, false; default false),
/// <c>caller</c>, <c>subject</c>, <c>campaign</c>, <c>region</c> (ISO 3166-2).
/// </para>
/// <para>
/// With registry files, each number is looked up in every file and the request carries what
/// they say (<see cref="RegistryScreening"/>: an entry effective at the snapshot's date, and the
/// oldest snapshot date for the freshness rules). With a ledger, each row is decided by a
/// <see cref="ContactGate"/> on it, which reads the person's attempt history and stored facts
/// (consents, opt-outs, registry entries) and records nothing. Rows are decided in blocks of
/// 1,024 whose people the ledger reads together (<see cref="ContactGate.CheckMany"/>), and written
/// in the list's order; a ledger that cannot be read for a block refuses its rows with
/// <c>CORE-STORE-01</c>, counted apart.
/// </para>
/// <para>
/// Without a ledger, a list decided at one instant gives the same decision to every row that has
/// the same zones, channel, purpose, automation, region, caller, subject and campaign, and, with
/// registry files, the same membership in each file: no rule reads the person's id or number
/// (only the engine's no-zone refusal names the person, and rows without zones are decided one
/// by one), and a registry entry made from a file carries only the file's register and date.
/// Each such combination is decided once and its output columns kept, written as CSV bytes, in a
/// bounded cache; a list of millions of rows repeats a few hundred combinations. With a ledger,
/// the decision depends on the person's own history and facts: a row whose person has anything
/// stored is decided on its own, and only a row whose person has nothing stored (no attempt, no
/// fact: decided exactly as without a ledger) is served from that cache. Every row still has its
/// number checked and its own line written.
/// </para>
/// </remarks>
internal sealed class CallListScrubber
{
    /// <summary>The columns a list may have (ScrubCommand's manual describes each).</summary>
    internal static readonly string[] Columns = ScrubCommand.Manual.Columns.Select(c => c.Name).ToArray();

    internal const string OutputHeader = "line,number,contactId,decision,nextPermittedAt,nextPermittedLocal,rules,reasons";

    private const int MaxCachedOutcomes = 10_000;

    /// <summary>Rows decided together on a ledger: their people are read in a few queries (<see cref="ContactGate.CheckMany"/>).</summary>
    private const int LedgerBlock = 1024;

    /// <summary>
    /// Blocks whose people are asked for before the oldest is decided: a thread-pool thread has
    /// the parsing of this many blocks (a few milliseconds) to begin a read before this thread
    /// needs it and reads it itself (<see cref="LedgerRead"/>).
    /// </summary>
    private const int ReadAhead = 4;
    private const int MaxKeyBytes = 4096;
    private const byte Separator = 0x1F;

    private static readonly Regex Subdivision = new(@"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}\z", RegexOptions.CultureInvariant);

    private readonly ContactPolicy policy;
    private readonly Instant at;
    private readonly IPhoneNumberZones phoneNumberZones;
    private readonly bool cacheOutcomes;
    private readonly ContactGate? gate;
    private readonly ContactLedger? ledger;
    private readonly IReadOnlyList<RegistryFile> registries;
    private readonly ZoneList zoneList = new();
    private readonly Dictionary<byte[], ScrubOutcome> outcomes = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], ScrubOutcome>.AlternateLookup<ReadOnlySpan<byte>> outcomeLookup;
    private readonly byte[] key = new byte[MaxKeyBytes];

    private readonly Dictionary<string, CallerTally> callers = new(StringComparer.Ordinal);

    // The blocks whose people the ledger is reading on other threads while the next blocks are
    // read from the list, oldest first: the cores overlap the ledger's reads with parsing,
    // deciding and writing. Blocks decided and written wait in 'spares' for reuse.
    private readonly Queue<PendingBlock> reading = new();
    private readonly Stack<PendingBlock> spares = new();

    private CsvHeader header = null!;
    private ReaderFields readerRow = null!;
    private PendingBlock pending = null!;
    private int number, contactId, timeZones, channel, purpose, automated, caller, subject, campaign, region;
    private int[] keyColumns = Array.Empty<int>();

    /// <param name="policy">The rules.</param>
    /// <param name="at">The instant every row is decided at.</param>
    /// <param name="phoneNumberZones">Zones from numbers, for rows without <c>timeZones</c>.</param>
    /// <param name="cacheOutcomes">False to decide every row on its own (the tests compare both ways).</param>
    /// <param name="ledger">The ledger whose histories and facts decide each row, or null to decide with no history.</param>
    /// <param name="registries">The registry snapshots each number is looked up in.</param>
    internal CallListScrubber(ContactPolicy policy, Instant at, IPhoneNumberZones phoneNumberZones, bool cacheOutcomes = true, ContactLedger? ledger = null, IReadOnlyList<RegistryFile>? registries = null)
    {
        this.policy = policy;
        this.at = at;
        this.phoneNumberZones = phoneNumberZones;

        // A gate on the ledger reads the person's history and facts; its clock is never read,
        // because every row is checked at the scrub's instant, and Check records nothing.
        gate = ledger is null ? null : new ContactGate(policy, SystemClock.Instance, ledger);
        this.registries = registries ?? Array.Empty<RegistryFile>();
        this.ledger = ledger;

        // On a ledger, only rows whose person has nothing stored are decided as without one,
        // and only those are served from the cache (the bulk read's snapshots tell which).
        this.cacheOutcomes = cacheOutcomes;
        outcomeLookup = outcomes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The instant every row is decided at.</summary>
    internal Instant At => at;

    /// <summary>The rules.</summary>
    internal ContactPolicy Policy => policy;

    /// <summary>True when the rows are decided on a ledger.</summary>
    internal bool HasLedger => gate is not null;

    /// <summary>The registry files each number is looked up in.</summary>
    internal IReadOnlyList<RegistryFile> Registries => registries;

    /// <summary>The consents joined to the rows, or null.</summary>
    internal ConsentsFile? Consents { get; init; }

    /// <summary>False to read each block's people from the ledger on the scrub's own thread (the benchmarks compare both ways).</summary>
    internal bool OverlapLedgerReads { get; init; } = true;

    /// <summary>
    /// The callers of the list, once it is scrubbed on a ledger, that none of the attempts read
    /// for their rows' people names, while some of those people were called before; less those
    /// <paramref name="stated"/> as new.
    /// </summary>
    internal IEnumerable<UnknownCaller> UnknownCallers(IReadOnlyList<string> stated)
        => callers.Where(c => c.Value.People > 0 && !c.Value.Matched && !stated.Contains(c.Key, StringComparer.Ordinal))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new UnknownCaller(c.Key, c.Value.People, c.Value.Attempts, c.Value.Named));

    /// <summary>Scrubs the list: the header is already read; every record is decided and written.</summary>
    /// <param name="reader">The list, after its header.</param>
    /// <param name="listHeader">The list's header.</param>
    /// <param name="output">The decisions.</param>
    /// <param name="errors">Where rows in error are reported.</param>
    /// <param name="progress">Told of progress every few thousand rows.</param>
    internal ScrubCounts Run(CsvReader reader, CsvHeader listHeader, CsvWriter output, InputErrors errors, Action<long, long> progress)
    {
        header = listHeader;
        number = header.IndexOf("number");
        contactId = header.IndexOf("contactId");
        timeZones = header.IndexOf("timeZones");
        channel = header.IndexOf("channel");
        purpose = header.IndexOf("purpose");
        automated = header.IndexOf("automated");
        caller = header.IndexOf("caller");
        subject = header.IndexOf("subject");
        campaign = header.IndexOf("campaign");
        region = header.IndexOf("region");
        keyColumns = new[] { timeZones, channel, purpose, automated, region, caller, subject, campaign };
        readerRow = new ReaderFields(reader);
        pending = new PendingBlock(LedgerBlock, header.Count);
        reading.Clear();
        spares.Clear();

        output.Header(OutputHeader);
        var counts = new ScrubCounts();
        while (reader.TryRead(out var problem))
        {
            if (problem is not null)
            {
                WriteError(reader, output, errors, counts, problem.Column - 1, problem.Message, fieldsUsable: false);
            }
            else if (reader.FieldCount != header.Count)
            {
                WriteError(reader, output, errors, counts, -1, $"found {reader.FieldCount} fields; expected {header.Count}, one for each column of the header row", fieldsUsable: false);
            }
            else
            {
                Decide(reader, output, errors, counts);
            }

            if ((counts.Rows & 0x3FFF) == 0)
            {
                progress(counts.Rows, reader.BytesConsumed);
            }
        }

        FlushPending(output, errors, counts);
        progress(counts.Rows, reader.BytesConsumed);
        return counts;
    }

    private void Decide(CsvReader reader, CsvWriter output, InputErrors errors, ScrubCounts counts)
    {
        var numberField = Trim(reader[number]);
        if (!PhoneNumberText.IsE164(numberField))
        {
            WriteError(reader, output, errors, counts, number, numberField.IsEmpty ? $"is empty; expected {PhoneNumberText.Expected}" : $"the value ({numberField.Length} characters) is not {PhoneNumberText.Expected}", fieldsUsable: true);
            return;
        }

        if (gate is not null)
        {
            // Each row depends on its person's history and facts: rows wait for their block, and
            // the block's people are read together; a row's request is built only then.
            var numberText = Encoding.ASCII.GetString(numberField);
            var id = contactId >= 0 ? Trim(reader[contactId]) : ReadOnlySpan<byte>.Empty;
            pending.Add(reader, numberText, id.IsEmpty ? null : Encoding.UTF8.GetString(id));
            if (pending.IsFull)
            {
                // This block's people are asked for; the oldest block asked for is decided and
                // written once ReadAhead blocks wait; the next rows go to a spare block.
                Submit(pending);
                reading.Enqueue(pending);
                if (reading.Count > ReadAhead)
                {
                    CompleteOldest(output, errors, counts);
                }

                pending = spares.Count > 0 ? spares.Pop() : new PendingBlock(LedgerBlock, header.Count);
            }

            return;
        }

        ScrubOutcome? outcome = null;
        var zonesGiven = timeZones >= 0 && !Trim(reader[timeZones]).IsEmpty;
        var keyLength = zonesGiven && cacheOutcomes ? BuildKey(readerRow, numberField, null) : -1;
        if (keyLength >= 0)
        {
            var rowKey = new ReadOnlySpan<byte>(key, 0, keyLength);
            if (!outcomeLookup.TryGetValue(rowKey, out outcome))
            {
                outcome = Evaluate(readerRow, numberField, out var ownOutcome);
                if (!ownOutcome)
                {
                    if (outcomes.Count >= MaxCachedOutcomes)
                    {
                        outcomes.Clear();
                    }

                    outcomeLookup[rowKey] = outcome;
                }
            }
        }
        else
        {
            outcome = Evaluate(readerRow, numberField, out _);
        }

        if (outcome.Fields is null)
        {
            WriteError(reader, output, errors, counts, outcome.ErrorColumn, outcome.Error!, fieldsUsable: true);
            return;
        }

        WriteDecided(output, counts, reader.Line, numberField, contactId >= 0 ? reader[contactId] : ReadOnlySpan<byte>.Empty, outcome);
    }

    private static void WriteDecided(CsvWriter output, ScrubCounts counts, long line, ReadOnlySpan<byte> numberField, ReadOnlySpan<byte> contactIdField, ScrubOutcome outcome)
    {
        output.Field(line);
        output.Field(numberField);
        output.Field(contactIdField);
        foreach (var field in outcome.Fields!)
        {
            output.Verbatim(field);
        }

        output.EndRecord();
        if (outcome.Allowed)
        {
            counts.Allowed++;
        }
        else
        {
            counts.Refused++;
            if (outcome.StoreFailed)
            {
                counts.StoreFailures++;
            }
        }
    }

    /// <summary>Decides and writes every row waiting for the ledger, in the list's order.</summary>
    private void FlushPending(CsvWriter output, InputErrors errors, ScrubCounts counts)
    {
        if (pending.Count > 0)
        {
            Submit(pending);
            reading.Enqueue(pending);
            pending = spares.Count > 0 ? spares.Pop() : new PendingBlock(LedgerBlock, header.Count);
        }

        while (reading.Count > 0)
        {
            CompleteOldest(output, errors, counts);
        }
    }

    private void CompleteOldest(CsvWriter output, InputErrors errors, ScrubCounts counts)
    {
        var oldest = reading.Dequeue();
        Complete(oldest, output, errors, counts);
        spares.Push(oldest);
    }

    /// <summary>Asks the ledger for the block's people: started on a thread-pool thread, read here if still not begun when needed (<see cref="LedgerRead"/>).</summary>
    private void Submit(PendingBlock block)
    {
        if (ledger is null)
        {
            return;
        }

        var people = block.ContactList;
        (IReadOnlyList<ContactSnapshot>?, Exception?) Read()
        {
            try
            {
                var snapshots = ledger.ReadMany(people);
                return snapshots.Count == people.Count
                    ? (snapshots, (Exception?)null)
                    : (null, new InvalidOperationException($"The ledger returned {snapshots.Count} snapshots for {people.Count} people."));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                return ((IReadOnlyList<ContactSnapshot>?)null, failure);
            }
        }

        block.Snapshots = new LedgerRead(Read);
        if (OverlapLedgerReads)
        {
            block.Snapshots.Start();
        }
    }

    /// <summary>
    /// Decides the rows of a block once its people are read, and writes them in their order: the
    /// block's numbers are looked up in each registry together (prefetched), and a request is
    /// built only for a row whose person has something stored, or whose combination of deciding
    /// fields has no decision kept yet.
    /// </summary>
    private void Complete(PendingBlock pending, CsvWriter output, InputErrors errors, ScrubCounts counts)
    {
        var size = pending.Count;
        var listedBy = new bool[registries.Count][];
        for (var r = 0; r < registries.Count; r++)
        {
            listedBy[r] = new bool[size];
            registries[r].ContainsMany(pending.Numbers, listedBy[r]);
        }

        IReadOnlyList<ContactSnapshot>? snapshots = null;
        ContactDecision? unreadable = null;
        if (pending.Snapshots is { } read)
        {
            var (answer, failure) = read.Answer();
            snapshots = answer;
            unreadable = failure is null ? null : ContactDecision.Refuse(ImmutableArray.Create(CoreRules.StoreUnavailable(failure)), null);
        }

        if (snapshots is null && unreadable is null)
        {
            throw new InvalidOperationException("A block of rows waits for a ledger read that was never started.");
        }

        var listed = new bool[registries.Count];
        var outcomesOfRows = new ScrubOutcome?[size];
        for (var i = 0; i < size; i++)
        {
            for (var r = 0; r < listed.Length; r++)
            {
                listed[r] = listedBy[r][i];
            }

            var row = pending.Fields(i);
            var number = pending.Numbers[i];
            var person = pending.Contacts[i];
            var snapshot = snapshots?[i];
            var cached = snapshot is not null && cacheOutcomes && NothingStored(snapshot, person)
                && timeZones >= 0 && !Trim(row[timeZones]).IsEmpty
                && (Consents is null || Consents.For(contactId >= 0 && !Trim(row[contactId]).IsEmpty ? person.Id : null, number).IsEmpty);
            var keyLength = cached ? BuildKey(row, ReadOnlySpan<byte>.Empty, listed) : -1;
            if (keyLength >= 0 && outcomeLookup.TryGetValue(key.AsSpan(0, keyLength), out var kept))
            {
                outcomesOfRows[i] = kept;
                continue;
            }

            var invalid = Prepare(row, number, listed, out var request, out _);
            if (invalid is not null)
            {
                outcomesOfRows[i] = invalid;
            }
            else if (unreadable is not null)
            {
                outcomesOfRows[i] = Outcome(unreadable, request!.Contact.TimeZones);
            }
            else
            {
                Tally(request!.Caller, snapshot!.History);
                var outcome = Outcome(gate!.Check(request, at, snapshot), request.Contact.TimeZones);
                outcomesOfRows[i] = outcome;
                if (keyLength >= 0)
                {
                    if (outcomes.Count >= MaxCachedOutcomes)
                    {
                        outcomes.Clear();
                    }

                    outcomeLookup[key.AsSpan(0, keyLength)] = outcome;
                }
            }
        }

        for (var i = 0; i < size; i++)
        {
            var outcome = outcomesOfRows[i]!;
            var row = pending.Fields(i);
            if (outcome.Fields is null)
            {
                WriteErrorRow(row, pending.Line(i), output, errors, counts, outcome.ErrorColumn, outcome.Error!);
            }
            else
            {
                WriteDecided(output, counts, pending.Line(i), Trim(row[number]), contactId >= 0 ? row[contactId] : ReadOnlySpan<byte>.Empty, outcome);
            }
        }

        pending.Clear();
    }

    /// <summary>
    /// True when the ledger holds nothing for the person (no attempt, no fact) under the id asked
    /// for: such a row is decided exactly as without a ledger, so the kept decisions serve it.
    /// </summary>
    private static bool NothingStored(ContactSnapshot snapshot, Contact person)
        => snapshot.History.Count == 0 && snapshot.Facts.IsEmpty && string.Equals(snapshot.Contact.Id, person.Id, StringComparison.Ordinal);

    /// <summary>
    /// Notes whether the ledger's attempts for a row's person name the row's caller, so that a
    /// caller no attempt ever names (a misspelt name reads as "never called") can be reported.
    /// </summary>
    private void Tally(string? caller, ContactHistory history)
    {
        const int MaxCallers = 1024;
        if (caller is null || history.Count == 0 || (!callers.TryGetValue(caller, out var tally) && callers.Count >= MaxCallers))
        {
            return;
        }

        if (tally is null)
        {
            tally = new CallerTally();
            callers.Add(caller, tally);
        }

        tally.People++;
        tally.Attempts += history.Count;
        foreach (var attempt in history.Attempts)
        {
            if (attempt.Caller is not { } named)
            {
                continue;
            }

            if (string.Equals(named, caller, StringComparison.Ordinal))
            {
                tally.Matched = true;
                return;
            }

            if (tally.Named.Count < CallerTally.MaxNamed && !tally.Named.Contains(named, StringComparer.Ordinal))
            {
                tally.Named.Add(named);
            }
        }
    }

    /// <summary>
    /// The deciding fields joined by a separator that CSV text does not hold, then one byte per
    /// registry file saying whether the number is in it; -1 when too long to cache.
    /// </summary>
    private int BuildKey(RowFields row, ReadOnlySpan<byte> numberField, bool[]? listed)
    {
        var length = 0;
        foreach (var column in keyColumns)
        {
            var field = column >= 0 ? row[column] : ReadOnlySpan<byte>.Empty;
            if (length + field.Length + 1 > key.Length)
            {
                return -1;
            }

            field.CopyTo(key.AsSpan(length));
            length += field.Length;
            key[length++] = Separator;
        }

        if (registries.Count > 0)
        {
            if (length + registries.Count > key.Length)
            {
                return -1;
            }

            var numberText = listed is null ? Encoding.ASCII.GetString(numberField) : null;
            for (var r = 0; r < registries.Count; r++)
            {
                key[length++] = (listed is null ? registries[r].Contains(numberText!) : listed[r]) ? (byte)'1' : (byte)'0';
            }
        }

        return length;
    }

    /// <summary>Reads the deciding fields of the row, decides, and formats the decision columns.</summary>
    /// <param name="row">The row.</param>
    /// <param name="numberField">Its number, checked.</param>
    /// <param name="ownOutcome">True when the outcome is this row's only (zones from the number, consents of its own).</param>
    private ScrubOutcome Evaluate(RowFields row, ReadOnlySpan<byte> numberField, out bool ownOutcome)
        => Prepare(row, Encoding.ASCII.GetString(numberField), null, out var request, out ownOutcome)
            ?? Outcome(policy.Evaluate(request!, at, ContactHistory.Empty), request!.Contact.TimeZones);

    /// <summary>Reads the deciding fields of the row into a request.</summary>
    /// <param name="row">The row.</param>
    /// <param name="numberText">Its number, checked.</param>
    /// <param name="listed">For each registry file, whether it lists the number, when already looked up; null to look it up.</param>
    /// <param name="request">The request, with the registry files' say and the consents file's consents when there are any; null when a field is in error.</param>
    /// <param name="ownOutcome">True when the outcome is this row's only: its zones came from its number, or it has consents of its own.</param>
    /// <returns>Null, or the field in error and what was expected.</returns>
    private ScrubOutcome? Prepare(RowFields row, string numberText, bool[]? listed, out ContactRequest? request, out bool ownOutcome)
    {
        request = null;
        ownOutcome = false;
        var zones = ImmutableArray<DateTimeZone>.Empty;
        if (timeZones >= 0 && !zoneList.TryRead(Text(row, timeZones), out zones, out var zoneProblem))
        {
            return ScrubOutcome.Invalid(timeZones, zoneProblem!);
        }

        if (zones.IsEmpty)
        {
            ownOutcome = true;
            zones = phoneNumberZones.CandidateZones(numberText);
        }

        var contactChannel = ContactChannel.Voice;
        if (channel >= 0 && Text(row, channel) is { Length: > 0 } channelText && !EnumText<ContactChannel>.TryParse(channelText, out contactChannel))
        {
            return ScrubOutcome.Invalid(channel, $"unknown value '{ValueText.Shorten(channelText)}'; expected one of {EnumText<ContactChannel>.Expected}, or empty for voice");
        }

        var contactPurpose = ContactPurpose.Marketing;
        if (purpose >= 0 && Text(row, purpose) is { Length: > 0 } purposeText && !EnumText<ContactPurpose>.TryParse(purposeText, out contactPurpose))
        {
            return ScrubOutcome.Invalid(purpose, $"unknown value '{ValueText.Shorten(purposeText)}'; expected one of {EnumText<ContactPurpose>.Expected}, or empty for marketing");
        }

        var isAutomated = false;
        if (automated >= 0 && Text(row, automated) is { Length: > 0 } automatedText)
        {
            if (automatedText is not ("true" or "false"))
            {
                return ScrubOutcome.Invalid(automated, $"unknown value '{ValueText.Shorten(automatedText)}'; expected true or false, or empty for false");
            }

            isAutomated = automatedText == "true";
        }

        string? regionText = null;
        if (region >= 0 && Text(row, region) is { Length: > 0 } givenRegion)
        {
            if (!Subdivision.IsMatch(givenRegion))
            {
                return ScrubOutcome.Invalid(region, $"'{ValueText.Shorten(givenRegion)}' is not an ISO 3166-2 subdivision code; expected a country code, '-' and the subdivision, such as 'FR-67', or empty");
            }

            regionText = givenRegion;
        }

        var id = contactId >= 0 ? Text(row, contactId) : string.Empty;
        var contact = new Contact(id.Length > 0 ? id : numberText) { PhoneNumber = numberText, TimeZones = zones, Region = regionText };
        request = new ContactRequest(contact, contactChannel, contactPurpose)
        {
            Automated = isAutomated,
            Caller = NullIfEmpty(caller >= 0 ? Text(row, caller) : string.Empty),
            Subject = NullIfEmpty(subject >= 0 ? Text(row, subject) : string.Empty),
            Campaign = NullIfEmpty(campaign >= 0 ? Text(row, campaign) : string.Empty),
        };

        if (registries.Count > 0)
        {
            request = listed is null ? RegistryScreening.Screen(request, registries) : RegistryScreening.Screen(request, registries, listed);
        }

        if (Consents?.For(id.Length > 0 ? id : null, numberText) is { IsEmpty: false } consents)
        {
            request = request.WithFacts(consents, null);
            ownOutcome = true;
        }

        return null;
    }

    private ScrubOutcome Outcome(ContactDecision decision, ImmutableArray<DateTimeZone> zones)
        => ScrubOutcome.Decided(Format(decision, zones), decision.IsAllowed, decision.Violations.Any(v => v.RuleId == CoreRules.StoreUnavailableId));

    /// <summary>The columns <c>decision,nextPermittedAt,nextPermittedLocal,rules,reasons</c> of a decision.</summary>
    private static byte[][] Format(ContactDecision decision, ImmutableArray<DateTimeZone> zones)
    {
        var next = decision.NextPermittedAt;
        return new[]
        {
            SpreadsheetText.Safe(decision.IsAllowed ? "allowed" : "refused"),
            SpreadsheetText.Safe(next is { } utc ? DecisionText.Utc(utc) : null),
            SpreadsheetText.Safe(next is { } local ? (zones.IsDefaultOrEmpty ? DecisionText.Utc(local) : DecisionText.Local(local, zones[0])) : null),
            SpreadsheetText.Safe(DecisionText.Rules(decision)),
            SpreadsheetText.Safe(DecisionText.Reasons(decision)),
        };
    }

    private void WriteError(CsvReader reader, CsvWriter output, InputErrors errors, ScrubCounts counts, int column, string message, bool fieldsUsable)
    {
        // Rows waiting for their block on the ledger come first: the output keeps the list's order.
        FlushPending(output, errors, counts);
        WriteErrorRow(fieldsUsable ? readerRow : null, reader.Line, output, errors, counts, column, message);
    }

    /// <summary>Writes a row in error: its line, number and id when its fields could be read, the decision <c>error</c>, and the problem.</summary>
    private void WriteErrorRow(RowFields? row, long line, CsvWriter output, InputErrors errors, ScrubCounts counts, int column, string message)
    {
        var columnName = column >= 0 ? header.NameAt(column) : null;
        errors.Report(line, column + 1, columnName, message);
        output.Field(line);
        output.Field(row is not null && number < row.Count ? row[number] : ReadOnlySpan<byte>.Empty);
        output.Field(row is not null && contactId >= 0 && contactId < row.Count ? row[contactId] : ReadOnlySpan<byte>.Empty);
        output.Field("error");
        output.Field((string?)null);
        output.Field((string?)null);
        output.Field((string?)null);
        output.Field(InputErrors.Describe(column + 1, columnName, message));
        output.EndRecord();
        counts.InError++;
    }

    private static string Text(RowFields reader, int column) => Encoding.UTF8.GetString(Trim(reader[column]));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field) => field.Trim((byte)' ');
}

/// <summary>What the ledger's attempts say of one caller of the list: whether any names it.</summary>
internal sealed class CallerTally
{
    /// <summary>The most callers kept as examples of what the attempts do name.</summary>
    internal const int MaxNamed = 3;

    /// <summary>People of the caller's rows who have attempts in the ledger.</summary>
    internal long People { get; set; }

    /// <summary>Their attempts.</summary>
    internal long Attempts { get; set; }

    /// <summary>True once an attempt of the ledger names the caller.</summary>
    internal bool Matched { get; set; }

    /// <summary>A few callers the attempts name.</summary>
    internal List<string> Named { get; } = new();
}
