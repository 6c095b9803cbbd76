using System;
using System.CommandLine;
using System.IO;
using System.Text;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Zones;

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
        => Run(args, stdin, stdout, stderr, NoPhoneNumberZones.Instance);

    /// <summary>Runs the tool with a given way to derive zones from phone numbers.</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        var root = new RootCommand("contactrules: may we contact this person now, and if not, why, and when at the earliest?");
        root.Subcommands.Add(EvaluateCommand.Create(stdin, stdout, stderr, phoneNumberZones));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
