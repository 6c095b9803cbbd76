using System;
using System.Text.RegularExpressions;
using ContactRules.Storage;

namespace ContactRules.PostgreSql;

/// <summary>The settings of a <see cref="PostgreSqlContactLedger"/>: the server, and the schema that holds the ledger.</summary>
public sealed class PostgreSqlContactLedgerOptions : ContactLedgerOptions
{
    private readonly string schema = "contactrules";

    /// <summary>Creates options for the ledger on the server named by <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string. Every node sharing the ledger names the same database and <see cref="Schema"/>.</param>
    /// <param name="phoneNumbers">The keyed hash used for phone numbers in tables and logs; the same key on every node.</param>
    public PostgreSqlContactLedgerOptions(string connectionString, PhoneNumberHasher phoneNumbers)
        : base(phoneNumbers)
    {
        ConnectionString = Internal.Preconditions.CheckNotEmpty(connectionString, nameof(connectionString));
    }

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The schema holding the ledger's tables, created by the package; <c>contactrules</c> by
    /// default. Lower-case letters, digits and underscores, starting with a letter.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a plain lower-case identifier.</exception>
    public string Schema
    {
        get => schema;
        init
        {
            if (value is null || !Regex.IsMatch(value, "^[a-z][a-z0-9_]{0,62}$"))
            {
                throw new ArgumentException($"A ledger schema name is a plain lower-case identifier (letters, digits, '_', starting with a letter, at most 63 characters); got '{value}'.", nameof(Schema));
            }

            schema = value;
        }
    }

    /// <summary>The most connections this node opens to the server; 32 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxConnections
    {
        get => maxConnections;
        init => maxConnections = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxConnections), value, "A node needs at least one connection.");
    }

    private readonly int maxConnections = 32;
}
