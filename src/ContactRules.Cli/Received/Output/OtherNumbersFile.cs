using System.IO;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Received.Judging;

namespace ContactRules.Cli.Received.Output;

/// <summary>
/// Writes <c>other-numbers.csv</c>: the numbers that called or texted and were not judged because
/// nothing marks them as selling (<c>number,calls,messages,knownContact,namedAs</c>), so that the
/// person can copy the ones that were selling into the callers file. It stays on the person's
/// machine with the exports: unlike the report, it is not made to be shared.
/// </summary>
/// <remarks>
/// Written as every CSV file of the tool is (<see cref="CsvWriter"/>): a sender's name is chosen
/// by the sender and a name in the callers file by whoever wrote it, so a field that a
/// spreadsheet would run as a formula is written as text (<see cref="SpreadsheetText"/>).
/// </remarks>
internal static class OtherNumbersFile
{
    internal static void Write(string path, ReceivedResult result)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var csv = new CsvWriter(stream);
        csv.Header("number,calls,messages,knownContact,namedAs");
        foreach (var other in result.OtherNumbers)
        {
            csv.Field(other.Number.Display);
            csv.Field(other.Calls);
            csv.Field(other.Messages);
            csv.Field(other.KnownContact ? "yes" : "no");
            csv.Field(other.NamedAs);
            csv.EndRecord();
        }

        csv.Flush();
    }
}
