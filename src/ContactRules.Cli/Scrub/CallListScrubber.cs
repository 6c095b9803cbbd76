using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Input;
using ContactRules.Cli.Output;
using ContactRules.Cli.Zones;
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
    internal static readonly string[] Columns = { "number", "contactId", "timeZones", "channel", "purpose", "automated", "caller", "subject", "campaign", "region" };

    internal const string OutputHeader = "line,number,contactId,decision,nextPermittedAt,nextPermittedLocal,rules,reasons";

    private const int MaxCachedOutcomes = 10_000;

    /// <summary>Rows decided together on a ledger: their people are read in a few queries (<see cref="ContactGate.CheckMany"/>).</summary>
    private const int LedgerBlock = 1024;
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
    private readonly MemoryStream formatted = new();
    private readonly CsvWriter formatter;
    private readonly List<PendingRow> pending = new();

    private CsvHeader header = null!;
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
        formatter = new CsvWriter(formatted);
    }

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

        output.Fields(Encoding.UTF8.GetBytes(OutputHeader));
        output.EndRecord();
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

        FlushPending(output, counts);
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
            // the block's people are read together.
            var invalid = Prepare(reader, numberField, out var request, out var numberGaveZones);
            if (invalid is not null)
            {
                WriteError(reader, output, errors, counts, invalid.ErrorColumn, invalid.Error!, fieldsUsable: true);
                return;
            }

            var rowKeyLength = cacheOutcomes && !numberGaveZones ? BuildKey(reader, numberField) : -1;
            var rowKey = rowKeyLength >= 0 ? key.AsSpan(0, rowKeyLength).ToArray() : null;
            pending.Add(new PendingRow(reader.Line, numberField.ToArray(), contactId >= 0 ? reader[contactId].ToArray() : Array.Empty<byte>(), request!, rowKey));
            if (pending.Count == LedgerBlock)
            {
                FlushPending(output, counts);
            }

            return;
        }

        ScrubOutcome? outcome = null;
        var zonesGiven = timeZones >= 0 && !Trim(reader[timeZones]).IsEmpty;
        var keyLength = zonesGiven && cacheOutcomes ? BuildKey(reader, numberField) : -1;
        if (keyLength >= 0)
        {
            var rowKey = new ReadOnlySpan<byte>(key, 0, keyLength);
            if (!outcomeLookup.TryGetValue(rowKey, out outcome))
            {
                outcome = Evaluate(reader, numberField, out var numberGaveZones);
                if (!numberGaveZones)
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
            outcome = Evaluate(reader, numberField, out _);
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
        output.Fields(outcome.Fields);
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

    /// <summary>Decides the rows waiting for their block on the ledger, and writes them in their order.</summary>
    private void FlushPending(CsvWriter output, ScrubCounts counts)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var requests = new ContactRequest[pending.Count];
        for (var i = 0; i < requests.Length; i++)
        {
            requests[i] = pending[i].Request;
        }

        // ContactGate.CheckMany, with the snapshots in hand: a person with nothing stored is
        // decided exactly as without a ledger, so the ledger-less cache can serve them.
        IReadOnlyList<ContactSnapshot>? snapshots = null;
        ContactDecision? unreadable = null;
        try
        {
            var contacts = new Contact[requests.Length];
            for (var i = 0; i < contacts.Length; i++)
            {
                contacts[i] = requests[i].Contact;
            }

            snapshots = ledger!.ReadMany(contacts);
            if (snapshots.Count != contacts.Length)
            {
                throw new InvalidOperationException($"The ledger returned {snapshots.Count} snapshots for {contacts.Length} people.");
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            unreadable = ContactDecision.Refuse(ImmutableArray.Create(CoreRules.StoreUnavailable(failure)), null);
        }

        for (var i = 0; i < requests.Length; i++)
        {
            var row = pending[i];
            var outcome = unreadable is not null
                ? Outcome(unreadable, row.Request.Contact.TimeZones)
                : DecideOnLedger(row, snapshots![i]);
            WriteDecided(output, counts, row.Line, row.Number, row.ContactId, outcome);
        }

        pending.Clear();
    }

    private ScrubOutcome DecideOnLedger(PendingRow row, ContactSnapshot snapshot)
    {
        var zones = row.Request.Contact.TimeZones;
        var nothingStored = snapshot.History.Count == 0 && snapshot.Facts.IsEmpty
            && string.Equals(snapshot.Contact.Id, row.Request.Contact.Id, StringComparison.Ordinal);
        if (!nothingStored || row.Key is null)
        {
            return Outcome(gate!.Check(row.Request, at, snapshot), zones);
        }

        if (!outcomes.TryGetValue(row.Key, out var outcome))
        {
            outcome = Outcome(gate!.Check(row.Request, at, snapshot), zones);
            if (outcomes.Count >= MaxCachedOutcomes)
            {
                outcomes.Clear();
            }

            outcomes[row.Key] = outcome;
        }

        return outcome;
    }

    /// <summary>
    /// The deciding fields joined by a separator that CSV text does not hold, then one byte per
    /// registry file saying whether the number is in it; -1 when too long to cache.
    /// </summary>
    private int BuildKey(CsvReader reader, ReadOnlySpan<byte> numberField)
    {
        var length = 0;
        foreach (var column in keyColumns)
        {
            var field = column >= 0 ? reader[column] : ReadOnlySpan<byte>.Empty;
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

            var numberText = Encoding.ASCII.GetString(numberField);
            foreach (var registry in registries)
            {
                key[length++] = registry.Contains(numberText) ? (byte)'1' : (byte)'0';
            }
        }

        return length;
    }

    /// <summary>Reads the deciding fields of the row, decides, and formats the decision columns.</summary>
    /// <param name="reader">The row.</param>
    /// <param name="numberField">Its number, checked.</param>
    /// <param name="numberGaveZones">True when the zones came from the number, so that the outcome is this row's only.</param>
    private ScrubOutcome Evaluate(CsvReader reader, ReadOnlySpan<byte> numberField, out bool numberGaveZones)
        => Prepare(reader, numberField, out var request, out numberGaveZones)
            ?? Outcome(policy.Evaluate(request!, at, ContactHistory.Empty), request!.Contact.TimeZones);

    /// <summary>Reads the deciding fields of the row into a request.</summary>
    /// <param name="reader">The row.</param>
    /// <param name="numberField">Its number, checked.</param>
    /// <param name="request">The request, with the registry files' say when there are any; null when a field is in error.</param>
    /// <param name="numberGaveZones">True when the zones came from the number, so that the outcome is this row's only.</param>
    /// <returns>Null, or the field in error and what was expected.</returns>
    private ScrubOutcome? Prepare(CsvReader reader, ReadOnlySpan<byte> numberField, out ContactRequest? request, out bool numberGaveZones)
    {
        request = null;
        numberGaveZones = false;
        var numberText = Encoding.ASCII.GetString(numberField);
        var zones = ImmutableArray<DateTimeZone>.Empty;
        if (timeZones >= 0 && !zoneList.TryRead(Text(reader, timeZones), out zones, out var zoneProblem))
        {
            return ScrubOutcome.Invalid(timeZones, zoneProblem!);
        }

        if (zones.IsEmpty)
        {
            numberGaveZones = true;
            zones = phoneNumberZones.CandidateZones(numberText);
        }

        var contactChannel = ContactChannel.Voice;
        if (channel >= 0 && Text(reader, channel) is { Length: > 0 } channelText && !ContractEnum<ContactChannel>.TryParse(channelText, out contactChannel))
        {
            return ScrubOutcome.Invalid(channel, $"unknown value '{ValueText.Shorten(channelText)}'; expected one of {ContractEnum<ContactChannel>.Expected}, or empty for voice");
        }

        var contactPurpose = ContactPurpose.Marketing;
        if (purpose >= 0 && Text(reader, purpose) is { Length: > 0 } purposeText && !ContractEnum<ContactPurpose>.TryParse(purposeText, out contactPurpose))
        {
            return ScrubOutcome.Invalid(purpose, $"unknown value '{ValueText.Shorten(purposeText)}'; expected one of {ContractEnum<ContactPurpose>.Expected}, or empty for marketing");
        }

        var isAutomated = false;
        if (automated >= 0 && Text(reader, automated) is { Length: > 0 } automatedText)
        {
            if (automatedText is not ("true" or "false"))
            {
                return ScrubOutcome.Invalid(automated, $"unknown value '{ValueText.Shorten(automatedText)}'; expected true or false, or empty for false");
            }

            isAutomated = automatedText == "true";
        }

        string? regionText = null;
        if (region >= 0 && Text(reader, region) is { Length: > 0 } givenRegion)
        {
            if (!Subdivision.IsMatch(givenRegion))
            {
                return ScrubOutcome.Invalid(region, $"'{ValueText.Shorten(givenRegion)}' is not an ISO 3166-2 subdivision code; expected a country code, '-' and the subdivision, such as 'FR-67', or empty");
            }

            regionText = givenRegion;
        }

        var id = contactId >= 0 ? Text(reader, contactId) : string.Empty;
        var contact = new Contact(id.Length > 0 ? id : numberText) { PhoneNumber = numberText, TimeZones = zones, Region = regionText };
        request = new ContactRequest(contact, contactChannel, contactPurpose)
        {
            Automated = isAutomated,
            Caller = NullIfEmpty(caller >= 0 ? Text(reader, caller) : string.Empty),
            Subject = NullIfEmpty(subject >= 0 ? Text(reader, subject) : string.Empty),
            Campaign = NullIfEmpty(campaign >= 0 ? Text(reader, campaign) : string.Empty),
        };

        if (registries.Count > 0)
        {
            request = RegistryScreening.Screen(request, registries);
        }

        return null;
    }

    private ScrubOutcome Outcome(ContactDecision decision, ImmutableArray<DateTimeZone> zones)
        => ScrubOutcome.Decided(Format(decision, zones), decision.IsAllowed, decision.Violations.Any(v => v.RuleId == CoreRules.StoreUnavailableId));

    /// <summary>The columns <c>decision,nextPermittedAt,nextPermittedLocal,rules,reasons</c> of a decision.</summary>
    private byte[] Format(ContactDecision decision, ImmutableArray<DateTimeZone> zones)
    {
        formatted.SetLength(0);
        formatter.Field(decision.IsAllowed ? "allowed" : "refused");
        if (decision.NextPermittedAt is { } next)
        {
            formatter.Field(DecisionText.Utc(next));
            formatter.Field(zones.IsDefaultOrEmpty ? DecisionText.Utc(next) : DecisionText.Local(next, zones[0]));
        }
        else
        {
            formatter.Field((string?)null);
            formatter.Field((string?)null);
        }

        formatter.Field(DecisionText.Rules(decision));
        formatter.Field(DecisionText.Reasons(decision));
        formatter.EndRecord();
        formatter.Flush();

        // The record's line end is the output row's, written there: keep the fields only.
        return formatted.GetBuffer().AsSpan(0, (int)formatted.Length - 1).ToArray();
    }

    private void WriteError(CsvReader reader, CsvWriter output, InputErrors errors, ScrubCounts counts, int column, string message, bool fieldsUsable)
    {
        // Rows waiting for their block on the ledger come first: the output keeps the list's order.
        FlushPending(output, counts);
        var columnName = column >= 0 ? header.NameAt(column) : null;
        errors.Report(reader.Line, column + 1, columnName, message);
        output.Field(reader.Line);
        output.Field(fieldsUsable && number < reader.FieldCount ? reader[number] : ReadOnlySpan<byte>.Empty);
        output.Field(fieldsUsable && contactId >= 0 && contactId < reader.FieldCount ? reader[contactId] : ReadOnlySpan<byte>.Empty);
        output.Field("error");
        output.Field((string?)null);
        output.Field((string?)null);
        output.Field((string?)null);
        output.Field(InputErrors.Describe(column + 1, columnName, message));
        output.EndRecord();
        counts.InError++;
    }

    private static string Text(CsvReader reader, int column) => Encoding.UTF8.GetString(Trim(reader[column]));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field) => field.Trim((byte)' ');
}

/// <summary>A row waiting for its block on the ledger: what its output line needs, its request, and its cache key.</summary>
/// <param name="Line">The row's line in the list.</param>
/// <param name="Number">Its number, as written.</param>
/// <param name="ContactId">Its contact id, as written.</param>
/// <param name="Request">What is decided for it.</param>
/// <param name="Key">Its deciding fields as a cache key, or null when its outcome is its own.</param>
internal readonly record struct PendingRow(long Line, byte[] Number, byte[] ContactId, ContactRequest Request, byte[]? Key);
