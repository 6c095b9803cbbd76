using System;
using ContactRules.Internal;
using ContactRules.Jurisdictions;
using ContactRules.PostgreSql;
using ContactRules.Sqlite;
using ContactRules.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactRules.Hosting;

/// <summary>
/// Registers ContactRules in a service collection: the policy, the ledger (one
/// <see cref="ContactLedger"/>, which a CRM also uses to record consents and opt-outs), the
/// telemetry and a singleton <see cref="ContactGate"/>.
/// </summary>
public static class ContactRulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds ContactRules configured from <paramref name="configuration"/> (the
    /// <c>ContactRules</c> section, or the section itself).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root or the ContactRules section.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddContactRules(this IServiceCollection services, IConfiguration configuration)
    {
        Preconditions.CheckNotNull(configuration, nameof(configuration));
        var section = configuration.GetSection(ContactRulesOptions.SectionName);
        var source = section.Exists() ? section : configuration;
        // Read setting by setting: a wrong value is named with the values it takes (ContactRulesOptionsBinder).
        services.AddOptions<ContactRulesOptions>().Configure(options => ContactRulesOptionsBinder.Bind(source, options)).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>Adds ContactRules configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddContactRules(this IServiceCollection services, Action<ContactRulesOptions> configure)
    {
        Preconditions.CheckNotNull(configure, nameof(configure));
        services.AddOptions<ContactRulesOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        Preconditions.CheckNotNull(services, nameof(services));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactRulesOptions>, ContactRulesOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(provider => RulePacks.Get(Options(provider).Policy));
        // One ledger: the gate reserves on it, a CRM records consents and opt-outs in it, an
        // auditor verifies its log.
        services.TryAddSingleton(provider => OpenStore(Options(provider), provider.GetRequiredService<IClock>()));
        services.TryAddSingleton<ContactRulesTelemetry>();
        services.TryAddSingleton(provider => new ContactGate(
            provider.GetRequiredService<ContactPolicy>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<ContactLedger>())
        {
            Observer = provider.GetRequiredService<ContactRulesTelemetry>(),
        });
        return services;
    }

    // Reading Value runs the validator: a wrong setting fails here with every problem named.
    private static ContactRulesOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<ContactRulesOptions>>().Value;

    private static ContactLedger OpenStore(ContactRulesOptions options, IClock clock)
    {
        var expiry = options.ReservationExpiry is { } e ? Duration.FromTimeSpan(e) : (Duration?)null;
        switch (options.Store)
        {
            case ContactRulesStore.InMemory:
                // Nothing outlives the process: without a configured key, a random one will do.
                var key = options.PhoneNumberHashKey is { } configured ? Convert.FromBase64String(configured) : System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
                return new InMemoryContactLedger(new ContactLedgerOptions(new PhoneNumberHasher(key))
                {
                    Clock = clock,
                    ReservationExpiry = expiry,
                });
            case ContactRulesStore.PostgreSql:
                return PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(options.PostgreSqlConnectionString!, PhoneNumberHasher.FromBase64(options.PhoneNumberHashKey!))
                {
                    Clock = clock,
                    ReservationExpiry = expiry,
                });
            default:
                return SqliteContactLedger.Open(new SqliteContactLedgerOptions(options.SqlitePath!, PhoneNumberHasher.FromBase64(options.PhoneNumberHashKey!))
                {
                    Clock = clock,
                    ReservationExpiry = expiry,
                });
        }
    }
}
