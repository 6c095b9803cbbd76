using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// The way a user meets the analyzers: a fresh project that references the packed ContactRules
/// package (from a local folder feed) and the real Twilio 8.2.0 package, built with dotnet build.
/// </summary>
[Collection(PackageCollection.Name)]
public class ConsumerBuildTests
{
    private static readonly Regex Warning = new(@"(?<file>[^\s\\/(]+\.cs)\((?<line>\d+),\d+\): warning (?<id>CR\d{4})", RegexOptions.Compiled);
    private static readonly Regex Expectation = new(@"// expect (?<id>CR\d{4})", RegexOptions.Compiled);

    private readonly PackedPackage package;

    public ConsumerBuildTests(PackedPackage package) => this.package = package;

    [Fact]
    public void Building_a_consumer_reports_exactly_the_expected_warnings()
    {
        var project = Path.Combine(package.Root, "consumer");
        Directory.CreateDirectory(project);
        File.Copy(RepositoryPaths.ConsumerSource, Path.Combine(project, "Crm.cs"));

        // Stop MSBuild from picking up any Directory.Build.* or central versions above the temp folder.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");

        // Only the local folder is added, by path; the machine's default source stays for Twilio.
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contactrules-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);

        // A private packages folder, so that a ContactRules package cached by an earlier run is
        // never taken for this one; the machine's folder is a fallback for NodaTime and Twilio.
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RestorePackagesPath>{Path.Combine(package.Root, "packages")}</RestorePackagesPath>
                <RestoreFallbackFolders>{GlobalPackagesFolder()}</RestoreFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContactRules" Version="{package.Version}" />
                <PackageReference Include="Twilio" Version="8.2.0" />
              </ItemGroup>
            </Project>
            """);

        var (exitCode, output) = DotNet.Run(project, TimeSpan.FromMinutes(8), null, "build", "Consumer.csproj", "--disable-build-servers", "-nologo", "-clp:NoSummary");
        Assert.True(exitCode == 0, "the consumer did not build:" + Environment.NewLine + output);

        var reported = Warning.Matches(output).Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value), Id: m.Groups["id"].Value)).ToHashSet();
        var expected = File.ReadAllLines(RepositoryPaths.ConsumerSource)
            .Select((text, index) => (Match: Expectation.Match(text), Line: index + 1))
            .Where(x => x.Match.Success)
            .Select(x => (File: "Crm.cs", x.Line, Id: x.Match.Groups["id"].Value))
            .ToHashSet();

        // One of each rule a consumer can meet in code: CR0001-CR0005.
        Assert.Equal(new[] { "CR0001", "CR0002", "CR0003", "CR0004", "CR0005" }, expected.Select(e => e.Id).OrderBy(id => id));
        Assert.True(expected.SetEquals(reported), $"expected {Describe(expected)}{Environment.NewLine}reported {Describe(reported)}{Environment.NewLine}{output}");
    }

    private static string GlobalPackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Describe(IEnumerable<(string File, int Line, string Id)> warnings)
        => string.Join(", ", warnings.OrderBy(w => w.Line).Select(w => $"{w.File}:{w.Line} {w.Id}"));
}
