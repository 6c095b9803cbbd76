using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ContactRules.Packaging.Tests;
using Xunit;

namespace Crm.Sample.Tests;

/// <summary>
/// The sample's promise, "builds with zero analyzer warnings", made meaningful: a copy of the
/// sample builds clean with the ContactRules analyzers loaded, and the same copy with its consent
/// check removed is reported CR0001 at the dial. The copies live in a temporary folder and build
/// against the repository's already-built projects (no rebuild of anything under src/).
/// </summary>
public sealed class SampleBuildTests
{
    // The guard in CallCenter.Call, and what the negative copy puts in its place: a permit and a
    // decision that no rule produced.
    private const string ConsentCheck = """
                if (!gate.TryReserve(request, out var permit, out var decision))
                {
                    return new CallResult(customer, gate.Clock.GetCurrentInstant(), decision, null, null);
                }
        """;

    private const string NoCheck = """
                ContactPermit permit = null!;
                var decision = ContactDecision.Allowed;
        """;

    private const string DialLine = "var call = dialer.Dial(customer);";

    private static readonly Regex Diagnostic = new(@"(?<file>[^\s\\/(]+\.cs)\((?<line>\d+),\d+\): (?<severity>warning|error) (?<id>[A-Z]+\d+)", RegexOptions.Compiled);

    [Fact]
    public void The_sample_builds_without_any_warning_and_its_copy_without_the_consent_check_is_reported_CR0001()
    {
        // One test, two builds in sequence: they share the analyzers' and libraries' outputs.
        using var cleanFolder = new TempFolder();
        var clean = CopySample(cleanFolder, mutate: null);
        var (cleanExit, cleanOutput) = Build(clean);
        Assert.True(cleanExit == 0, "the sample did not build:" + Environment.NewLine + cleanOutput);
        Assert.Empty(Diagnostics(cleanOutput));

        using var uncheckedFolder = new TempFolder();
        var unchecked_ = CopySample(uncheckedFolder, mutate: source =>
        {
            var callCenter = Normalize(File.ReadAllText(source));
            Assert.Contains(Normalize(ConsentCheck), callCenter);
            File.WriteAllText(source, callCenter.Replace(Normalize(ConsentCheck), Normalize(NoCheck), StringComparison.Ordinal));
        });
        var (uncheckedExit, uncheckedOutput) = Build(unchecked_);
        var dialLine = File.ReadAllLines(Path.Combine(unchecked_, "CallCenter.cs")).Select((text, index) => (text, index)).Single(l => l.text.Contains(DialLine, StringComparison.Ordinal)).index + 1;

        // Warnings are errors in this repository: the build fails, on CR0001 at the dial alone.
        Assert.True(uncheckedExit != 0, "the copy without a consent check built:" + Environment.NewLine + uncheckedOutput);
        Assert.Equal(new[] { ("CallCenter.cs", dialLine, "CR0001") }, Diagnostics(uncheckedOutput));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static (string File, int Line, string Id)[] Diagnostics(string output)
        => Diagnostic.Matches(output)
            .Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["id"].Value))
            .Distinct()
            .OrderBy(d => d.Item2)
            .ToArray();

    private static (int ExitCode, string Output) Build(string project)
    {
        var configuration = typeof(SampleBuildTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        // --no-dependencies: the referenced projects were built with this test, in this
        // configuration; only the copy is restored and compiled.
        var restore = DotNet.Run(project, TimeSpan.FromMinutes(4), null, "restore", "Crm.Sample.csproj", "--no-dependencies", "--disable-build-servers", "-nologo");
        Assert.True(restore.ExitCode == 0, "restore failed:" + Environment.NewLine + restore.Output);
        return DotNet.Run(project, TimeSpan.FromMinutes(4), null, "build", "Crm.Sample.csproj", "-c", configuration, "--no-restore", "--no-dependencies", "--disable-build-servers", "-nologo", "-clp:NoSummary");
    }

    /// <summary>Copies the sample into <paramref name="folder"/>/Crm.Sample, whose build settings are the repository's.</summary>
    private static string CopySample(TempFolder folder, Action<string>? mutate)
    {
        var root = RepositoryRoot.Path;
        var sample = Path.Combine(root, "samples", "Crm.Sample");
        var copy = folder.File("Crm.Sample");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(sample).Where(f => Path.GetExtension(f) is ".cs" or ".json"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        // The same props, central versions and restore settings as in the repository.
        File.WriteAllText(Path.Combine(copy, "Directory.Build.props"), $"""<Project><Import Project="{Path.Combine(root, "Directory.Build.props")}" /></Project>""");
        File.WriteAllText(Path.Combine(copy, "Directory.Packages.props"), $"""<Project><Import Project="{Path.Combine(root, "Directory.Packages.props")}" /></Project>""");
        File.WriteAllText(Path.Combine(copy, "Directory.Build.targets"), "<Project />");
        File.Copy(Path.Combine(root, "nuget.config"), Path.Combine(copy, "nuget.config"));
        var csproj = File.ReadAllText(Path.Combine(sample, "Crm.Sample.csproj")).Replace("../../", root + "/", StringComparison.Ordinal);
        Assert.DoesNotContain("\"../", csproj);
        File.WriteAllText(Path.Combine(copy, "Crm.Sample.csproj"), csproj);

        mutate?.Invoke(Path.Combine(copy, "CallCenter.cs"));
        return copy;
    }
}
