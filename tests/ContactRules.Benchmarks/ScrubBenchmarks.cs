using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Input;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using ContactRules.Jurisdictions;
using NodaTime;

namespace ContactRules.Benchmarks;

/// <summary>
/// Throughput of <c>contactrules scrub</c>: a synthetic call list of 1,000,000 rows (French
/// mobile numbers; Paris, Réunion, Martinique, Guadeloupe, Mayotte and two-zone contacts; 5% SMS,
/// 25% informational; one caller, seven subjects) in a temporary file, read, decided under the
/// fr pack and written as CSV to a null stream, the way the command does it. Divide the rows by
/// the mean time for rows per second; docs/benchmarks-scrub.md has the numbers.
/// </summary>
/// <remarks>
/// "Weekday" is Tue 10 March 2026 10:00Z: 11:00 in Paris, allowed for most rows, refused before
/// the morning window in the Caribbean. "Saturday" is Sat 7 March 2026 10:00Z: every canvassing
/// call refused, each row with its reason and next permitted instant.
/// </remarks>
[MemoryDiagnoser]
public class ScrubBenchmarks
{
    private const int Rows = 1_000_000;

    private static readonly string[] Zones =
    {
        "Europe/Paris", "Europe/Paris", "Europe/Paris", "Indian/Reunion", "America/Martinique", "Europe/Paris;Indian/Reunion", "America/Guadeloupe", "Indian/Mayotte",
    };

    private TempFolder folder = null!;
    private string list = null!;

    [Params("weekday", "saturday")]
    public string Instant { get; set; } = "weekday";

    [GlobalSetup]
    public void Setup()
    {
        folder = new TempFolder();
        list = folder.File("list.csv");
        using var writer = new StreamWriter(list, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("number,contactId,timeZones,channel,purpose,caller,subject,campaign,region");
        for (var i = 0; i < Rows; i++)
        {
            writer.Write("+336");
            writer.Write(i.ToString("D8", CultureInfo.InvariantCulture));
            writer.Write(",cust-");
            writer.Write(i.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Zones[i % Zones.Length]);
            writer.Write(i % 20 == 0 ? ",sms," : ",voice,");
            writer.Write(i % 4 == 3 ? "informational" : "marketing");
            writer.Write(",operator,offer-");
            writer.Write((i % 7).ToString(CultureInfo.InvariantCulture));
            writer.Write(",retention,");
            writer.WriteLine(i % 10 == 0 ? "FR-67" : string.Empty);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => folder.Dispose();

    [Benchmark(Description = "scrub 1,000,000 rows")]
    public long Scrub()
    {
        var at = Instant == "weekday" ? NodaTime.Instant.FromUtc(2026, 3, 10, 10, 0) : NodaTime.Instant.FromUtc(2026, 3, 7, 10, 0);
        using var input = new FileStream(list, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new CsvReader(input);
        CsvHeader.TryRead(reader, CallListScrubber.Columns, new[] { "number" }, out var header, out _);
        using var output = new CsvWriter(Stream.Null);
        var scrubber = new CallListScrubber(FranceRules.Pack, at, NoPhoneNumberZones.Instance);
        var counts = scrubber.Run(reader, header!, output, new InputErrors("scrub", list, TextWriter.Null), (_, _) => { });
        output.Flush();
        return counts.Rows;
    }
}
