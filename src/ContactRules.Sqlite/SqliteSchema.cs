using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace ContactRules.Sqlite;

/// <summary>
/// The ledger's schema, as numbered migrations applied in order, each once, in one transaction
/// with the record of its application. Applying them again does nothing; a file migrated by a
/// newer version of this package is refused rather than misread.
/// </summary>
internal static class SqliteSchema
{
    private static readonly (int Version, string Name, string Sql)[] Migrations =
    {
        (1, "ledger", """
            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id TEXT NOT NULL,
                at_ticks INTEGER NOT NULL,
                outcome INTEGER NOT NULL,
                channel INTEGER NOT NULL,
                purpose INTEGER NOT NULL,
                subject TEXT NULL,
                caller TEXT NULL,
                recorded_at_ticks INTEGER NOT NULL,
                completed_at_ticks INTEGER NULL);
            CREATE INDEX attempts_by_contact ON attempts (contact_id, at_ticks);

            CREATE TABLE consents (
                contact_id TEXT NOT NULL,
                consent_id TEXT NOT NULL,
                granted_at_ticks INTEGER NOT NULL,
                expires_at_ticks INTEGER NULL,
                revoked_at_ticks INTEGER NULL,
                channel INTEGER NULL,
                purpose INTEGER NULL,
                entity TEXT NULL,
                outside_hours INTEGER NOT NULL,
                capture_method TEXT NOT NULL,
                text_shown TEXT NOT NULL,
                text_version TEXT NOT NULL,
                phone_e164 TEXT NULL,
                phone_hash TEXT NULL,
                collected_by TEXT NULL,
                recorded_at_ticks INTEGER NOT NULL,
                PRIMARY KEY (contact_id, consent_id));
            CREATE TABLE consent_evidence (
                contact_id TEXT NOT NULL,
                consent_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                reference TEXT NOT NULL,
                PRIMARY KEY (contact_id, consent_id, position));
            CREATE TABLE consent_uses (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id TEXT NOT NULL,
                consent_id TEXT NOT NULL,
                used_at_ticks INTEGER NOT NULL,
                attempt_id INTEGER NULL);
            CREATE INDEX consent_uses_by_consent ON consent_uses (contact_id, consent_id, used_at_ticks);

            CREATE TABLE opt_outs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id TEXT NOT NULL,
                kind INTEGER NOT NULL,
                requested_at_ticks INTEGER NOT NULL,
                effective_at_ticks INTEGER NULL,
                channel INTEGER NULL,
                entity TEXT NULL,
                recorded_at_ticks INTEGER NOT NULL);
            CREATE INDEX opt_outs_by_contact ON opt_outs (contact_id);

            CREATE TABLE registry_entries (
                phone_e164 TEXT NOT NULL,
                phone_hash TEXT NOT NULL,
                registry INTEGER NOT NULL,
                registered_at_ticks INTEGER NOT NULL,
                effective_at_ticks INTEGER NULL,
                channel INTEGER NULL,
                recorded_at_ticks INTEGER NOT NULL,
                PRIMARY KEY (phone_e164, registry, registered_at_ticks));
            CREATE INDEX registry_entries_by_hash ON registry_entries (phone_hash);

            CREATE TABLE evidence_log (
                seq INTEGER PRIMARY KEY,
                at_ticks INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL);
            CREATE TRIGGER evidence_log_no_update BEFORE UPDATE ON evidence_log
                BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
            CREATE TRIGGER evidence_log_no_delete BEFORE DELETE ON evidence_log
                BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
            CREATE TABLE evidence_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq INTEGER NOT NULL,
                hash TEXT NOT NULL);
            INSERT INTO evidence_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
            """),
        (2, "consent slot and basis", """
            ALTER TABLE consents ADD COLUMN slot_from_ticks INTEGER NULL;
            ALTER TABLE consents ADD COLUMN slot_to_ticks INTEGER NULL;
            ALTER TABLE consents ADD COLUMN basis INTEGER NOT NULL DEFAULT 0;
            """),
    };

    /// <summary>The newest schema version this package knows.</summary>
    internal static int LatestVersion => Migrations[Migrations.Length - 1].Version;

    /// <summary>True when the database holds a ledger (its migrations table).</summary>
    internal static bool IsLedger(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Refuses a ledger migrated by a newer version of this package; reads only.</summary>
    /// <exception cref="InvalidDataException">The ledger has a schema version this package does not know.</exception>
    internal static void RefuseNewer(SqliteConnection connection, string path)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT max(version) FROM schema_migrations";
        if (read.ExecuteScalar() is long version && version > LatestVersion)
        {
            throw Newer(path, version);
        }
    }

    /// <summary>Applies the migrations the database lacks, in one immediate transaction.</summary>
    internal static void Migrate(SqliteConnection connection, long nowTicks, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ticks INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        var applied = new HashSet<long>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT version FROM schema_migrations";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        foreach (var version in applied)
        {
            if (version > LatestVersion)
            {
                throw Newer(path, version);
            }
        }

        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = sql;
            migrate.ExecuteNonQuery();
            migrate.CommandText = "INSERT INTO schema_migrations (version, name, applied_at_ticks) VALUES ($version, $name, $at)";
            migrate.Parameters.AddWithValue("$version", version);
            migrate.Parameters.AddWithValue("$name", name);
            migrate.Parameters.AddWithValue("$at", nowTicks);
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static InvalidDataException Newer(string path, long version)
        => new InvalidDataException(
            $"The ledger '{path}' has schema version {version}, newer than the {LatestVersion} this ContactRules.Sqlite knows: update the package rather than risk misreading it. The file was left as it was.");
}
