using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactRules.Cli.Csv;
using nietras.SeparatedValues;

namespace ContactRules.Benchmarks;

/// <summary>
/// Reading the scrub's 1,000,000-row call list (the list of <see cref="ScrubBenchmarks"/>) with
/// the tool's own CSV reader and with the two libraries issue 15 asked to weigh, Sep and
/// CsvHelper, side by side in one job: every field of every row is touched as UTF-8 bytes, the
/// way the scrub reads them. docs/benchmarks-scrub.md has the figures and the correctness table
/// that decided which reader the tool keeps.
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private const int Rows = 1_000_000;

    private static readonly string[] Zones =
    {
        "Europe/Paris", "Europe/Paris", "Europe/Paris", "Indian/Reunion", "America/Martinique", "Europe/Paris;Indian/Reunion", "America/Guadeloupe", "Indian/Mayotte",
    };

    private TempFolder folder = null!;
    private string list = null!;

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
            writer.Write(i % 100 == 0 ? ",\"operator, \"\"retail\"\"\",offer-" : ",operator,offer-");
            writer.Write((i % 7).ToString(CultureInfo.InvariantCulture));
            writer.Write(",retention,");
            writer.WriteLine(i % 10 == 0 ? "FR-67" : string.Empty);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => folder.Dispose();

    [Benchmark(Baseline = true, Description = "ContactRules CsvReader")]
    public long Own()
    {
        using var input = Open();
        using var reader = new CsvReader(input);
        long bytes = 0;
        while (reader.TryRead(out var problem))
        {
            if (problem is not null)
            {
                throw new InvalidDataException(problem.Message);
            }

            for (var i = 0; i < reader.FieldCount; i++)
            {
                bytes += reader[i].Length;
            }
        }

        return bytes;
    }

    [Benchmark(Description = "Sep 0.18.0")]
    public long Sep()
    {
        using var input = Open();
        using var reader = nietras.SeparatedValues.Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(input);
        long chars = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }
        }

        return chars;
    }

    [Benchmark(Description = "CsvHelper 34.0.0")]
    public long CsvHelper()
    {
        using var input = Open();
        using var reader = global::CsvHelper.CsvReader.Create(input, global::CsvHelper.CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true });
        long bytes = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.FieldCount; i++)
            {
                bytes += row.GetSpan(i).Length;
            }
        }

        return bytes;
    }

    private FileStream Open() => new(list, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
