using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Text;
using ContactRules.Cli.Audit;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Explain;
using ContactRules.Cli.Help;
using ContactRules.Cli.Ledger;
using ContactRules.Cli.Received;
using ContactRules.Cli.Registry;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using NodaTime;

namespace ContactRules.Cli;

/// <summary>The <c>contactrules</c> command-line tool.</summary>
internal static class Program
{
    internal static int Main(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16) { AutoFlush = false, NewLine = "\n" };
        var exitCode = Run(args, stdin, stdout, Console.Error);
        stdout.Flush();
        return exitCode;
    }

    /// <summary>Runs the tool on the given streams: the entry point of the tests, in-process.</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
        => Run(args, stdin, stdout, stderr, PhoneNumberZones.Instance);

    /// <summary>Runs the tool with a given way to derive zones from phone numbers.</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        var root = Root(stdin, stdout, stderr, phoneNumberZones);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Standard output carries decisions: a usage mistake is reported on standard error only.
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"contactrules: {error.Message}");
            }

            // One table of exit codes for every command (docs/cli.md): a usage mistake is 2, never
            // 1, which means "something was found".
            var command = parseResult.CommandResult.Command;
            stderr.WriteLine(command == root
                ? "Run 'contactrules --help' for the commands."
                : $"Run 'contactrules {CommandPath(parseResult.CommandResult)} --help' for usage.");
            return ExitCodes.InputError;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>The tool's commands; each has its manual in <see cref="CliReference"/>.</summary>
    internal static Command Root(TextReader stdin, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        // A root named after the tool's command, not the assembly, so that help reads "contactrules".
        var root = new Command("contactrules", "May we contact this person now, and if not, why, and when at the earliest? Exit codes, for every command: 0 ok, 1 findings, 2 input or usage error, 3 ledger unreadable (docs/cli.md).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(EvaluateCommand.Create(stdin, stdout, stderr, phoneNumberZones));
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr, phoneNumberZones));
        root.Subcommands.Add(ReceivedCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Create(stdin, stdout, stderr, phoneNumberZones));
        root.Subcommands.Add(ScrubCommand.Create(stdout, stderr, phoneNumberZones, SystemClock.Instance));
        root.Subcommands.Add(RegistryCommand.Create(stdout, stderr));
        root.Subcommands.Add(LedgerCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>The command's words after the tool's name, such as <c>ledger verify</c>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var words = new System.Collections.Generic.List<string>();
        for (var current = result; current?.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
        {
            words.Insert(0, current.Command.Name);
        }

        return string.Join(" ", words);
    }
}
