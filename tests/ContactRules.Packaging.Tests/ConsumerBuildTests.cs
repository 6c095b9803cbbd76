using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// The way a user meets the analyzers: a fresh project that references the packed ContactRules
/// package by PackageReference from the local folder feed (with the real Twilio 8.2.0 package),
/// built with dotnet build; and one that treats warnings as errors, where CR0007 stays a warning.
/// </summary>
[Collection(PackageCollection.Name)]
public class ConsumerBuildTests
{
    private static readonly Regex Warning = new(@"(?<file>[^\s\\/(]+\.cs)\((?<line>\d+),\d+\): warning (?<id>CR\d{4})", RegexOptions.Compiled);
    private static readonly Regex Expectation = new(@"// expect (?<id>CR\d{4})", RegexOptions.Compiled);

    private readonly PackageFeed package;

    public ConsumerBuildTests(PackageFeed package) => this.package = package;

    [Fact]
    public void Building_a_consumer_reports_exactly_the_expected_warnings()
    {
        var (exitCode, output) = Build("consumer", ConsumerFiles.Sources, """
                <PackageReference Include="Twilio" Version="8.2.0" />
            """, string.Empty);
        Assert.True(exitCode == 0, "the consumer did not build:" + Environment.NewLine + output);

        // The package restored is, byte for byte, the one in the feed.
        var restored = Path.Combine(Packages, "contactrules", package.Version.ToLowerInvariant(), $"contactrules.{package.Version.ToLowerInvariant()}.nupkg.sha512");
        Assert.True(File.Exists(restored), "ContactRules was not restored into the consumer's own packages folder: " + restored);
        using (var stream = File.OpenRead(package.Package))
        {
            Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(stream)), File.ReadAllText(restored).Trim());
        }

        var cached = Path.Combine(GlobalPackagesFolder(), "contactrules", package.Version.ToLowerInvariant());
        Assert.False(Directory.Exists(cached), $"a ContactRules {package.Version} package is in the machine's packages folder ({cached}); no source serves one, so a local build put it there, and every later restore of that version takes it instead of the feed's: delete it");

        var reported = Reported(output);
        var expected = Expected(ConsumerFiles.Sources);

        // Each rule a consumer can meet in code (CR0001-CR0005), in more than one file.
        Assert.Equal(new[] { "CR0001", "CR0002", "CR0003", "CR0004", "CR0005" }, expected.Select(e => e.Id).Distinct().OrderBy(id => id));
        Assert.True(expected.Select(e => e.File).Distinct().Count() > 1);
        Assert.True(expected.SetEquals(reported), $"expected {Describe(expected)}{Environment.NewLine}reported {Describe(reported)}{Environment.NewLine}{output}");
    }

    [Fact]
    public void CR0007_is_listed_and_does_not_fail_a_build_that_treats_warnings_as_errors()
    {
        // The project's own WarningsNotAsErrors does not append to the property: the package's
        // targets are read after it and append CR0007 anyway.
        var (exitCode, output) = Build("strict-consumer", ConsumerFiles.StrictSources, string.Empty, """
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>CS0618</WarningsNotAsErrors>
            """);
        Assert.True(exitCode == 0, "the consumer that treats warnings as errors did not build:" + Environment.NewLine + output);

        var expected = Expected(ConsumerFiles.StrictSources);
        Assert.Equal(new[] { "CR0007" }, expected.Select(e => e.Id).Distinct());
        var reported = Reported(output);
        Assert.True(expected.SetEquals(reported), $"expected {Describe(expected)}{Environment.NewLine}reported {Describe(reported)}{Environment.NewLine}{output}");

        // Warnings are errors in that project, and CR0007 is the package's exception to it.
        var (evaluated, properties) = DotNet.Run(Path.Combine(package.Root, "strict-consumer"), TimeSpan.FromMinutes(2), null, "msbuild", "Consumer.csproj", "-nologo", "-getProperty:TreatWarningsAsErrors", "-getProperty:WarningsNotAsErrors");
        Assert.True(evaluated == 0, properties);
        Assert.Contains("\"TreatWarningsAsErrors\": \"true\"", properties, StringComparison.Ordinal);
        Assert.Contains("\"WarningsNotAsErrors\": \"CS0618;CR0007\"", properties, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compiler_gets_the_ReadyToRun_image_only_on_the_platform_it_was_compiled_for_and_the_IL_analyzer_when_told()
    {
        var project = Write("image-consumer", ConsumerFiles.Sources, string.Empty, string.Empty);

        // The consumer targets net10.0, so its SDK is .NET 10 or later: the platform decides.
        var platform = Analyzers(project);
        var expected = platform.Sdk == "linux-x64"
            ? Path.Combine(Packages, "contactrules", package.Version.ToLowerInvariant(), "tools", "readytorun", "linux-x64", "ContactRules.Analyzers.dll")
            : Path.Combine(Packages, "contactrules", package.Version.ToLowerInvariant(), "analyzers", "dotnet", "cs", "ContactRules.Analyzers.dll");

        // Exactly one ContactRules.Analyzers.dll goes to the compiler (two would report every
        // diagnostic twice), with the code fixes' assembly beside it as before.
        Assert.Equal(new[] { expected }, platform.Analyzers.Where(path => Path.GetFileName(path) == "ContactRules.Analyzers.dll"));
        Assert.Single(platform.Analyzers, path => Path.GetFileName(path) == "ContactRules.Analyzers.CodeFixes.dll");

        // ContactRulesAnalyzersReadyToRun=false keeps the IL analyzer on every platform.
        var il = Analyzers(project, "-p:ContactRulesAnalyzersReadyToRun=false");
        Assert.Equal(
            new[] { Path.Combine(Packages, "contactrules", package.Version.ToLowerInvariant(), "analyzers", "dotnet", "cs", "ContactRules.Analyzers.dll") },
            il.Analyzers.Where(path => Path.GetFileName(path) == "ContactRules.Analyzers.dll"));
    }

    /// <summary>
    /// The analyzer assemblies the project's compile would get (the Analyzer items after the
    /// package assets are resolved and the package's targets have run), and the SDK's platform.
    /// </summary>
    private static (string Sdk, string[] Analyzers) Analyzers(string project, params string[] properties)
    {
        var arguments = new[] { "msbuild", "Consumer.csproj", "-restore", "-nologo", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-getProperty:NETCoreSdkPortableRuntimeIdentifier" }.Concat(properties).ToArray();
        var (exitCode, output) = DotNet.Run(project, TimeSpan.FromMinutes(4), null, arguments);
        Assert.True(exitCode == 0, "the consumer's analyzers could not be resolved:" + Environment.NewLine + output);

        // -getItem and -getProperty print one JSON document (after restore's own lines).
        using var json = System.Text.Json.JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var sdk = json.RootElement.GetProperty("Properties").GetProperty("NETCoreSdkPortableRuntimeIdentifier").GetString() ?? string.Empty;
        var analyzers = json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => Path.GetFullPath(item.GetProperty("FullPath").GetString()!))
            .ToArray();
        return (sdk, analyzers);
    }

    private string Packages => Path.Combine(package.Root, "packages");

    /// <summary>
    /// Writes a project named <paramref name="name"/> that references the packed ContactRules
    /// package from the local feed, and builds it with dotnet build.
    /// </summary>
    private (int ExitCode, string Output) Build(string name, string[] sources, string otherReferences, string properties)
    {
        var project = Write(name, sources, otherReferences, properties);
        return DotNet.Run(project, TimeSpan.FromMinutes(8), null, "build", "Consumer.csproj", "--disable-build-servers", "-nologo", "-clp:NoSummary");
    }

    /// <summary>Writes the project <see cref="Build"/> builds, and returns its folder.</summary>
    private string Write(string name, string[] sources, string otherReferences, string properties)
    {
        var project = Path.Combine(package.Root, name);
        Directory.CreateDirectory(project);
        foreach (var source in sources)
        {
            File.Copy(source, Path.Combine(project, Path.GetFileName(source)));
        }

        // Stop MSBuild from picking up any Directory.Build.* or central versions above the temp folder.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");

        // Only the local folder is added, by path; the machine's default source stays for NodaTime and Twilio.
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contactrules-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);

        // The consumer's own packages folder, never the machine's: a ContactRules package of the
        // same version cached there by an earlier run (or by another branch) would be taken
        // instead of this one, and this run's package would stay in the machine's cache to
        // mislead the next. NodaTime and Twilio come from the machine's default source.
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RestorePackagesPath>{Packages}</RestorePackagesPath>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContactRules" Version="{package.Version}" />
            {otherReferences}
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    private static HashSet<(string File, int Line, string Id)> Reported(string output)
        => Warning.Matches(output).Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value), Id: m.Groups["id"].Value)).ToHashSet();

    private static HashSet<(string File, int Line, string Id)> Expected(string[] sources)
        => sources
            .SelectMany(source => File.ReadAllLines(source)
                .Select((text, index) => (Match: Expectation.Match(text), Line: index + 1))
                .Where(x => x.Match.Success)
                .Select(x => (File: Path.GetFileName(source), x.Line, Id: x.Match.Groups["id"].Value)))
            .ToHashSet();

    private static string GlobalPackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Describe(IEnumerable<(string File, int Line, string Id)> warnings)
        => string.Join(", ", warnings.OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line).Select(w => $"{w.File}:{w.Line} {w.Id}"));
}
