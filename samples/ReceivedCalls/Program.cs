using System;
using System.IO;

namespace ReceivedCalls;

/// <summary>
/// Writes the synthetic phone export of the seed story into a folder (by default
/// <c>samples/ReceivedCalls/export</c>, the copy the repository holds):
/// <c>dotnet run --project samples/ReceivedCalls -- FOLDER</c>.
/// </summary>
internal static class Program
{
    internal static int Main(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine("samples", "ReceivedCalls", "export");
        Directory.CreateDirectory(folder);
        foreach (var file in SeedStoryExport.Write(folder))
        {
            Console.WriteLine(file);
        }

        return 0;
    }
}
