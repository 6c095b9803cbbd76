using BenchmarkDotNet.Running;

namespace ContactRules.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/ContactRules.Benchmarks -- --filter '*'</c>,
/// or the registry scale run: <c>... -- registry-scale 250000000</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "registry-scale")
        {
            RegistryScale.Run(long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
