using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Help;
using ContactRules.Cli.Input;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Cli.Consents;

/// <summary>
/// The consents a company holds, read from a CSV file (<c>--consents FILE</c> of audit and scrub)
/// and joined to the rows of a call log or list by person: the consents of a row are those given
/// by its contact id, and those given by its number without a contact id.
/// </summary>
/// <remarks>
/// <para>
/// A row of the file that cannot be read is reported with its line, column and what was expected,
/// as the log's rows are, and its consent is not used: a consent that cannot be read is no
/// consent, so a call it would have covered is judged without it (never allowed on a guess). The
/// command's exit code then says that not everything was read (2).
/// </para>
/// <para>
/// The file is held in memory (one entry a consent): it is the company's consent register, not a
/// list of millions of calls. The engine decides which consent covers a call (its channel,
/// purpose, professional, life and slot), exactly as for consents recorded in a ledger.
/// </para>
/// </remarks>
internal sealed class ConsentsFile
{
    /// <summary>The columns of a consents file.</summary>
    internal static IReadOnlyList<ColumnManual> Columns { get; } = new[]
    {
        new ColumnManual("contactId", "no", "the person, as the log's or list's contactId; when empty, the number identifies the person (one of the two is needed)"),
        new ColumnManual("number", "no", "the person's number, E.164; used when contactId is empty"),
        new ColumnManual("caller", "no", "the professional the consent was given to; empty or absent: it covers every caller (use it when the file holds one company's consents)"),
        new ColumnManual("channel", "yes", "voice, sms: what the person agreed to (a consent is never read wider than it was given)"),
        new ColumnManual("purpose", "yes", "marketing, debt-collection, informational"),
        new ColumnManual("grantedAt", "yes", "when the person gave it, ISO-8601 with Z or an offset"),
        new ColumnManual("expiresAt", "no", "when it lapses (exclusive); empty: no term"),
        new ColumnManual("revokedAt", "no", "when the person withdrew it (exclusive); empty: not withdrawn"),
        new ColumnManual("slotFrom", "no", "the start of the precise slot the person agreed to be called in (France, décret 2026-662); with slotTo"),
        new ColumnManual("slotTo", "no", "the end of the slot, exclusive: the slot is [slotFrom, slotTo)"),
        new ColumnManual("basis", "no", "consent (default), soft-opt-in (the ePrivacy exception for a customer's similar products)"),
        new ColumnManual("outsideHours", "no", "true when the person agreed to be called outside the legal days and hours; false (default)"),
    };

    private static readonly string[] Required = { "channel", "purpose", "grantedAt" };

    private readonly Dictionary<string, ImmutableArray<ConsentRecord>> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<ConsentRecord>> byNumber = new(StringComparer.Ordinal);

    private ConsentsFile()
    {
    }

    /// <summary>The consents read.</summary>
    internal int Count { get; private set; }

    /// <summary>The rows of the file in error (their consents are not used).</summary>
    internal long RowsInError { get; private set; }

    /// <summary>
    /// Reads the consents file <paramref name="path"/>. False, with the reason on standard error,
    /// when the file cannot be read at all (missing, no header, a required column missing); rows
    /// in error are reported and counted, and the rest is read.
    /// </summary>
    internal static bool TryRead(string command, string path, TextWriter stderr, out ConsentsFile? file)
    {
        file = null;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules {command}: --consents: cannot read the consents file '{path}': {e.Message}");
            return false;
        }

        var errors = new InputErrors(command, path, stderr);
        var consents = new ConsentsFile();
        try
        {
            using (stream)
            using (var reader = new CsvReader(stream))
            {
                if (!CsvHeader.TryRead(reader, Columns.Select(c => c.Name).ToArray(), Required, out var header, out var problem))
                {
                    stderr.WriteLine($"contactrules {command}: --consents: {path}, {problem}");
                    return false;
                }

                consents.ReadRows(reader, header!, errors);
            }
        }
        catch (IOException e)
        {
            stderr.WriteLine($"contactrules {command}: --consents: reading '{path}' failed: {e.Message}");
            return false;
        }

