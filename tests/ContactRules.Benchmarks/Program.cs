using BenchmarkDotNet.Running;

namespace ContactRules.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/ContactRules.Benchmarks -- --filter '*'</c>,
/// the registry scale run: <c>... -- registry-scale 250000000</c>, or the files of the scrub's real
/// runs: <c>... -- scrub-fixtures FOLDER 1000000</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "scrub-fixtures")
        {
            ScrubFixtures.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (args.Length == 2 && args[0] == "registry-scale")
        {
            RegistryScale.Run(long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
