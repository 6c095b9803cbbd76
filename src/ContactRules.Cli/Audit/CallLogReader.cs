using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ContactRules.Cli.Consents;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Input;
using ContactRules.Cli.Zones;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>
/// Reads a call log (CSV with a header row, one placed call per row) into audit rows. A row that
/// cannot be read is reported with its line, column and what was expected, counted, and left
/// out; the next row is read.
/// </summary>
/// <remarks>
/// Columns (names matched without regard to case, spaces, hyphens and underscores; others are
/// ignored): <c>instant</c>, <c>number</c>, <c>outcome</c>, <c>caller</c>, <c>subcontractor</c>,
/// <c>campaign</c>, <c>subject</c> required; <c>contactId</c>, <c>timeZones</c>, <c>channel</c>,
/// <c>purpose</c>, <c>region</c> optional. Empty optional values read as the evaluate contract's
/// defaults: voice, marketing, no region, the person known by the number, zones from the number.
/// An empty caller or subject is unknown, and an unknown caller or subject counts with every
/// caller or subject (the stricter reading).
/// </remarks>
internal sealed class CallLogReader
{
    /// <summary>The columns a call log must have (AuditCommand's manual says which).</summary>
    internal static readonly string[] Required = AuditCommand.Manual.Columns.Where(c => c.Required != "no").Select(c => c.Name).ToArray();

    private static readonly Instant EarliestAt = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant AfterLatestAt = Instant.FromUtc(3000, 1, 1, 0, 0);
    private static readonly Regex Subdivision = new(@"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}\z", RegexOptions.CultureInvariant);

    private readonly CsvReader reader;
    private readonly CsvHeader header;
    private readonly InputErrors errors;
    private readonly IPhoneNumberZones phoneNumberZones;
    private readonly ConsentsFile? consents;
    private readonly ZoneList zoneList = new();
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditPerson> people = new(StringComparer.Ordinal);
    private readonly int instant, number, outcome, caller, subcontractor, campaign, subject, contactId, timeZones, channel, purpose, region;

    internal CallLogReader(CsvReader reader, CsvHeader header, InputErrors errors, IPhoneNumberZones phoneNumberZones, ConsentsFile? consents = null)
    {
        this.consents = consents;
        this.reader = reader;
        this.header = header;
        this.errors = errors;
        this.phoneNumberZones = phoneNumberZones;
        instant = header.IndexOf("instant");
        number = header.IndexOf("number");
        outcome = header.IndexOf("outcome");
        caller = header.IndexOf("caller");
        subcontractor = header.IndexOf("subcontractor");
        campaign = header.IndexOf("campaign");
        subject = header.IndexOf("subject");
        contactId = header.IndexOf("contactId");
        timeZones = header.IndexOf("timeZones");
        channel = header.IndexOf("channel");
        purpose = header.IndexOf("purpose");
        region = header.IndexOf("region");
    }

    /// <summary>The people met so far, by key.</summary>
    internal IReadOnlyDictionary<string, AuditPerson> People => people;

    /// <summary>Reads every row; those in error are reported and left out.</summary>
    internal List<AuditRow> ReadAll()
    {
        var rows = new List<AuditRow>();
        while (reader.TryRead(out var readProblem))
        {
            if (header.ProblemOf(reader, readProblem) is { } problem)
            {
                errors.Report(reader.Line, problem.Column, header.NameOfColumn(problem.Column), problem.Message);
                continue;
            }

            if (TryReadRow(out var row, out var column, out var message))
            {
                rows.Add(row!);
            }
            else
            {
                errors.Report(reader.Line, column + 1, header.NameAt(column), message!);
            }
        }

        return rows;
    }

