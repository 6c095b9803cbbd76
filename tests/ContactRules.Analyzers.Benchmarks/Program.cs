using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using BenchmarkDotNet.Running;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// <c>generate &lt;folder&gt; [files] [dial-heavy]</c> writes the generated CRM (or, with <c>dial-heavy</c>,
/// the dial-heavy one, built with the SDK's own analyzers on) as a project to build with
/// <c>-p:ReportAnalyzer=true</c>; <c>telemetry</c> prints in-process analyzer times; <c>cpu</c> the consent
/// analyzer's own CPU time (<see cref="Telemetry.Cpu"/>); anything else runs the BenchmarkDotNet benchmarks.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "generate")
        {
            Generate(args[1], args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000, dialHeavy: args.Length >= 4 && args[3] == "dial-heavy");
            return;
        }

        if (args.Length >= 1 && args[0] is "telemetry" or "cpu")
        {
            // <mode> [files] [rounds] [dial-heavy|standard] [analyzers.dll]
            var telemetry = args[0] == "telemetry";
            var files = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : telemetry ? 1000 : 300;
            var rounds = args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : telemetry ? 3 : 5;
            var dialHeavy = args.Length >= 4 && args[3] == "dial-heavy";
            var analyzerAssembly = args.Length >= 5 ? args[4] : null;
            if (telemetry)
            {
                Telemetry.Run(files, rounds, dialHeavy, analyzerAssembly);
            }
            else
            {
                Telemetry.Cpu(files, rounds, dialHeavy, analyzerAssembly);
            }

            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void Generate(string folder, int files, bool dialHeavy)
    {
        Directory.CreateDirectory(folder);
        var lines = 0;
        foreach (var (name, text, _) in dialHeavy ? GeneratedDialHeavyCrm.Files(files) : GeneratedCrm.Files(files))
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            lines += text.Split('\n').Length;
        }

        // The consumer references ContactRules and loads the analyzers given on the command line
        // (-p:CrAnalyzers=path;path), so that the same project builds with ours or with none.
        var repository = RepositoryRoot.Path;
        File.WriteAllText(Path.Combine(folder, "GeneratedCrm.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <EnableNETAnalyzers>{(dialHeavy ? "true" : "false")}</EnableNETAnalyzers>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(repository, "src", "ContactRules", "ContactRules.csproj")}" />
                <Analyzer Include="$(CrAnalyzers)" Condition="'$(CrAnalyzers)' != ''" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        EmitEmptyAnalyzer(Path.Combine(repository, "tests", "ContactRules.Analyzers.Benchmarks", "EmptyAnalyzer.cs"), Path.Combine(folder, "EmptyAnalyzer.dll"));
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        Console.WriteLine($"{files} files, {lines} lines written to {folder}");
    }

    /// <summary>The baseline analyzer as a DLL of its own, for <c>-p:CrAnalyzers=EmptyAnalyzer.dll</c>.</summary>
    private static void EmitEmptyAnalyzer(string source, string output)
    {
        // Against the Roslyn the shipped analyzers use (4.8, netstandard2.0, in the NuGet packages
        // folder after any restore of the repository): the 4.14 loaded here needs .NET 9 references.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var roslyn = Path.Combine(packages, "microsoft.codeanalysis.common", "4.8.0", "lib", "netstandard2.0", "Microsoft.CodeAnalysis.dll");
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(roslyn));
        var compilation = CSharpCompilation.Create(
            "EmptyAnalyzer",
            new[] { CSharpSyntaxTree.ParseText(File.ReadAllText(source), new CSharpParseOptions(LanguageVersion.Latest), source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var stream = File.Create(output);
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("EmptyAnalyzer.cs does not compile: " + string.Join("; ", result.Diagnostics));
        }
    }
}
