using System;
using System.IO;
using System.Linq;
using ContactRules.PostgreSql;
using ContactRules.Storage;
using ContactRules.Storage.Tests.PostgreSql;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>scrub --pg</c> and <c>ledger verify --pg</c> on a throw-away PostgreSQL server, with the
/// people of <see cref="LedgerFixture"/> in a schema of their own: the same decisions as from the
/// SQLite file (<see cref="LedgerTests"/> works them out).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlLedgerTests
{
    private readonly PostgresServer server;

    public PostgreSqlLedgerTests(PostgresServer server)
    {
        this.server = server;
    }

    private string Populated(out LogHead head)
    {
        var schema = server.NewSchema();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 8, 0));
        using var ledger = PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(server.ConnectionString, LedgerFixture.Hasher) { Schema = schema, Clock = clock, MaxConnections = 4 });
        head = LedgerFixture.Write(ledger, clock);
        return schema;
    }

    [Fact]
    public void Scrub_reads_each_person_from_the_PostgreSQL_ledger_and_records_nothing()
    {
        using var folder = new TempFolder();
        var schema = Populated(out var head);
        var list = LedgerFixture.WriteList(folder);

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", "2026-03-10T09:30:00Z", "--pg", server.ConnectionString, "--pg-schema", schema);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            new[] { "allowed", "refused FR-FREQ-01", "refused FR-COOL-01", "refused EU-OBJ-01", "refused FR-LIST-01" },
            run.Lines.Skip(1).Select(line => line.Split(',')).Select(f => f[3] == "allowed" ? "allowed" : $"{f[3]} {f[6]}"));
        Assert.Equal(head.Sequence, server.Scalar<long>($"SELECT max(seq) FROM {schema}.evidence_log"));
        Assert.Equal(0L, server.Scalar<long>($"SELECT count(*) FROM {schema}.attempts WHERE contact_id = 'P-1'"));
    }

    [Fact]
    public void Verify_names_an_altered_entry_in_a_PostgreSQL_ledger()
    {
        var schema = Populated(out var head);

        var intact = CliRun.Run(string.Empty, null, "ledger", "verify", "--pg", server.ConnectionString, "--pg-schema", schema);
        server.Execute($"DROP TRIGGER evidence_log_no_change ON {schema}.evidence_log");
        server.Execute($"UPDATE {schema}.evidence_log SET payload = replace(payload, 'P-2', 'P-9') WHERE seq = 2");
        var tampered = CliRun.Run(string.Empty, null, "ledger", "verify", "--pg", server.ConnectionString, "--pg-schema", schema);

        Assert.Equal(0, intact.ExitCode);
        Assert.Equal($"PostgreSQL schema '{schema}': intact: {head.Sequence} entries, each linked to the one before and matching its hash, up to the recorded head.", Assert.Single(intact.Lines));
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith($"PostgreSQL schema '{schema}': TAMPERED: entry 2 altered (", Assert.Single(tampered.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_without_a_ledger_is_exit_code_3_and_is_not_created()
    {
        using var folder = new TempFolder();
        var schema = server.NewSchema();

        var run = CliRun.Run(string.Empty, null, "scrub", LedgerFixture.WriteList(folder), "--policy", "fr", "--at", "2026-03-10T09:30:00Z", "--pg", server.ConnectionString, "--pg-schema", schema);

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.StartsWith($"contactrules scrub: --pg: the database holds no ContactRules ledger in schema '{schema}'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0L, server.Scalar<long>($"SELECT count(*) FROM information_schema.schemata WHERE schema_name = '{schema}'"));
    }
}
