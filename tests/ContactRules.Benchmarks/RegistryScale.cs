using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Registries;
using NodaTime;

namespace ContactRules.Benchmarks;

/// <summary>
/// The national-registry scale run: generates a synthetic US-style export of N numbers (the real
/// lists are not public) in a temporary folder, builds the registry file from it, opens it, probes
/// it, and deletes everything. <c>dotnet run -c Release --project tests/ContactRules.Benchmarks -- registry-scale 250000000</c>.
/// </summary>
public static class RegistryScale
{
    public static void Run(long count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "registry-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var export = Path.Combine(folder, "export.txt");
            var watch = Stopwatch.StartNew();
            var sample = Generate(export, count);
            Console.WriteLine($"generated {count:N0} numbers ({new FileInfo(export).Length / 1e9:0.00} GB of text) in {watch.Elapsed.TotalSeconds:0.0} s");

            var path = Path.Combine(folder, "us-dnc.crreg");
            var result = RegistryFileBuilder.Build(export, path, new RegistryBuildOptions(ContactRegistry.UsDnc, Instant.FromUtc(2026, 11, 1, 0, 0)) { DefaultCountryCode = "1" });
            Console.WriteLine($"built {result.Numbers:N0} distinct numbers ({result.Duplicates:N0} duplicates) in {result.Elapsed.TotalSeconds:0.0} s: {result.SizeInBytes / (1024.0 * 1024):0.0} MiB on disk");
            File.Delete(export);

            watch.Restart();
            using var registry = RegistryFile.Open(path);
            Console.WriteLine($"opened and verified in {watch.Elapsed.TotalMilliseconds:0} ms");

            var random = new Random(7);
            var probes = Enumerable.Range(0, 1_000_000).Select(i => i % 2 == 0 ? sample[random.Next(sample.Length)] : RandomNumber(random)).ToArray();
            var found = 0;
            var timings = new double[20];
            for (var round = 0; round < timings.Length; round++)
            {
                watch.Restart();
                foreach (var probe in probes)
                {
                    if (registry.Contains(probe))
                    {
                        found++;
                    }
                }

                timings[round] = watch.Elapsed.TotalMilliseconds * 1e6 / probes.Length;
            }

            Array.Sort(timings);
            Console.WriteLine($"lookups (string E.164, half hits, random order): median {timings[timings.Length / 2]:0.0} ns, best {timings[0]:0.0} ns; {found / timings.Length:N0} hits per round");
            Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string[] Generate(string path, long count)
    {
        var random = new Random(2026);
        var sample = new string[10_000];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var line = new byte[11];
        line[10] = (byte)'\n';
        for (long i = 0; i < count; i++)
        {
            var number = NextNational(random);
            for (var d = 9; d >= 0; d--)
            {
                line[d] = (byte)('0' + (number % 10));
                number /= 10;
            }

            stream.Write(line, 0, line.Length);
            if (i < sample.Length)
            {
                sample[i] = "+1" + Encoding.ASCII.GetString(line, 0, 10);
            }
        }

        return sample;
    }

    private static string RandomNumber(Random random) => "+1" + NextNational(random).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A NANP number: area code 201–989, exchange 200–999, line 0000–9999.
    private static long NextNational(Random random)
        => (random.Next(201, 990) * 10_000_000L) + (random.Next(200, 1000) * 10_000L) + random.Next(0, 10_000);
}
