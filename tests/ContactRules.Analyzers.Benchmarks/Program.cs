using System;
using System.IO;
using BenchmarkDotNet.Running;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// <c>generate &lt;folder&gt; [files] [analyzer.dll]</c> writes the generated CRM as a project to build with
/// <c>-p:ReportAnalyzer=true</c>; anything else runs the BenchmarkDotNet benchmarks.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "generate")
        {
            Generate(args[1], args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void Generate(string folder, int files)
    {
        Directory.CreateDirectory(folder);
        var lines = 0;
        foreach (var (name, text, _) in GeneratedCrm.Files(files))
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            lines += text.Split('\n').Length;
        }

        // The consumer references ContactRules and loads the analyzers given on the command line
        // (-p:CrAnalyzers=path;path), so that the same project builds with ours or with none.
        var repository = FindRepository();
        File.WriteAllText(Path.Combine(folder, "GeneratedCrm.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(repository, "src", "ContactRules", "ContactRules.csproj")}" />
                <Analyzer Include="$(CrAnalyzers)" Condition="'$(CrAnalyzers)' != ''" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        Console.WriteLine($"{files} files, {lines} lines written to {folder}");
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "src", "ContactRules", "ContactRules.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
