using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ContactRules.Cli.Help;
using ContactRules.Cli.Zones;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// One source for the help and docs/cli.md: the generated tables of the file are what the
/// commands' manuals make, every command has a manual, and its --help shows the manual's words.
/// </summary>
public class CliReferenceTests
{
    [Fact]
    public void Docs_cli_md_holds_the_tables_the_manuals_make()
    {
        var path = Path.Combine(RepositoryRoot.Path, CliReference.RelativePath);
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = CliReference.Regenerate(actual);
        if (Environment.GetEnvironmentVariable(CliReference.RegenerateVariable) == "1")
        {
            File.WriteAllText(path, expected);
            actual = expected;
        }

        Assert.True(
            actual == expected,
            $"{CliReference.RelativePath} is stale: its generated tables differ from the commands' manuals. Regenerate them with\n"
            + $"    {CliReference.RegenerateVariable}=1 dotnet test tests/ContactRules.Cli.Tests --filter CliReferenceTests\n"
            + "and commit the result.");
    }

    [Fact]
    public void Every_command_of_the_tool_has_a_manual_and_every_manual_a_command()
    {
        var root = Program.Root(TextReader.Null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance);

        Assert.Equal(
            Leaves(root, string.Empty).OrderBy(p => p, StringComparer.Ordinal),
            CliReference.Commands.Where(c => c.Path.Length > 0).Select(c => c.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_manual_gives_meanings_only_to_the_codes_of_the_table()
    {
        foreach (var command in CliReference.Commands)
        {
            Assert.All(command.Exits.Keys, code => Assert.Contains(code, ExitCodes.All.Select(c => c.Code)));
            Assert.Contains(ExitCodes.InputError, command.Exits.Keys);
        }
    }

    [Fact]
    public void Each_command_help_shows_its_manual_with_its_exit_codes()
    {
        foreach (var command in CliReference.Commands.Where(c => c.Path.Length > 0))
        {
            var run = CliRun.Run(string.Empty, null, command.Path.Split(' ').Append("--help").ToArray());

            Assert.Equal(0, run.ExitCode);
            var help = string.Join(" ", string.Join("\n", run.Lines).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            foreach (var (code, meaning) in command.Exits)
            {
                Assert.Contains($"{code} {string.Join(" ", meaning.Split(' ', StringSplitOptions.RemoveEmptyEntries))}", help, StringComparison.Ordinal);
            }

            foreach (var column in command.Columns)
            {
                Assert.Contains(column.Name + " (", help, StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<string> Leaves(Command command, string path)
    {
        if (command.Subcommands.Count == 0)
        {
            yield return path;
            yield break;
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}"))
            {
                yield return leaf;
            }
        }
    }
}
