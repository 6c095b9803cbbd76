using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using ContactRules.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Hosting.Tests;

public sealed class HostingTests : IDisposable
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly TempFolder folder = new TempFolder();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_gate_is_built_from_configuration_on_the_SQLite_ledger()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["ContactRules:Policy"] = "fr",
            ["ContactRules:Store"] = "Sqlite",
            ["ContactRules:SqlitePath"] = folder.File("ledger.db"),
            ["ContactRules:PhoneNumberHashKey"] = Key,
        });

        var gate = provider.GetRequiredService<ContactGate>();
        Assert.Same(gate, provider.GetRequiredService<ContactGate>());
        Assert.Equal("fr", gate.Policy.Id);
        // One ledger, the gate's: what a CRM records as a fact there, the gate reads.
        var ledger = provider.GetRequiredService<ContactLedger>();
        Assert.IsType<ContactRules.Sqlite.SqliteContactLedger>(ledger);
        Assert.True(File.Exists(folder.File("ledger.db")));

        // Tuesday 10 March 2026, 10:30 in Paris: allowed, and recorded in the ledger.
        Assert.True(gate.TryReserve(Customer(), out var permit));
        permit.Complete(AttemptOutcome.NoAnswer);
        Assert.Equal(AttemptOutcome.NoAnswer, ledger.Read(new Contact("customer-42")).History.Attempts[0].Outcome);
    }

    [Fact]
    public void Wrong_settings_are_all_named_before_anything_is_built()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["ContactRules:Policy"] = "fr+xx",
            ["ContactRules:Store"] = "Sqlite",
            ["ContactRules:PhoneNumberHashKey"] = "not base64!",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ContactGate>());
        Assert.Contains("ContactRules:Policy: unknown pack 'xx' in policy 'fr+xx'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ContactRules:SqlitePath is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("ContactRules:PhoneNumberHashKey must be base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_store_duration_or_setting_names_the_setting_and_the_values_it_takes()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["ContactRules:Policy"] = "fr",
            ["ContactRules:Store"] = "Sqlte",
            ["ContactRules:SqlitePath"] = folder.File("ledger.db"),
            ["ContactRules:PhoneNumberHashKey"] = Key,
            ["ContactRules:ReservationExpiry"] = "5 minutes",
            ["ContactRules:ReservationExpiery"] = "00:05:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ContactGate>());
        Assert.Equal(
            new[]
            {
                "ContactRules:ReservationExpiery is not a setting; expected one of Policy, Store, SqlitePath, PostgreSqlConnectionString, PhoneNumberHashKey, ReservationExpiry.",
                "ContactRules:Store: 'Sqlte' is not a store; expected one of Sqlite, PostgreSql, InMemory.",
                "ContactRules:ReservationExpiry: '5 minutes' is not a duration; expected [d.]hh:mm[:ss], such as '00:05:00' (5 minutes), '02:00:00' (2 hours) or '1.00:00:00' (a day), or no value to count unfinished reservations for good.",
            },
            error.Failures);
        Assert.False(File.Exists(folder.File("ledger.db")));
    }

    [Fact]
    public void Settings_are_read_whatever_the_case_of_their_values()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["ContactRules:Policy"] = "fr",
            ["ContactRules:Store"] = "inmemory",
            ["ContactRules:ReservationExpiry"] = "00:05:00",
        });

        Assert.IsType<InMemoryContactLedger>(provider.GetRequiredService<ContactLedger>());
        Assert.Equal(TimeSpan.FromMinutes(5), provider.GetRequiredService<IOptions<ContactRulesOptions>>().Value.ReservationExpiry);
    }

    [Fact]
    public void A_PostgreSQL_store_needs_its_connection_string_and_a_key()
    {
        var services = new ServiceCollection().AddSingleton(typeof(ILogger<>), typeof(ListLogger<>));
        services.AddContactRules(o => { o.Policy = "us"; o.Store = ContactRulesStore.PostgreSql; });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ContactGate>());
        Assert.Contains("ContactRules:PostgreSqlConnectionString is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("ContactRules:PhoneNumberHashKey is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decisions_are_logged_and_counted_without_the_phone_number()
    {
        var logger = new ListLogger<ContactRulesTelemetry>();
        var services = new ServiceCollection().AddSingleton<ILogger<ContactRulesTelemetry>>(logger);
        services.AddSingleton<IClock>(new FakeClock(Paris.AtStrictly(new LocalDateTime(2026, 3, 14, 11, 0)).ToInstant())); // a Saturday
        services.AddContactRules(o => { o.Policy = "fr"; o.Store = ContactRulesStore.InMemory; });
        using var provider = services.BuildServiceProvider();

        var measurements = new List<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ContactRulesTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var decision = provider.GetRequiredService<ContactGate>().Check(Customer());

        Assert.False(decision.IsAllowed);
        Assert.Contains(("contactrules.decisions", 1L, "operation=check,allowed=False"), measurements);
        Assert.Contains(("contactrules.refusals", 1L, "rule=FR-HOURS-01"), measurements);
        var message = Assert.Single(logger.Messages);
        Assert.Contains("customer-42", message, StringComparison.Ordinal);
        Assert.Contains("FR-HOURS-01", message, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", message, StringComparison.Ordinal);
    }

    private static ContactRequest Customer()
        => new ContactRequest(new Contact("customer-42") { PhoneNumber = "+33612345678", TimeZones = ImmutableArray.Create(Paris) }) { Caller = "acme" };

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(ListLogger<>));
        services.AddSingleton<IClock>(new FakeClock(Paris.AtStrictly(new LocalDateTime(2026, 3, 10, 10, 30)).ToInstant()));
        services.AddContactRules(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Messages { get; } = new List<string>();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
