using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ContactRules.Hosting;

/// <summary>
/// Reads the <c>ContactRules</c> configuration section into <see cref="ContactRulesOptions"/>,
/// setting by setting, so that a wrong value is a validation error naming the setting and the
/// values it takes (<see cref="ContactRulesOptionsValidator"/>), never the binder's raw
/// "failed to convert" exception; and a setting whose name is misspelt is named too, instead of
/// being ignored while its default (a SQLite store, reservations counted for good) applies.
/// </summary>
internal static class ContactRulesOptionsBinder
{
    private static readonly string[] Settings =
    {
        nameof(ContactRulesOptions.Policy),
        nameof(ContactRulesOptions.Store),
        nameof(ContactRulesOptions.SqlitePath),
        nameof(ContactRulesOptions.PostgreSqlConnectionString),
        nameof(ContactRulesOptions.PhoneNumberHashKey),
        nameof(ContactRulesOptions.ReservationExpiry),
    };

    /// <summary>Reads <paramref name="section"/> into <paramref name="options"/>; what cannot be read is kept as a binding problem.</summary>
    internal static void Bind(IConfiguration section, ContactRulesOptions options)
    {
        const string Section = ContactRulesOptions.SectionName;
        foreach (var child in section.GetChildren())
        {
            if (!Settings.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                options.BindingProblems.Add($"{Section}:{child.Key} is not a setting; expected one of {string.Join(", ", Settings)}.");
            }
        }

        options.Policy = section[nameof(ContactRulesOptions.Policy)] ?? options.Policy;
        options.SqlitePath = section[nameof(ContactRulesOptions.SqlitePath)] ?? options.SqlitePath;
        options.PostgreSqlConnectionString = section[nameof(ContactRulesOptions.PostgreSqlConnectionString)] ?? options.PostgreSqlConnectionString;
        options.PhoneNumberHashKey = section[nameof(ContactRulesOptions.PhoneNumberHashKey)] ?? options.PhoneNumberHashKey;

        if (section[nameof(ContactRulesOptions.Store)] is { } store)
        {
            if (Enum.TryParse<ContactRulesStore>(store.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(store, out _))
            {
                options.Store = parsed;
            }
            else
            {
                options.StoreUnreadable = true;
                options.BindingProblems.Add($"{Section}:Store: '{store}' is not a store; expected one of {string.Join(", ", Enum.GetNames<ContactRulesStore>())}.");
            }
        }

        if (section[nameof(ContactRulesOptions.ReservationExpiry)] is { } expiry)
        {
            if (expiry.Trim().Length == 0)
            {
                options.ReservationExpiry = null;
            }
            else if (TimeSpan.TryParse(expiry.Trim(), CultureInfo.InvariantCulture, out var duration))
            {
                options.ReservationExpiry = duration;
            }
            else
            {
                options.BindingProblems.Add($"{Section}:ReservationExpiry: '{expiry}' is not a duration; expected [d.]hh:mm[:ss], such as '00:05:00' (5 minutes), '02:00:00' (2 hours) or '1.00:00:00' (a day), or no value to count unfinished reservations for good.");
            }
        }
    }
}
