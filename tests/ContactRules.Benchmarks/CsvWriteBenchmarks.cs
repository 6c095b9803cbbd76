using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactRules.Benchmarks.Baseline;
using ContactRules.Cli.Csv;

namespace ContactRules.Benchmarks;

/// <summary>
/// Writing the scrub's output, 1,000,000 rows of <c>line,number,contactId</c> and a kept decision
/// (five fields: an allowed row's empty ones, or a refusal with its rule, reason and citation),
/// to a null stream: the tool's writer (CsvHelper, with formula neutralisation) beside the
/// hand-written writer of main before issue 15 (<see cref="LegacyCsvWriter"/>), in one job.
/// </summary>
[MemoryDiagnoser]
public class CsvWriteBenchmarks
{
    private const int Rows = 1_000_000;

    private static readonly string[] Allowed = { "allowed", string.Empty, string.Empty, string.Empty, string.Empty };

    private static readonly string[] Refused =
    {
        "refused", "2026-03-10T11:00:00Z", "2026-03-10T07:00:00-04:00", "FR-HOURS-01",
        "FR-HOURS-01: Tue 2026-03-10 06:00 in America/Martinique is outside the allowed hours (Mon–Fri 10:00–13:00, 14:00–20:00; Sat–Sun none); the next allowed hour there starts Tue 2026-03-10 10:00 in America/Martinique. (Code de la consommation, art. D223-9 al. 1-2 (décret n° 2022-1313))",
    };

    private readonly byte[][] allowedFields = Allowed.Select(SpreadsheetText.Safe).ToArray();
    private readonly byte[][] refusedFields = Refused.Select(SpreadsheetText.Safe).ToArray();
    private byte[] allowedCsv = null!;
    private byte[] refusedCsv = null!;

    [GlobalSetup]
    public void Setup()
    {
        allowedCsv = Preformatted(Allowed);
        refusedCsv = Preformatted(Refused);
    }

    [Benchmark(Baseline = true, Description = "hand-written writer (main before issue 15)")]
    public void Legacy()
    {
        using var writer = new LegacyCsvWriter(Stream.Null);
        for (var i = 0; i < Rows; i++)
        {
            writer.Field(i + 2);
            writer.Field("+33612345678"u8);
            writer.Field("cust-123456"u8);
            writer.Fields(i % 4 == 3 ? refusedCsv : allowedCsv);
            writer.EndRecord();
        }

        writer.Flush();
    }

    [Benchmark(Description = "CsvHelper writer, formulas neutralised")]
    public void CsvHelper()
    {
        using var writer = new CsvWriter(Stream.Null);
        for (var i = 0; i < Rows; i++)
        {
            writer.Field(i + 2);
            writer.Field("+33612345678"u8);
            writer.Field("cust-123456"u8);
            foreach (var field in i % 4 == 3 ? refusedFields : allowedFields)
            {
                writer.Verbatim(field);
            }

            writer.EndRecord();
        }

        writer.Flush();
    }

    private static byte[] Preformatted(string[] fields)
    {
        using var memory = new MemoryStream();
        using (var writer = new LegacyCsvWriter(memory))
        {
            foreach (var field in fields)
            {
                writer.Field(field);
            }

            writer.Flush();
        }

        return memory.ToArray();
    }
}
