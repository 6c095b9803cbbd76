using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using ContactRules.Cli.Help;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactRules.Cli.Ledger;

/// <summary>
/// <c>contactrules ledger verify (--ledger FILE | --pg CONN [--pg-schema NAME])</c>: checks the
/// hash chain of a ledger's evidence log and names the first entry altered, removed or put out
/// of order.
/// </summary>
/// <remarks>Exit codes: <see cref="VerifyManual"/>. Nothing is written to the ledger.</remarks>
internal static class LedgerCommand
{
    internal static CommandManual VerifyManual { get; } = new(
        "ledger verify",
        "ledger verify --ledger FILE | --pg CONN [--pg-schema S]",
        "Verify the hash-chained evidence log of a ledger (SQLite file or PostgreSQL schema): every entry must be linked to the one before and match its own hash, up to the head the ledger recorded. Names the first entry altered, removed or out of order. Reads only.",
        "a ledger's evidence log",
        "the verdict",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "intact",
            [ExitCodes.Findings] = "tampered: the first altered, removed or reordered entry is named",
            [ExitCodes.InputError] = "the options name no ledger, or two",
            [ExitCodes.StoreUnreadable] = "the ledger cannot be read: missing, not a ledger, damaged, server unreachable",
        });

    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = LedgerSource.CreateOptions("verify");
        var verify = new Command("verify", VerifyManual.HelpText());
        source.AddTo(verify);
        verify.SetAction(parseResult => Verify(parseResult.GetValue(source.Sqlite), parseResult.GetValue(source.Postgres), parseResult.GetValue(source.Schema), stdout, stderr));
        return new Command("ledger", "Work with a ContactRules ledger (attempts, facts and evidence log).") { verify };
    }

    internal static int Verify(string? sqlitePath, string? connectionString, string? schema, TextWriter stdout, TextWriter stderr)
    {
        if (LedgerSource.Open("ledger verify", sqlitePath, connectionString, schema, required: true, stderr, out var ledger, out var name) is { } failed)
        {
            return failed;
        }

        LogVerification verdict;
        try
        {
            verdict = ledger!.Log.Verify();
        }
        catch (Exception e) when (e is InvalidDataException or SqliteException or NpgsqlException or IOException or InvalidOperationException or TimeoutException)
        {
            stderr.WriteLine($"contactrules ledger verify: cannot read the evidence log of {name}: {e.Message}");
            return ExitCodes.StoreUnreadable;
        }
        finally
        {
            ledger?.Dispose();
        }

        if (verdict.IsIntact)
        {
            stdout.WriteLine($"{name}: intact: {verdict.EntriesChecked.ToString(CultureInfo.InvariantCulture)} entries, each linked to the one before and matching its hash, up to the recorded head.");
            return ExitCodes.Ok;
        }

        var problem = verdict.Problem switch
        {
            LogProblem.Altered => "altered",
            LogProblem.Missing => "removed",
            LogProblem.Reordered => "out of order",
            _ => verdict.Problem.ToString(),
        };
        stdout.WriteLine($"{name}: TAMPERED: entry {verdict.FirstBadSequence!.Value.ToString(CultureInfo.InvariantCulture)} {problem} ({verdict.EntriesChecked.ToString(CultureInfo.InvariantCulture)} entries read). {verdict.Message}");
        return ExitCodes.Findings;
    }
}
