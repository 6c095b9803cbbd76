using System.Text.Json;
using ContactRules.Json.Internal;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace ContactRules.Json;

/// <summary>Extension methods to set up System.Text.Json for ContactRules types.</summary>
public static class ContactRulesJsonExtensions
{
    /// <summary>
    /// Configures <paramref name="options"/> to read and write requests, decisions, violations,
    /// attempts and histories (every converter of <see cref="ContactRulesConverters"/>), and
    /// NodaTime values the same way (<c>ConfigureForNodaTime</c> with the TZDB provider), so that
    /// an instant of the service's own looks like the instants of a decision:
    /// <c>JsonSerializer.Serialize(decision, new JsonSerializerOptions().ConfigureForContactRules())</c>.
    /// </summary>
    /// <param name="options">The options to configure; must not be read-only yet.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="System.InvalidOperationException"><paramref name="options"/> is already in use, and so read-only.</exception>
    public static JsonSerializerOptions ConfigureForContactRules(this JsonSerializerOptions options)
    {
        if (options is null)
        {
            throw new System.ArgumentNullException(nameof(options));
        }

        var converters = options.Converters;
        converters.Add(ContactRulesConverters.ContactRequestConverter);
        converters.Add(ContactRulesConverters.ContactConverter);
        converters.Add(ContactRulesConverters.ConsentRecordConverter);
        converters.Add(ContactRulesConverters.OptOutConverter);
        converters.Add(ContactRulesConverters.ContactDecisionConverter);
        converters.Add(ContactRulesConverters.RuleViolationConverter);
        converters.Add(ContactRulesConverters.ContactAdvisoryConverter);
        converters.Add(ContactRulesConverters.ContactAttemptConverter);
        converters.Add(ContactRulesConverters.ContactHistoryConverter);
        converters.Add(ContactRulesConverters.ContactChannelConverter);
        converters.Add(ContactRulesConverters.ContactPurposeConverter);
        converters.Add(ContactRulesConverters.AttemptOutcomeConverter);
        converters.Add(ContactRulesConverters.RuleKindConverter);
        converters.Add(ContactRulesConverters.OptOutKindConverter);
        converters.Add(ContactRulesConverters.ContactRegistryConverter);
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
