using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using ContactRules;
using ContactRules.Hosting;
using ContactRules.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Twilio.Clients;
using Twilio.Types;

namespace Crm.Sample;

/// <summary>
/// A small CRM calling its customers for a retention offer, the way ContactRules is meant to be
/// used: configured from appsettings.json with the <c>fr</c> pack and a SQLite ledger, every call
/// placed through Twilio only with a permit, every refusal explained.
/// </summary>
internal static class Program
{
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("ddd dd MMM uuuu HH:mm");

    public static int Main(string[] args)
    {
        if (args.Length > 1 || args.Any(a => a.StartsWith('-')))
        {
            Console.Error.WriteLine("usage: dotnet run --project samples/Crm.Sample [-- WORK-FOLDER (default crm-work)]");
            return 2;
        }

        try
        {
            Run(args.Length == 1 ? args[0] : "crm-work", Console.Out);
            return 0;
        }
        catch (OptionsValidationException invalid)
        {
            // AddContactRules names every wrong setting; show them all, not a stack trace.
            Console.Error.WriteLine("crm-sample: the ContactRules configuration is invalid:");
            foreach (var failure in invalid.Failures)
            {
                Console.Error.WriteLine("  " + failure);
            }

            return 2;
        }
    }

    internal static CrmRun Run(string workFolder, TextWriter output)
    {
        Directory.CreateDirectory(workFolder);
        var ledgerPath = Path.GetFullPath(Path.Combine(workFolder, "ledger.db"));
        foreach (var stale in new[] { ledgerPath, ledgerPath + "-wal", ledgerPath + "-shm" })
        {
            // Every run replays the same week on a new ledger.
            File.Delete(stale);
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ContactRules:SqlitePath"] = ledgerPath,
                // The key of the keyed hash that stands for phone numbers in the ledger. Production
                // keeps one key for the ledger's lifetime, in a secret store; this ledger lives
                // for one run.
                ["ContactRules:PhoneNumberHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            })
            .Build();
        var crm = configuration.GetRequiredSection("Crm");

        var clock = new ScenarioClock(Scenario.Start);
        var twilio = new SimulatedTwilio();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddContactRules(configuration)
            .AddSingleton<ITwilioRestClient>(twilio)
            .AddSingleton(provider => new TwilioDialer(
                provider.GetRequiredService<ITwilioRestClient>(),
                new PhoneNumber(crm["TwilioFrom"]),
                new Uri(crm["TwilioScript"]!)))
            .AddSingleton(provider => new CallCenter(
                provider.GetRequiredService<ContactGate>(),
                provider.GetRequiredService<TwilioDialer>(),
                crm["Caller"]!,
                crm["Campaign"]!));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // What a host does at start: every ContactRules setting is checked before the first call.
        provider.GetRequiredService<IStartupValidator>().Validate();

        var gate = provider.GetRequiredService<ContactGate>();
        var ledger = provider.GetRequiredService<ContactLedger>();
        var center = provider.GetRequiredService<CallCenter>();

        output.WriteLine($"CRM sample: policy '{gate.Policy.Id}', ledger {ledgerPath}");
        output.WriteLine($"Caller '{crm["Caller"]}', campaign '{crm["Campaign"]}'; Twilio is simulated: nothing leaves this machine.");
        output.WriteLine();

        var scenario = new Scenario(clock, ledger, twilio, center, crm["Caller"]!, output);
        var results = scenario.Play();

        output.WriteLine();
        output.WriteLine($"Calls placed through Twilio: {twilio.Requests.Count}; refused by ContactRules: {results.Count(r => !r.Placed)}.");
        foreach (var group in results.SelectMany(r => r.Decision.Violations).GroupBy(v => v.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        var verification = ledger.Log.Verify();
        output.WriteLine($"Evidence log: {verification.EntriesChecked} entries, {(verification.IsIntact ? "intact" : verification.Message)}.");
        output.WriteLine($"Ledger: {ledgerPath}");
        return new CrmRun(results, twilio.Dialled.ToList(), verification, ledgerPath);
    }

    /// <summary>One line per attempt; a refusal with every reason, its citation and when to try again.</summary>
    internal static void Print(TextWriter output, CallResult result)
    {
        var zone = result.Customer.Contact.TimeZones[0];
        var local = When.Format(result.At.InZone(zone).LocalDateTime);
        if (result.Placed)
        {
            output.WriteLine($"{local} {zone.Id,-14} {result.Customer.Name,-14} called ({result.CallSid}): {result.Outcome}");
            return;
        }

        output.WriteLine($"{local} {zone.Id,-14} {result.Customer.Name,-14} NOT called:");
        foreach (var violation in result.Decision.Violations)
        {
            output.WriteLine($"    {violation.RuleId} ({violation.Citation})");
            output.WriteLine($"      {violation.Reason}");
        }

        output.WriteLine(result.Decision.NextPermittedAt is { } next
            ? $"    next permitted: {When.Format(next.InZone(zone).LocalDateTime)} {zone.Id} ({next.ToString("g", CultureInfo.InvariantCulture)})"
            : "    next permitted: never (waiting does not help)");
    }
}
