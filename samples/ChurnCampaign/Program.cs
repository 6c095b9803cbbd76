using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules;
using ContactRules.Jurisdictions;
using ContactRules.Sqlite;
using ContactRules.Storage;
using System.Security.Cryptography;
using NodaTime;

namespace ChurnCampaign;

/// <summary>
/// Replays a retention campaign of a French operator twice — as predictive dialers run it
/// without ContactRules, and through a ContactGate with the fr pack — and shows the difference.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var options = Options.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        return Run(options, Console.Out);
    }

    internal static int Run(Options options, TextWriter output)
    {
        Directory.CreateDirectory(options.WorkFolder);
        var total = Stopwatch.StartNew();
        var policy = RulePacks.Get("fr");
        var progress = new Progress(output);

        output.WriteLine($"Churn campaign replay: {options.Customers:N0} customers, seed {options.Seed}, from {options.Start:yyyy-MM-dd} for {options.Days} days, pack '{policy.Id}'.");
        var model = CampaignModel.Create(options.Customers, options.Seed, options.Start, options.Days);
        output.WriteLine($"The dialer proposes {model.Proposals.Length:N0} calls.");

        var without = Simulation.WithoutContactRules(model, policy, progress.For("Replaying without ContactRules"));
        // The embedded default: a SQLite ledger in the working folder, started afresh so that the
        // replay is reproducible; the gate records every reservation, outcome and decision in it.
        var ledgerPath = Path.Combine(options.WorkFolder, "ledger.db");
        foreach (var stale in new[] { ledgerPath, ledgerPath + "-wal", ledgerPath + "-shm" })
        {
            File.Delete(stale);
        }

        SqliteContactLedger? ledger = null;
        CampaignRun with;
        try
        {
            with = Simulation.ThroughGate(
                model,
                policy,
                clock =>
                {
                    ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(ledgerPath, new PhoneNumberHasher(RandomNumberGenerator.GetBytes(32))) { Clock = clock });
                    return new ContactGate(policy, clock, ledger);
                },
                progress.For("Replaying through ContactGate   "));
        }
        finally
        {
            ledger?.Dispose();
        }

        var withoutFigures = CampaignFigures.Of(without, model);
        var withFigures = CampaignFigures.Of(with, model);
        output.WriteLine();
        PrintTable(output, withoutFigures, withFigures, with);

        var report = Path.GetFullPath(Path.Combine(options.WorkFolder, "churn-report.html"));
        ReportWriter.Write(report, policy, model, without, withoutFigures, with, withFigures);
        output.WriteLine();
        output.WriteLine($"Ledger: {Path.GetFullPath(ledgerPath)}");
        output.WriteLine($"Report: {report}");
        output.WriteLine($"Done in {total.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static void PrintTable(TextWriter output, CampaignFigures without, CampaignFigures with, CampaignRun gated)
    {
        const string Format = "{0,-50} {1,22} {2,20}";
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, string.Empty, "without ContactRules", "with ContactRules"));
        foreach (var (_, label, a, b) in ReportWriter.Rows(without, with))
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, label, a.ToString("N0", CultureInfo.InvariantCulture), b.ToString("N0", CultureInfo.InvariantCulture)));
        }

        output.WriteLine();
        output.WriteLine("Refusals by rule (the dialer then waits for the next permitted instant):");
        foreach (var (rule, count) in gated.RefusalsByRule)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-14} {1,10:N0}", rule, count));
        }
    }

    internal sealed record Options(int Customers, int Seed, LocalDate Start, int Days, string WorkFolder)
    {
        public static Options Default => new(10_000, 2015, new LocalDate(2026, 6, 1), 21, "churn-work");

        public static Options? Parse(string[] args, TextWriter error)
        {
            var options = Default;
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--customers" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                        options = options with { Customers = n };
                        i++;
                        break;
                    case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                        options = options with { Seed = s };
                        i++;
                        break;
                    case "--out" when !string.IsNullOrWhiteSpace(value):
                        options = options with { WorkFolder = value! };
                        i++;
                        break;
                    default:
                        error.WriteLine($"churn-campaign: unexpected argument '{args[i]}'{(value is null ? string.Empty : $" '{value}'")}.");
                        error.WriteLine("usage: dotnet run --project samples/ChurnCampaign [-- --customers N (default 10000)] [--seed N (default 2015)] [--out FOLDER (default churn-work)]");
                        return null;
                }
            }

            return options;
        }
    }

    /// <summary>A progress bar on a terminal, plain lines when the output is redirected.</summary>
    private sealed class Progress
    {
        private readonly TextWriter output;
        private readonly bool terminal;

        public Progress(TextWriter output)
        {
            this.output = output;
            terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        }

        public Action<double> For(string label)
        {
            var lastQuarter = -1;
            var lastWidth = -1;
            return fraction =>
            {
                if (terminal)
                {
                    var width = (int)(fraction * 30);
                    if (width != lastWidth)
                    {
                        lastWidth = width;
                        output.Write($"\r{label} [{new string('#', width)}{new string('.', 30 - width)}] {fraction:P0} ");
                        if (fraction >= 1)
                        {
                            output.WriteLine();
                        }
                    }
                }
                else if ((int)(fraction * 4) > lastQuarter)
                {
                    lastQuarter = (int)(fraction * 4);
                    output.WriteLine($"{label.TrimEnd()}: {fraction:P0}");
                }
            };
        }
    }
}
