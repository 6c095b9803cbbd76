using System;
using System.Collections.Generic;

namespace ContactRules.Hosting;

/// <summary>
/// The configuration of ContactRules in a host, usually the <c>ContactRules</c> section:
/// <code>
/// "ContactRules": {
///   "Policy": "fr",
///   "Store": "Sqlite",
///   "SqlitePath": "data/contact-ledger.db",
///   "PhoneNumberHashKey": "base64 of 32 random bytes, kept secret"
/// }
/// </code>
/// Validated when the gate is first resolved (or at start with a host), with errors that name
/// the setting and what was expected.
/// </summary>
public sealed class ContactRulesOptions
{
    /// <summary>The configuration section read by <c>AddContactRules(IConfiguration)</c>.</summary>
    public const string SectionName = "ContactRules";

    /// <summary>The packs to apply, joined by '+': <c>fr</c>, <c>us+us-fl</c>, <c>de+eu</c>.</summary>
    public string Policy { get; set; } = string.Empty;

    /// <summary>Where attempts, consents and the evidence log are kept; SQLite by default.</summary>
    public ContactRulesStore Store { get; set; } = ContactRulesStore.Sqlite;

    /// <summary>The SQLite ledger file, for <see cref="ContactRulesStore.Sqlite"/>.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>The PostgreSQL connection string, for <see cref="ContactRulesStore.PostgreSql"/>.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>
    /// The secret key (base64, at least 16 bytes) of the keyed hash that stands for phone numbers
    /// in the ledger's tables and evidence log; required by the durable stores. Keep it in a
    /// secret store: with it, a hashed number can be confirmed.
    /// </summary>
    public string? PhoneNumberHashKey { get; set; }

    /// <summary>
    /// How long a reservation never completed (a dialer that crashed) keeps counting as an
    /// attempt; null (the default) counts it for good.
    /// </summary>
    public TimeSpan? ReservationExpiry { get; set; }

    /// <summary>What could not be read from the configuration, each naming the setting and what it takes.</summary>
    internal List<string> BindingProblems { get; } = new();

    /// <summary>True when the configured store could not be read (the checks that depend on the store are then left out).</summary>
    internal bool StoreUnreadable { get; set; }
}
