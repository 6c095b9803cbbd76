using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using ContactRules.Cli.Help;
using ContactRules.PostgreSql;
using ContactRules.Sqlite;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactRules.Cli.Ledger;

/// <summary>
/// The ledger a command reads: a SQLite file (<c>--ledger FILE</c>) or a PostgreSQL schema
/// (<c>--pg CONN [--pg-schema NAME]</c>). Opening refuses a ledger that does not exist, because
/// the stores create an empty one when asked to open it, and an empty ledger would read as "no
/// earlier call, no opt-out": an allowance on a guess.
/// </summary>
/// <remarks>
/// The tool only reads (histories, facts, the evidence log), and reading never uses the ledger's
/// phone-number key: histories and facts are found by contact id and E.164 number, the log is
/// checked by its own hashes. The ledger is therefore opened with a throw-away key, which no
/// write could ever use because the tool makes none; the operator's key never has to be given.
/// </remarks>
internal sealed class LedgerSource
{
    internal const string DefaultSchema = "contactrules";

    private LedgerSource(Option<string?> sqlite, Option<string?> postgres, Option<string?> schema)
    {
        Sqlite = sqlite;
        Postgres = postgres;
        Schema = schema;
    }

    internal Option<string?> Sqlite { get; }

    internal Option<string?> Postgres { get; }

    internal Option<string?> Schema { get; }

    /// <summary>The options <c>--ledger</c>, <c>--pg</c> and <c>--pg-schema</c>, described for <paramref name="purpose"/>.</summary>
    internal static LedgerSource CreateOptions(string purpose)
        => new(
            new Option<string?>("--ledger") { Description = $"A SQLite ledger file to {purpose}; it must exist (it is never created)." },
            new Option<string?>("--pg") { Description = $"A PostgreSQL connection string (Npgsql syntax, such as 'Host=db;Username=dialer;Database=crm') of a ledger to {purpose}; the ledger's schema must exist." },
            new Option<string?>("--pg-schema") { Description = $"The schema of the PostgreSQL ledger; '{DefaultSchema}' by default." });

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    internal void AddTo(Command command)
    {
        command.Options.Add(Sqlite);
        command.Options.Add(Postgres);
        command.Options.Add(Schema);
    }

    /// <summary>
    /// Opens the ledger the options name. Null when it is open, or when none was asked for and none
    /// is required; otherwise the exit code, with the reason on standard error: 2 when both or
    /// (when required) neither is given, 3 when the ledger cannot be read.
    /// </summary>
    /// <param name="command">The command, for the start of error lines.</param>
    /// <param name="sqlitePath">The value of <c>--ledger</c>.</param>
    /// <param name="connectionString">The value of <c>--pg</c>.</param>
    /// <param name="schema">The value of <c>--pg-schema</c>.</param>
    /// <param name="required">True when the command needs a ledger.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="ledger">The open ledger; null when none was asked for.</param>
    /// <param name="name">How to name the ledger in messages (the file, or the schema; never the connection string, which may hold a password).</param>
    internal static int? Open(string command, string? sqlitePath, string? connectionString, string? schema, bool required, TextWriter stderr, out ContactLedger? ledger, out string name)
    {
        ledger = null;
        name = string.Empty;
        if (sqlitePath is not null && connectionString is not null)
        {
            stderr.WriteLine($"contactrules {command}: --ledger and --pg both given; expected one ledger, a SQLite file or a PostgreSQL connection.");
            return ExitCodes.InputError;
        }

        if (sqlitePath is null && connectionString is null)
        {
            if (schema is not null)
            {
                stderr.WriteLine($"contactrules {command}: --pg-schema given without --pg.");
                return ExitCodes.InputError;
            }

            if (required)
            {
                stderr.WriteLine($"contactrules {command}: no ledger given; expected --ledger FILE (SQLite) or --pg CONNECTION (PostgreSQL).");
                return ExitCodes.InputError;
            }

            return null;
        }

        if (sqlitePath is not null)
        {
            name = sqlitePath;
            if (schema is not null)
            {
                stderr.WriteLine($"contactrules {command}: --pg-schema names a PostgreSQL schema; it does not go with --ledger.");
                return ExitCodes.InputError;
            }

            return TryOpenSqlite(command, sqlitePath, stderr, out ledger) ? null : ExitCodes.StoreUnreadable;
        }

        name = $"PostgreSQL schema '{schema ?? DefaultSchema}'";
        return TryOpenPostgres(command, connectionString!, schema ?? DefaultSchema, stderr, out ledger) ? null : ExitCodes.StoreUnreadable;
    }

    private static bool Refuse(string command, TextWriter stderr, string message)
    {
        stderr.WriteLine($"contactrules {command}: {message}");
        return false;
    }

    private static PhoneNumberHasher ThrowAwayKey() => new(RandomNumberGenerator.GetBytes(32));

    private static bool TryOpenSqlite(string command, string path, TextWriter stderr, out ContactLedger? ledger)
    {
        ledger = null;
        if (!File.Exists(path))
        {
            return Refuse(command, stderr, $"--ledger: there is no ledger file '{path}'; expected an existing SQLite ledger (the tool never creates one: an empty ledger would say nobody was ever called).");
        }

        try
        {
            ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, ThrowAwayKey()) { CheckIntegrityOnOpen = true });
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Refuse(command, stderr, $"--ledger: cannot read the ledger '{path}': {e.Message}");
        }
    }

    private static bool TryOpenPostgres(string command, string connectionString, string schema, TextWriter stderr, out ContactLedger? ledger)
    {
        ledger = null;
        PostgreSqlContactLedgerOptions options;
        try
        {
            options = new PostgreSqlContactLedgerOptions(connectionString, ThrowAwayKey()) { Schema = schema };
        }
        catch (ArgumentException e)
        {
            return Refuse(command, stderr, $"--pg-schema: {e.Message}");
        }

        try
        {
            // Opening creates a missing schema: look first, so that a mistyped schema or database
            // is an error, not an empty ledger.
            using (var connection = new NpgsqlConnection(connectionString))
            {
                connection.Open();
                using var probe = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
                probe.Parameters.AddWithValue("table", schema + ".evidence_head");
                if (probe.ExecuteScalar() is not true)
                {
                    return Refuse(command, stderr, $"--pg: the database holds no ContactRules ledger in schema '{schema}'; expected an existing ledger (the tool never creates one: an empty ledger would say nobody was ever called). Use --pg-schema for another schema.");
                }
            }

            ledger = PostgreSqlContactLedger.Open(options);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException or InvalidDataException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The connection string is not echoed: it may hold a password.
            return Refuse(command, stderr, $"--pg: cannot read the PostgreSQL ledger in schema '{schema}': {e.Message}");
        }
    }
}
