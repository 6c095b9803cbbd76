using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules.Cli.Consents;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Help;
using ContactRules.Cli.Input;
using ContactRules.Cli.Ledger;
using ContactRules.Cli.Output;
using ContactRules.Cli.Registry;
using ContactRules.Cli.Zones;
using ContactRules.Internal;
using ContactRules.Jurisdictions;
using ContactRules.Registries;
using NodaTime;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// <c>contactrules scrub LIST.csv --policy fr [--ledger FILE | --pg CONN] [--registry FILE]... [--consents FILE] [--out FILE] [--at INSTANT]</c>:
/// decides every row of a call list at one instant (now, or <c>--at</c>) and writes one CSV row
/// per input row: the decision, every refusing rule with its reason and citation, and the next
/// permitted instant.
/// </summary>
/// <remarks>
/// Streams: memory is bounded whatever the list's size. Progress goes to standard error, as a bar
/// on a terminal and as plain lines when redirected; the decisions go to the output file, or to
/// standard output. Without a ledger the list is decided with no attempt history: it answers
/// "may these people be called at that instant, by the days, hours and lists the policy knows",
/// not "have they been called too often"; with <c>--ledger</c> or <c>--pg</c> each person's
/// history and stored facts are read (never written), with <c>--registry</c> each number is
/// looked up in the registry files, and with <c>--consents</c> a file's consents are joined to
/// the rows. Exit codes: <see cref="Manual"/>.
/// </remarks>
internal static class ScrubCommand
{
    internal static CommandManual Manual { get; } = new(
        "scrub",
        "scrub LIST.csv --policy fr [--ledger FILE | --pg CONN [--pg-schema S]] [--registry FILE]... [--consents FILE] [--new-caller NAME]... [--out FILE] [--at INSTANT]",
        "Decide every row of a call list at one instant (now, or --at) and write one CSV row per input row, in order: "
        + "line,number,contactId,decision (allowed, refused, error),nextPermittedAt (UTC),nextPermittedLocal (the same instant with the person's offset),rules (ids joined by ';'),reasons (each rule's reason and citation, joined by ' | '). "
        + "Without a ledger no attempt history is known (caps and cooldowns need one). With --ledger or --pg, each person's attempt history, consents, opt-outs and registry entries are read from the ledger (never written); "
        + "a caller of the list that none of the ledger's attempts names is an error unless stated with --new-caller (a misspelt caller would otherwise mean 'never called'). "
        + "With --registry, each number is looked up in the registry files, whose snapshot dates feed the freshness rules. With --consents, a file's consents are joined to the rows by contactId or number. "
        + "Streams in bounded memory; progress on standard error.",
        "a call list (CSV), a ledger, registry files, a consents file",
        "one decision per row (CSV)",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "every row decided (allowed or refused)",
            [ExitCodes.InputError] = "rows in error (written with the decision `error`); an unreadable list, registry or consents file; consents rows in error; a caller the ledger never saw, not stated with `--new-caller`",
            [ExitCodes.StoreUnreadable] = "the ledger cannot be opened (nothing decided), or fails for a block during the run (its rows refused with CORE-STORE-01)",
        })
    {
        Columns = new[]
        {
            new ColumnManual("number", "yes", "the number to call, E.164 (`+33612345678`)"),
            new ColumnManual("contactId", "no", "the person, as the dialer names them to the ledger; when empty, the number identifies the person; echoed in the output"),
            new ColumnManual("timeZones", "no", "IANA zones separated by `;`; when empty, derived from the number (no adapter yet: CORE-ZONE-01)"),
            new ColumnManual("channel", "no", "`voice` (default), `sms`"),
            new ColumnManual("purpose", "no", "`marketing` (default), `debt-collection`, `informational`"),
            new ColumnManual("automated", "no", "`true`, `false` (default)"),
            new ColumnManual("caller", "no", "the professional on whose behalf the call would be made; France counts per professional. Empty: unknown, and every earlier call counts"),
            new ColumnManual("subject", "no", "the matter (offer, debt id); a counting key where the law counts per subject"),
            new ColumnManual("campaign", "no", "the campaign"),
            new ColumnManual("region", "no", "ISO 3166-2 subdivision (`FR-67`)"),
        },
    };

    internal static Command Create(TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, IClock clock)
    {
        var file = new Argument<string>("list") { Description = "The call list, a CSV file with a header row (see above)." };
        var policy = new Option<string>("--policy") { Description = "The rule packs, ids joined by '+', such as 'fr'.", Required = true };
        var output = new Option<string?>("--out") { Description = "The file the decisions are written to; standard output when absent or '-'." };
        var at = new Option<string?>("--at") { Description = "The instant to decide at, ISO-8601 with Z or an offset; now when absent." };

        var registries = new Option<string[]>("--registry")
        {
            Description = "A registry file built by 'contactrules registry build' to look each number up in; repeat the option for several registers.",
            AllowMultipleArgumentsPerToken = false,
        };
        var consents = new Option<string?>("--consents") { Description = "A consents file (CSV; columns in docs/cli.md) whose consents are joined to the rows by contactId or number." };
        var newCallers = new Option<string[]>("--new-caller")
        {
            Description = "With a ledger: a caller of the list that none of the ledger's attempts names, stated as new (otherwise it is an error: a misspelt name would mean 'never called'). Repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var ledger = LedgerSource.CreateOptions("read each person's history and facts from");

        var command = new Command("scrub", Manual.HelpText()) { file, policy, output, at, registries, consents, newCallers };
        ledger.AddTo(command);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(policy)!,
            parseResult.GetValue(output),
            parseResult.GetValue(at),
            stdout,
            stderr,
            phoneNumberZones,
            clock,
            sources: new ScrubSources(parseResult.GetValue(ledger.Sqlite), parseResult.GetValue(ledger.Postgres), parseResult.GetValue(ledger.Schema), parseResult.GetValue(registries) ?? Array.Empty<string>())
            {
                ConsentsPath = parseResult.GetValue(consents),
                NewCallers = parseResult.GetValue(newCallers) ?? Array.Empty<string>(),
            }));
        return command;
    }

    internal static int Run(string path, string policyIds, string? outPath, string? atText, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, IClock clock, bool cacheOutcomes = true, ScrubSources? sources = null)
    {
        sources ??= ScrubSources.None;
        if (!RulePacks.TryResolve(policyIds, out var policy, out var policyError))
        {
            stderr.WriteLine($"contactrules scrub: --policy: {policyError}.");
            return ExitCodes.InputError;
        }

        Instant at;
        if (atText is null)
        {
            at = clock.GetCurrentInstant();
        }
        else if (!InstantText.TryParse(atText.Trim(), out at))
        {
            stderr.WriteLine($"contactrules scrub: --at: {InstantText.Problem(atText)}");
            return ExitCodes.InputError;
        }

        ConsentsFile? consents = null;
        if (sources.ConsentsPath is { } consentsPath && !ConsentsFile.TryRead("scrub", consentsPath, stderr, out consents))
        {
            return ExitCodes.InputError;
        }

        if (LedgerSource.Open("scrub", sources.LedgerPath, sources.ConnectionString, sources.Schema, required: false, stderr, out var ledger, out var ledgerName) is { } failed)
        {
            return failed;
        }

        var registries = new List<RegistryFile>();
        try
        {
            foreach (var registryPath in sources.RegistryPaths)
            {
                if (!RegistryCommand.TryOpen("scrub", registryPath, stderr, out var registry))
                {
                    return ExitCodes.InputError;
                }

                registries.Add(registry!);
            }

            var scrubber = new CallListScrubber(policy!, at, phoneNumberZones, cacheOutcomes, ledger, registries) { Consents = consents };
            return Run(path, scrubber, outPath, stdout, stderr, ledgerName, sources);
        }
        finally
        {
            foreach (var registry in registries)
            {
                registry.Dispose();
            }

            ledger?.Dispose();
        }
    }

    private static int Run(string path, CallListScrubber scrubber, string? outPath, TextWriter stdout, TextWriter stderr, string ledgerName, ScrubSources sources)
    {
        FileStream input;
        try
        {
            input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules scrub: cannot read the list '{path}': {e.Message}");
            return ExitCodes.InputError;
        }

        using (input)
        using (var reader = new CsvReader(input))
        {
            if (!CsvHeader.TryRead(reader, CallListScrubber.Columns, new[] { "number" }, out var header, out var headerProblem))
            {
                stderr.WriteLine($"contactrules scrub: {path}, {headerProblem}");
                return ExitCodes.InputError;
            }

            Stream outputStream;
            try
            {
                // A file is written behind, on a thread of its own (WriteBehindStream: its own buffers, so
                // the file's is not needed).
                outputStream = outPath is null or "-" ? StandardOutput(stdout) : new WriteBehindStream(new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"contactrules scrub: cannot write the decisions to '{outPath}': {e.Message}");
                return ExitCodes.InputError;
            }

            var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var progress = new ScrubProgress(stderr, terminal, input.Length);
            var errors = new InputErrors("scrub", path, stderr);
            ScrubCounts counts;
            try
            {
                using var writer = new CsvWriter(outputStream);
                stderr.WriteLine($"contactrules scrub: deciding {path} at {DecisionText.Utc(scrubber.At)} under policy '{scrubber.Policy.Id}'.");
                if (scrubber.HasLedger)
                {
                    stderr.WriteLine($"contactrules scrub: reading each person's history and facts from {ledgerName} (read only).");
                }

                foreach (var registry in scrubber.Registries)
                {
                    stderr.WriteLine($"contactrules scrub: looking numbers up in {registry.Path}: {EnumText<ContactRegistry>.Format(registry.Registry)} snapshot of {DecisionText.Utc(registry.SnapshotAt)}, {registry.Count.ToString("N0", CultureInfo.InvariantCulture)} numbers.");
                }

                if (scrubber.Consents is { } consents)
                {
                    stderr.WriteLine($"contactrules scrub: joining the {consents.Count.ToString("N0", CultureInfo.InvariantCulture)} consents of {sources.ConsentsPath} to the rows.");
                }

                counts = scrubber.Run(reader, header!, writer, errors, progress.Report);
                writer.Flush();

                // Everything reaches the file here, where a failure to write it is reported.
                outputStream.Flush();
            }
            catch (IOException e)
            {
                progress.Finish();
                stderr.WriteLine($"contactrules scrub: reading '{path}' or writing the decisions failed: {e.Message}");
                return ExitCodes.InputError;
            }
            finally
            {
                if (outputStream is WriteBehindStream)
                {
                    outputStream.Dispose();
                }
            }

            progress.Finish();
            static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
            stderr.WriteLine($"contactrules scrub: {N(counts.Rows)} rows: {N(counts.Allowed)} allowed, {N(counts.Refused)} refused, {N(counts.InError)} in error, in {progress.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s ({progress.Rate(counts.Rows)} rows/s).");
            errors.WriteSummary("decided (their decision is 'error')");
            var code = ExitCodes.Ok;
            if (counts.InError > 0 || scrubber.Consents is { RowsInError: > 0 })
            {
                code = ExitCodes.InputError;
            }

            foreach (var unknown in scrubber.UnknownCallers(sources.NewCallers))
            {
                var named = unknown.Named.Count > 0 ? $" (they name {string.Join(", ", unknown.Named.Select(k => $"'{ValueText.Shorten(k)}'"))})" : string.Empty;
                stderr.WriteLine($"contactrules scrub: caller '{ValueText.Shorten(unknown.Caller)}' is named by none of the {N(unknown.Attempts)} attempts the ledger holds for the {N(unknown.People)} people of its rows called before{named}: "
                    + $"its rows were decided as if it had never called them. If it is a new caller, state it with --new-caller '{ValueText.Shorten(unknown.Caller)}'; otherwise correct the list's caller column.");
                code = ExitCodes.Worst(code, ExitCodes.InputError);
            }

            if (counts.StoreFailures > 0)
            {
                stderr.WriteLine($"contactrules scrub: the ledger could not be read for {N(counts.StoreFailures)} rows; they were refused with {CoreRules.StoreUnavailableId} (never allowed on a guess).");
                code = ExitCodes.Worst(code, ExitCodes.StoreUnreadable);
            }

            return code;
        }
    }

    /// <summary>Standard output as bytes: the stream under the console's writer, or the writer itself.</summary>
    private static Stream StandardOutput(TextWriter stdout)
    {
        if (stdout is StreamWriter { BaseStream: var stream } writer)
        {
            writer.Flush();
            return stream;
        }

        return new TextWriterStream(stdout);
    }
}