        consents.RowsInError = errors.Count;
        errors.WriteSummary("used (their consents are not counted: the calls they would cover are judged without them)");
        file = consents;
        return true;
    }

    /// <summary>The consents of the person known by <paramref name="contactId"/> (or null) and <paramref name="number"/>.</summary>
    internal ImmutableArray<ConsentRecord> For(string? contactId, string number)
    {
        var byPerson = contactId is { Length: > 0 } id && byId.TryGetValue(id, out var given) ? given : ImmutableArray<ConsentRecord>.Empty;
        return byNumber.TryGetValue(number, out var byTheNumber) ? byPerson.AddRange(byTheNumber) : byPerson;
    }

    private void ReadRows(CsvReader reader, CsvHeader header, InputErrors errors)
    {
        var fields = new RowFields(reader, header);
        while (reader.TryRead(out var readProblem))
        {
            if (header.ProblemOf(reader, readProblem) is { } problem)
            {
                errors.Report(reader.Line, problem.Column, header.NameOfColumn(problem.Column), problem.Message);
                continue;
            }

            if (!TryReadRow(fields, out var key, out var byContactId, out var consent, out var column, out var message))
            {
                errors.Report(reader.Line, column + 1, header.NameAt(column), message!);
                continue;
            }

            var index = byContactId ? byId : byNumber;
            index[key!] = index.TryGetValue(key!, out var known) ? known.Add(consent!) : ImmutableArray.Create(consent!);
            Count++;
        }
    }

    private static bool TryReadRow(RowFields row, out string? key, out bool byContactId, out ConsentRecord? consent, out int column, out string? problem)
    {
        key = null;
        byContactId = false;
        consent = null;
        var id = row.Text("contactId");
        var number = row.Text("number");
        column = row.Column("number") is >= 0 and var numberColumn ? numberColumn : row.Column("contactId");
        if (id.Length == 0 && number.Length == 0)
        {
            problem = "no person: contactId and number are both empty or absent; expected the person's contact id, or their E.164 number";
            column = Math.Max(column, 0);
            return false;
        }

        if (id.Length == 0 && !PhoneNumberText.IsE164(number.AsSpan()))
        {
            problem = $"the value ({number.Length} characters) is not {PhoneNumberText.Expected}";
            return false;
        }

        if (!row.TryEnum<ContactChannel>("channel", required: true, out var channel, out column, out problem)
            || !row.TryEnum<ContactPurpose>("purpose", required: true, out var purpose, out column, out problem)
            || !row.TryInstant("grantedAt", required: true, out var grantedAt, out column, out problem)
            || !row.TryInstant("expiresAt", required: false, out var expiresAt, out column, out problem)
            || !row.TryInstant("revokedAt", required: false, out var revokedAt, out column, out problem)
            || !row.TryInstant("slotFrom", required: false, out var slotFrom, out column, out problem)
            || !row.TryInstant("slotTo", required: false, out var slotTo, out column, out problem)
            || !row.TryEnum<ConsentBasis>("basis", required: false, out var basis, out column, out problem)
            || !row.TryBool("outsideHours", out var outsideHours, out column, out problem))
        {
            return false;
        }

        if (slotFrom.HasValue != slotTo.HasValue)
        {
            column = row.Column(slotFrom.HasValue ? "slotTo" : "slotFrom");
            problem = $"is empty while {(slotFrom.HasValue ? "slotFrom" : "slotTo")} is given; expected both ends of the slot, or neither";
            column = Math.Max(column, 0);
            return false;
        }

        if (slotFrom is { } from && slotTo is { } to && to <= from)
        {
            column = row.Column("slotTo");
            problem = "is not after slotFrom; expected the end of the slot, after its start (the slot is [slotFrom, slotTo))";
            return false;
        }

        var caller = row.Text("caller");
        consent = new ConsentRecord(grantedAt!.Value)
        {
            Channel = channel,
            Purpose = purpose,
            Entity = caller.Length == 0 ? null : caller,
            ExpiresAt = expiresAt,
            RevokedAt = revokedAt,
            OutsideHours = outsideHours,
            Slot = slotFrom is { } start && slotTo is { } end ? new Interval(start, end) : null,
            Basis = basis ?? ConsentBasis.Consent,
        };
        byContactId = id.Length > 0;
        key = byContactId ? id : number;
        problem = null;
        return true;
    }

    /// <summary>The fields of the consents file's current row, by column name.</summary>
    private sealed class RowFields
    {
        private readonly CsvReader reader;
        private readonly CsvHeader header;

        internal RowFields(CsvReader reader, CsvHeader header)
        {
            this.reader = reader;
            this.header = header;
        }

        internal int Column(string name) => header.IndexOf(name);

        internal string Text(string name) => header.IndexOf(name) is >= 0 and var i ? reader.GetString(i).Trim() : string.Empty;

        internal bool TryEnum<TEnum>(string name, bool required, out TEnum? value, out int column, out string? problem)
            where TEnum : struct, Enum
        {
            value = null;
            column = Column(name);
            problem = null;
            var text = Text(name);
            if (text.Length == 0)
            {
                problem = required ? $"is empty; expected one of {EnumText<TEnum>.Expected}" : null;
                return !required;
            }

            if (!EnumText<TEnum>.TryParse(text, out var parsed))
            {
                problem = $"unknown value '{ValueText.Shorten(text)}'; expected one of {EnumText<TEnum>.Expected}{(required ? string.Empty : ", or empty")}";
                return false;
            }

            value = parsed;
            return true;
        }

        internal bool TryInstant(string name, bool required, out Instant? value, out int column, out string? problem)
        {
            value = null;
            column = Column(name);
            problem = null;
            var text = Text(name);
            if (text.Length == 0)
            {
                problem = required ? $"is empty; expected {InstantText.Expected}" : null;
                return !required;
            }

            if (!InstantText.TryParse(text, out var parsed))
            {
                problem = InstantText.Problem(text);
                return false;
            }

            value = parsed;
            return true;
        }

        internal bool TryBool(string name, out bool value, out int column, out string? problem)
        {
            column = Column(name);
            problem = null;
            var text = Text(name);
            value = text == "true";
            if (text is "" or "true" or "false")
            {
                return true;
            }

            problem = $"unknown value '{ValueText.Shorten(text)}'; expected true or false, or empty for false";
            return false;
        }
    }
}
