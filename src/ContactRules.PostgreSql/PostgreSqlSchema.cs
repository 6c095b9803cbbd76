using System;
using System.Collections.Generic;
using System.IO;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// The ledger's schema, as numbered migrations applied in order, each once, in one transaction
/// with the record of its application, under an advisory lock so that nodes starting together
/// migrate once. Applying them again does nothing; a schema migrated by a newer version of this
/// package is refused rather than misread. The SQL of each version is in docs/storage.md.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The migrations; <c>{s}</c> stands for the schema name.</summary>
    private static readonly (int Version, string Name, string Sql)[] Migrations =
    {
        (1, "ledger", """
            CREATE TABLE {s}.attempts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                contact_id text NOT NULL,
                at_ticks bigint NOT NULL,
                outcome smallint NOT NULL,
                channel smallint NOT NULL,
                purpose smallint NOT NULL,
                subject text NULL,
                caller text NULL,
                recorded_at_ticks bigint NOT NULL,
                completed_at_ticks bigint NULL);
            CREATE INDEX attempts_by_contact ON {s}.attempts (contact_id, at_ticks);

            CREATE TABLE {s}.consents (
                contact_id text NOT NULL,
                consent_id text NOT NULL,
                granted_at_ticks bigint NOT NULL,
                expires_at_ticks bigint NULL,
                revoked_at_ticks bigint NULL,
                channel smallint NULL,
                purpose smallint NULL,
                entity text NULL,
                outside_hours boolean NOT NULL,
                capture_method text NOT NULL,
                text_shown text NOT NULL,
                text_version text NOT NULL,
                evidence_refs text[] NOT NULL,
                phone_e164 text NULL,
                phone_hash text NULL,
                collected_by text NULL,
                recorded_at_ticks bigint NOT NULL,
                PRIMARY KEY (contact_id, consent_id));
            CREATE TABLE {s}.consent_uses (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                contact_id text NOT NULL,
                consent_id text NOT NULL,
                used_at_ticks bigint NOT NULL,
                attempt_id bigint NULL,
                FOREIGN KEY (contact_id, consent_id) REFERENCES {s}.consents (contact_id, consent_id));
            CREATE INDEX consent_uses_by_consent ON {s}.consent_uses (contact_id, consent_id, used_at_ticks);

            CREATE TABLE {s}.opt_outs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                contact_id text NOT NULL,
                kind smallint NOT NULL,
                requested_at_ticks bigint NOT NULL,
                effective_at_ticks bigint NULL,
                channel smallint NULL,
                entity text NULL,
                recorded_at_ticks bigint NOT NULL);
            CREATE INDEX opt_outs_by_contact ON {s}.opt_outs (contact_id);

            CREATE TABLE {s}.registry_entries (
                phone_e164 text NOT NULL,
                phone_hash text NOT NULL,
                registry smallint NOT NULL,
                registered_at_ticks bigint NOT NULL,
                effective_at_ticks bigint NULL,
                channel smallint NULL,
                recorded_at_ticks bigint NOT NULL,
                PRIMARY KEY (phone_e164, registry, registered_at_ticks));
            CREATE INDEX registry_entries_by_hash ON {s}.registry_entries (phone_hash);

            CREATE TABLE {s}.evidence_log (
                seq bigint PRIMARY KEY,
                at_ticks bigint NOT NULL,
                kind text NOT NULL,
                payload text NOT NULL,
                prev_hash text NOT NULL,
                hash text NOT NULL);
            CREATE FUNCTION {s}.evidence_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'the evidence log is append-only'; END $$;
            CREATE TRIGGER evidence_log_no_change BEFORE UPDATE OR DELETE ON {s}.evidence_log
                FOR EACH ROW EXECUTE FUNCTION {s}.evidence_log_append_only();
            CREATE TRIGGER evidence_log_no_truncate BEFORE TRUNCATE ON {s}.evidence_log
                FOR EACH STATEMENT EXECUTE FUNCTION {s}.evidence_log_append_only();
            CREATE TABLE {s}.evidence_head (
                id smallint PRIMARY KEY CHECK (id = 1),
                seq bigint NOT NULL,
                hash text NOT NULL);
            INSERT INTO {s}.evidence_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
            """),
        (2, "consent slot and basis", """
            ALTER TABLE {s}.consents ADD COLUMN slot_from_ticks bigint NULL;
            ALTER TABLE {s}.consents ADD COLUMN slot_to_ticks bigint NULL;
            ALTER TABLE {s}.consents ADD COLUMN basis smallint NOT NULL DEFAULT 0;
            ALTER TABLE {s}.consents ADD CONSTRAINT consents_slot_bounded
                CHECK ((slot_from_ticks IS NULL) = (slot_to_ticks IS NULL) AND (slot_from_ticks IS NULL OR slot_from_ticks < slot_to_ticks));
            """),
    };

    /// <summary>The newest schema version this package knows.</summary>
    internal static int LatestVersion => Migrations[Migrations.Length - 1].Version;

    /// <summary>
    /// The longest a migration statement may take, when the operation timeout is shorter: a
    /// schema is created once, by a node that may be starting under load, and an operation
    /// timeout of a second or two is meant for decisions, not for DDL.
    /// </summary>
    private const int MigrationTimeoutSeconds = 60;

    /// <summary>Creates the schema if needed and applies the migrations it lacks.</summary>
    internal static void Migrate(NpgsqlDataSource dataSource, string schema, long nowTicks)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var timeout = Math.Max(connection.CommandTimeout, MigrationTimeoutSeconds);
        using (var prepare = new NpgsqlBatch(connection, transaction) { Timeout = timeout })
        {
            // Nodes starting together wait here for the one migrating, longer than the session's
            // lock bound (an operation timeout is meant for decisions, not for DDL).
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL lock_timeout = '{timeout}s'"));
            var lockMigrations = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)");
            lockMigrations.Parameters.AddWithValue(AdvisoryKeys.Migrations(schema));
            prepare.BatchCommands.Add(lockMigrations);
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE SCHEMA IF NOT EXISTS {schema}"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand(
                $"CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at_ticks bigint NOT NULL)"));
            prepare.ExecuteNonQuery();
        }

        var applied = new HashSet<int>();
        using (var read = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations", connection, transaction) { CommandTimeout = timeout })
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var version in applied)
        {
            if (version > LatestVersion)
            {
                throw new InvalidDataException(
                    $"The ledger schema '{schema}' has version {version}, newer than the {LatestVersion} this ContactRules.PostgreSql knows: update the package on this node rather than risk misreading it.");
            }
        }

        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using var migrate = new NpgsqlCommand(sql.Replace("{s}", schema, StringComparison.Ordinal), connection, transaction) { CommandTimeout = timeout };
            migrate.ExecuteNonQuery();
            using var record = new NpgsqlCommand($"INSERT INTO {schema}.schema_migrations (version, name, applied_at_ticks) VALUES ($1, $2, $3)", connection, transaction) { CommandTimeout = timeout };
            record.Parameters.AddWithValue(version);
            record.Parameters.AddWithValue(name);
            record.Parameters.AddWithValue(nowTicks);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
