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
        using var folder = new TempFolder();
        var export = folder.File("export.txt");
        var watch = Stopwatch.StartNew();
        var sample = Generate(export, count);
        Console.WriteLine($"generated {count:N0} numbers ({new FileInfo(export).Length / 1e9:0.00} GB of text) in {watch.Elapsed.TotalSeconds:0.0} s");

        var path = folder.File("us-dnc.crreg");
        var result = RegistryFileBuilder.Build(export, path, new RegistryBuildOptions(ContactRegistry.UsDnc, Instant.FromUtc(2026, 11, 1, 0, 0)) { DefaultCountryCode = "1" });
        Console.WriteLine($"built {result.Numbers:N0} distinct numbers ({result.Duplicates:N0} duplicates) in {result.Elapsed.TotalSeconds:0.0} s: {result.SizeInBytes / (1024.0 * 1024):0.0} MiB on disk");
        File.Delete(export);

        watch.Restart();
        using var registry = RegistryFile.Open(path);
        Console.WriteLine($"opened and verified in {watch.Elapsed.TotalMilliseconds:0} ms");

        var random = new Random(7);
        var probes = Enumerable.Range(0, 1_000_000).Select(i => i % 2 == 0 ? sample[random.Next(sample.Length)] : RandomNumber(random)).ToArray();

        // The floor under any lookup in a file this size: read the digits, then one byte at a
        // random place in a block as large as the file. A lookup cannot be cheaper than one
        // memory access the processor's caches do not hold. Measured twice, interleaved with
        // the lookups, so that a burst of load on the shared machine shows as a disagreement.
        var block = new byte[registry.SizeInBytes];
        new Random(3).NextBytes(block);
        for (var repeat = 0; repeat < 2; repeat++)
        {
            var found = 0;
            var (median, best) = Rounds(probes, probe =>
            {
                if (registry.Contains(probe))
                {
                    found++;
                }
            });
            Console.WriteLine($"lookups (string E.164, half hits, random order): median {median:0.0} ns, best {best:0.0} ns; {found / 20:N0} hits per round");

            // The same probes in batches of 1,024, as scrub looks a block of rows up.
            var batchFound = 0;
            var answers = new bool[1024];
            (median, best) = Batches(probes, 1024, batch =>
            {
                registry.ContainsMany(batch, answers);
                for (var i = 0; i < batch.Length; i++)
                {
                    batchFound += answers[i] ? 1 : 0;
                }
            });
            Console.WriteLine($"batched lookups (ContainsMany, 1,024 a call): median {median:0.0} ns, best {best:0.0} ns per number; {batchFound / 20:N0} hits per round");

            var sum = 0;
            (median, best) = Rounds(probes, probe =>
            {
                ulong key = 0;
                for (var i = 1; i < probe.Length; i++)
                {
                    key = (key * 10) + (uint)(probe[i] - '0');
                }

                sum += block[(long)((key * 0x9E3779B97F4A7C15UL) % (ulong)block.Length)];
            });
            Console.WriteLine($"floor (parse + one random read in {block.Length / (1024.0 * 1024):0} MiB): median {median:0.0} ns, best {best:0.0} ns (checksum {sum})");
        }

        Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
    }

    /// <summary>Runs <paramref name="lookup"/> over every probe, in batches, 20 times; the median and best nanoseconds per probe.</summary>
    private static (double Median, double Best) Batches(string[] probes, int size, Action<ReadOnlySpan<string>> lookup)
    {
        var timings = new double[20];
        var watch = new Stopwatch();
        for (var round = 0; round < timings.Length; round++)
        {
            watch.Restart();
            for (var start = 0; start < probes.Length; start += size)
            {
                lookup(probes.AsSpan(start, Math.Min(size, probes.Length - start)));
            }

            timings[round] = watch.Elapsed.TotalMilliseconds * 1e6 / probes.Length;
        }

        Array.Sort(timings);
        return (timings[timings.Length / 2], timings[0]);
    }

    /// <summary>Runs <paramref name="probe"/> over every probe 20 times; the median and best nanoseconds per probe.</summary>
    private static (double Median, double Best) Rounds(string[] probes, Action<string> probe)
    {
        var timings = new double[20];
        var watch = new Stopwatch();
        for (var round = 0; round < timings.Length; round++)
        {
            watch.Restart();
            foreach (var p in probes)
            {
                probe(p);
            }

            timings[round] = watch.Elapsed.TotalMilliseconds * 1e6 / probes.Length;
        }

        Array.Sort(timings);
        return (timings[timings.Length / 2], timings[0]);
    }

    private static string[] Generate(string path, long count)
    {
        var random = new Random(2026);
        // Registered numbers to probe, taken evenly from the whole export so that the hits are
        // spread over the file like the misses, and too many to sit in the processor's caches.
        var sample = new string[Math.Min(500_000, count)];
        var every = Math.Max(1, count / sample.Length);
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
            if (i % every == 0 && i / every < sample.Length)
            {
                sample[i / every] = "+1" + Encoding.ASCII.GetString(line, 0, 10);
            }
        }

        return sample;
    }

    private static string RandomNumber(Random random) => "+1" + NextNational(random).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A NANP number: area code 201–989, exchange 200–999, line 0000–9999.
    private static long NextNational(Random random)
        => (random.Next(201, 990) * 10_000_000L) + (random.Next(200, 1000) * 10_000L) + random.Next(0, 10_000);
}