    private bool TryReadRow(out AuditRow? row, out int column, out string? problem)
    {
        row = null;
        column = instant;
        var instantText = reader.GetString(instant).Trim();
        if (!InstantText.TryParse(instantText, out var at))
        {
            problem = instantText.Length == 0 ? $"is empty; expected {InstantText.Expected}" : InstantText.Problem(instantText);
            return false;
        }

        if (at < EarliestAt || at >= AfterLatestAt)
        {
            problem = $"{DecisionWriter.Format(at)} is outside the years 1900 to 2999 that calls are audited in; expected the instant the call was placed";
            return false;
        }

        column = number;
        var numberText = reader.GetString(number).Trim();
        if (!PhoneNumberText.IsE164(numberText))
        {
            // The value is not echoed: error lines go to consoles and logs, and the line and column find it.
            problem = numberText.Length == 0 ? $"is empty; expected {PhoneNumberText.Expected}" : $"the value ({numberText.Length.ToString(CultureInfo.InvariantCulture)} characters) is not {PhoneNumberText.Expected}";
            return false;
        }

        column = outcome;
        var outcomeText = reader.GetString(outcome).Trim();
        if (!EnumText<AttemptOutcome>.TryParse(outcomeText, out var attemptOutcome))
        {
            problem = $"{Found(outcomeText)}; expected one of {EnumText<AttemptOutcome>.Expected}";
            return false;
        }

        var contactChannel = ContactChannel.Voice;
        if (channel >= 0 && reader.GetString(channel).Trim() is { Length: > 0 } channelText && !EnumText<ContactChannel>.TryParse(channelText, out contactChannel))
        {
            column = channel;
            problem = $"{Found(channelText)}; expected one of {EnumText<ContactChannel>.Expected}, or empty for voice";
            return false;
        }

        var contactPurpose = ContactPurpose.Marketing;
        if (purpose >= 0 && reader.GetString(purpose).Trim() is { Length: > 0 } purposeText && !EnumText<ContactPurpose>.TryParse(purposeText, out contactPurpose))
        {
            column = purpose;
            problem = $"{Found(purposeText)}; expected one of {EnumText<ContactPurpose>.Expected}, or empty for marketing";
            return false;
        }

        string? regionText = null;
        if (region >= 0 && reader.GetString(region).Trim() is { Length: > 0 } givenRegion)
        {
            if (!Subdivision.IsMatch(givenRegion))
            {
                column = region;
                problem = $"'{ValueText.Shorten(givenRegion)}' is not an ISO 3166-2 subdivision code; expected a country code, '-' and the subdivision, such as 'FR-67', or empty";
                return false;
            }

            regionText = Intern(givenRegion);
        }

        var zones = ImmutableArray<DateTimeZone>.Empty;
        if (timeZones >= 0)
        {
            column = timeZones;
            if (!zoneList.TryRead(reader.GetString(timeZones), out zones, out problem))
            {
                return false;
            }
        }

        if (zones.IsEmpty)
        {
            zones = phoneNumberZones.CandidateZones(numberText);
        }

        var id = contactId >= 0 ? reader.GetString(contactId).Trim() : string.Empty;
        var key = id.Length > 0 ? id : numberText;
        if (!people.TryGetValue(key, out var person))
        {
            person = new AuditPerson(key, id.Length > 0 ? id : PhoneNumberText.Mask(numberText), zones);
            people.Add(key, person);
        }

        row = new AuditRow(reader.Line, at, person, Intern(numberText), zones, attemptOutcome)
        {
            Channel = contactChannel,
            Purpose = contactPurpose,
            Region = regionText,
            Caller = TextOrNull(caller),
            Subcontractor = TextOrNull(subcontractor),
            Campaign = TextOrNull(campaign),
            Subject = TextOrNull(subject),
            Consents = consents?.For(id.Length > 0 ? id : null, numberText) ?? ImmutableArray<ConsentRecord>.Empty,
        };
        problem = null;
        return true;
    }

    private static string Found(string text) => text.Length == 0 ? "is empty" : $"unknown value '{ValueText.Shorten(text)}'";

    private string? TextOrNull(int index)
    {
        var text = reader.GetString(index).Trim();
        return text.Length == 0 ? null : Intern(text);
    }

    // Call logs repeat the same callers, campaigns and numbers on many rows: one copy each.
    private string Intern(string text)
    {
        if (strings.TryGetValue(text, out var known))
        {
            return known;
        }

        strings.Add(text, text);
        return text;
    }
}
