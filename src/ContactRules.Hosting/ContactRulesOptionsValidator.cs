using System;
using System.Collections.Generic;
using ContactRules.Jurisdictions;
using Microsoft.Extensions.Options;

namespace ContactRules.Hosting;

/// <summary>Checks <see cref="ContactRulesOptions"/> before anything is built from them, naming every wrong setting.</summary>
internal sealed class ContactRulesOptionsValidator : IValidateOptions<ContactRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactRulesOptions options)
    {
        var failures = new List<string>(options.BindingProblems);
        const string Section = ContactRulesOptions.SectionName;
        if (!RulePacks.TryResolve(options.Policy, out _, out var error))
        {
            failures.Add($"{Section}:Policy: {error}.");
        }

        if (options.StoreUnreadable)
        {
            // Named by the binder; what the store would need cannot be told.
            return ValidateOptionsResult.Fail(failures);
        }

        if (!Enum.IsDefined(options.Store))
        {
            failures.Add($"{Section}:Store: '{options.Store}' is not a store; expected one of {string.Join(", ", Enum.GetNames<ContactRulesStore>())}.");
        }

        if (options.Store == ContactRulesStore.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add($"{Section}:SqlitePath is empty; the Sqlite store needs the path of its ledger file.");
        }

        if (options.Store == ContactRulesStore.PostgreSql && string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
        {
            failures.Add($"{Section}:PostgreSqlConnectionString is empty; the PostgreSql store needs a connection string.");
        }

        if (options.Store != ContactRulesStore.InMemory)
        {
            if (string.IsNullOrWhiteSpace(options.PhoneNumberHashKey))
            {
                failures.Add($"{Section}:PhoneNumberHashKey is empty; the {options.Store} ledger needs a secret key (base64 of at least 16 random bytes) to hash phone numbers.");
            }
            else if (!TryKey(options.PhoneNumberHashKey!, out var length) || length < Storage.PhoneNumberHasher.MinimumKeyLength)
            {
                failures.Add($"{Section}:PhoneNumberHashKey must be base64 of at least {Storage.PhoneNumberHasher.MinimumKeyLength} bytes; got {(length < 0 ? "text that is not base64" : $"{length} bytes")}.");
            }
        }

        if (options.ReservationExpiry is { } expiry && expiry <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ReservationExpiry must be positive, such as '00:05:00' (5 minutes), or absent to count unfinished reservations for good; got {expiry}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryKey(string base64, out int length)
    {
        var buffer = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, buffer, out length))
        {
            return true;
        }

        length = -1;
        return false;
    }
}
