using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Input;
using ContactRules.Cli.Ledger;
using ContactRules.Cli.Output;
using ContactRules.Cli.Registry;
using ContactRules.Cli.Zones;
using ContactRules.Jurisdictions;
using ContactRules.Registries;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// <c>contactrules scrub LIST.csv --policy fr [--ledger FILE | --pg CONN] [--registry FILE]... [--out FILE] [--at INSTANT]</c>: decides every row
/// of a call list at one instant (now, or <c>--at</c>) and writes one CSV row per input row:
/// the decision, every refusing rule with its reason and citation, and the next permitted
/// instant.
/// </summary>
/// <remarks>
/// Streams: memory is bounded whatever the list's size. Progress goes to standard error, as a bar
/// on a terminal and as plain lines when redirected; the decisions go to the output file, or to
/// standard output. Without a ledger the list is decided with no attempt history: it answers
/// "may these people be called at that instant, by the days, hours and lists the policy knows",
/// not "have they been called too often"; with <c>--ledger</c> or <c>--pg</c> each person's
/// history and stored facts are read (never written), and with <c>--registry</c> each number is
/// looked up in the registry files. Exit code: 0 when every row was decided (allowed or
/// refused), 2 when a row or the file could not be read (rows in error get the decision
/// <c>error</c> and are reported on standard error), when the ledger could not be read for a row
/// (the row is refused with <c>CORE-STORE-01</c>), when the ledger or a registry file cannot be
/// opened (nothing is decided), or when the command line is wrong.
/// </remarks>
internal static class ScrubCommand
{
    internal const int Decided = 0;
    internal const int InputInError = 2;

    internal const string Description =
        "Decide every row of a call list at one instant (now, or --at) with no attempt history, and write one CSV row per input row, in order: "
        + "line,number,contactId,decision (allowed, refused, error),nextPermittedAt (UTC),nextPermittedLocal (the same instant with the person's offset),rules (ids joined by ';'),reasons (each rule's reason and citation, joined by ' | '). "
        + "The list is a CSV file with a header row; columns (any order, names matched without regard to case, spaces, '-' and '_'; other columns ignored): "
        + "number (E.164), required; optional: contactId, timeZones (IANA ids separated by ';'; else derived from the number), channel (voice, sms), "
        + "purpose (marketing, debt-collection, informational), automated (true, false), caller (the professional on whose behalf), subject, campaign, region (ISO 3166-2, e.g. FR-67). "
        + "With --ledger or --pg, each person's attempt history, consents, opt-outs and registry entries are read from the ledger (never written); with --registry, each number is looked up in the registry files, whose snapshot dates feed the freshness rules. "
        + "Streams in bounded memory; progress on standard error. Exit code 0 when every row was decided, 2 when a row or the file could not be read (such rows are written with decision 'error'), "
        + "when the ledger could not be read for a row (refused with CORE-STORE-01), or when the ledger or a registry file cannot be opened.";

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
        var ledger = LedgerSource.CreateOptions("read each person's history and facts from");

        var command = new Command("scrub", Description) { file, policy, output, at, registries };
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
            sources: new ScrubSources(parseResult.GetValue(ledger.Sqlite), parseResult.GetValue(ledger.Postgres), parseResult.GetValue(ledger.Schema), parseResult.GetValue(registries) ?? Array.Empty<string>())));
        return command;
    }

    internal static int Run(string path, string policyIds, string? outPath, string? atText, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, IClock clock, bool cacheOutcomes = true, ScrubSources? sources = null)
    {
        sources ??= ScrubSources.None;
        if (!RulePacks.TryResolve(policyIds, out var policy, out var policyError))
        {
            stderr.WriteLine($"contactrules scrub: --policy: {policyError}.");
            return InputInError;
        }

        Instant at;
        if (atText is null)
        {
            at = clock.GetCurrentInstant();
        }
        else if (!InstantText.TryParse(atText.Trim(), out at))
        {
            stderr.WriteLine($"contactrules scrub: --at: {InstantText.Problem(atText)}");
            return InputInError;
        }

        if (!LedgerSource.TryOpen("scrub", sources.LedgerPath, sources.ConnectionString, sources.Schema, required: false, stderr, out var ledger, out var ledgerName))
        {
            return InputInError;
        }

        var registries = new List<RegistryFile>();
        try
        {
            foreach (var registryPath in sources.RegistryPaths)
            {
                if (!RegistryCommand.TryOpen("scrub", registryPath, stderr, out var registry))
                {
                    return InputInError;
                }

                registries.Add(registry!);
            }

            return Run(path, policy!, at, outPath, stdout, stderr, phoneNumberZones, cacheOutcomes, ledger, ledgerName, registries);
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

    private static int Run(string path, ContactPolicy policy, Instant at, string? outPath, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, bool cacheOutcomes, ContactLedger? ledger, string ledgerName, List<RegistryFile> registries)
    {
        FileStream input;
        try
        {
            input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules scrub: cannot read the list '{path}': {e.Message}");
            return InputInError;
        }

        using (input)
        using (var reader = new CsvReader(input))
        {
            if (!CsvHeader.TryRead(reader, CallListScrubber.Columns, new[] { "number" }, out var header, out var headerProblem))
            {
                stderr.WriteLine($"contactrules scrub: {path}, {headerProblem}");
                return InputInError;
            }

            Stream outputStream;
            try
            {
                outputStream = outPath is null or "-" ? StandardOutput(stdout) : new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"contactrules scrub: cannot write the decisions to '{outPath}': {e.Message}");
                return InputInError;
            }

            var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var progress = new ScrubProgress(stderr, terminal, input.Length);
            var errors = new InputErrors("scrub", path, stderr);
            ScrubCounts counts;
            try
            {
                using var writer = new CsvWriter(outputStream);
                stderr.WriteLine($"contactrules scrub: deciding {path} at {DecisionText.Utc(at)} under policy '{policy.Id}'.");
                if (ledger is not null)
                {
                    stderr.WriteLine($"contactrules scrub: reading each person's history and facts from {ledgerName} (read only).");
                }

                foreach (var registry in registries)
                {
                    stderr.WriteLine($"contactrules scrub: looking numbers up in {registry.Path}: {ContractEnum<ContactRegistry>.Format(registry.Registry)} snapshot of {DecisionText.Utc(registry.SnapshotAt)}, {registry.Count.ToString("N0", CultureInfo.InvariantCulture)} numbers.");
                }

                counts = new CallListScrubber(policy, at, phoneNumberZones, cacheOutcomes, ledger, registries).Run(reader, header!, writer, errors, progress.Report);
                writer.Flush();
            }
            catch (IOException e)
            {
                progress.Finish();
                stderr.WriteLine($"contactrules scrub: reading '{path}' or writing the decisions failed: {e.Message}");
                return InputInError;
            }
            finally
            {
                if (outputStream is FileStream)
                {
                    outputStream.Dispose();
                }
            }

            progress.Finish();
            static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
            stderr.WriteLine($"contactrules scrub: {N(counts.Rows)} rows: {N(counts.Allowed)} allowed, {N(counts.Refused)} refused, {N(counts.InError)} in error, in {progress.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s ({progress.Rate(counts.Rows)} rows/s).");
            errors.WriteSummary("decided (their decision is 'error')");
            if (counts.StoreFailures > 0)
            {
                stderr.WriteLine($"contactrules scrub: the ledger could not be read for {N(counts.StoreFailures)} rows; they were refused with {CoreRules.StoreUnavailableId} (never allowed on a guess).");
            }

            return counts.InError > 0 || counts.StoreFailures > 0 ? InputInError : Decided;
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
