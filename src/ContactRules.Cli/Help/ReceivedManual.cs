using System.Collections.Generic;
using ContactRules.Cli.Received;

namespace ContactRules.Cli.Help;

/// <summary>
/// The manual of <c>contactrules received</c>, from the command's own description and exit codes
/// (<see cref="ReceivedCommand"/>), so that docs/cli.md's tables and its <c>--help</c> name its
/// codes as the other commands do.
/// </summary>
internal static class ReceivedManual
{
    internal static CommandManual Manual { get; } = new(
        "received",
        "received FILE... --policy fr [--out DIR] [--zone Z] [--lang fr|en] [--callers FILE] [--facts FILE] [--own-number N]",
        ReceivedCommand.Description,
        "what a person's phone exports (Android XML, iPhone database, CSV), their callers and facts files",
        "`report.html`, `complaints/*.txt`, `other-numbers.csv`",
        new Dictionary<int, string>
        {
            [ReceivedCommand.Clean] = "everything read, and nothing broke a rule",
            [ReceivedCommand.BreachesFound] = "something broke a rule (complaints drafted)",
            [ReceivedCommand.InputInError] = "an export could not be read whole (the rest still judged), or a wrong option, callers or facts file (nothing judged)",
        });
}
