using System;
using System.Globalization;
using ContactRules.PostgreSql;
using Npgsql;
using NodaTime;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.PostgreSql;

/// <summary>
/// A reservation killed at every step, on PostgreSQL: the dialer process killed (SIGKILL), or its
/// connection cut by the server (<c>pg_terminate_backend</c>) while the process goes on. The
/// ledger holds the reserved attempt, the consent use and the evidence entry together, or none.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStepKillTests
{
    private readonly PostgresServer server;

    public PostgreSqlStepKillTests(PostgresServer server)
    {
        this.server = server;
    }

    /// <summary>
    /// The steps a PostgreSQL reservation goes through: the attempt, the consent use and the
    /// evidence entry travel with the <c>COMMIT</c>, in one round trip, so there is no moment at
    /// which some are written and the commit is not yet sent.
    /// </summary>
    public static TheoryData<string> Steps => new TheoryData<string>(
        nameof(ReservationStep.Locked), nameof(ReservationStep.Decided), nameof(ReservationStep.Committing), nameof(ReservationStep.Committed));

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_reservation_whose_process_is_killed_at_any_step_leaves_everything_or_nothing(string step)
    {
        var schema = server.NewSchema();
        using (var ledger = Open(server.ConnectionString, schema))
        {
            EverythingOrNothing.RecordConsent(ledger);
        }

        using (var child = ChildProcess.Start("pg-stop-at", server.ConnectionString, schema, step, Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)))
        {
            child.WaitForLine("at " + step, TimeSpan.FromMinutes(1));
            child.Kill();
        }

        using var reopened = Open(server.ConnectionString, schema);
        EverythingOrNothing.Assert(reopened, committed: Enum.Parse<ReservationStep>(step) == ReservationStep.Committed, step);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_reservation_whose_connection_is_cut_at_any_step_leaves_everything_or_nothing_and_is_never_allowed_uncommitted(string step)
    {
        var schema = server.NewSchema();
        var application = "victim-" + schema;
        using var ledger = Open(server.ConnectionString + ";Application Name=" + application, schema);
        EverythingOrNothing.RecordConsent(ledger);
        var at = Enum.Parse<ReservationStep>(step);
        ledger.StepReached = reached =>
        {
            if (reached == at)
            {
                server.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{application}'");
            }
        };

        var gate = new ContactGate(ConsentPolicy, ClockAtTuesday(), ledger);
        var allowed = gate.TryReserve(Call(Person()), out var permit, out var decision);
        ledger.StepReached = null;
        NpgsqlConnection.ClearAllPools();

        // Cut before the commit was sent: refused, nothing recorded. Cut once it was confirmed:
        // the connection no longer matters, the reservation stands with its permit.
        Assert.Equal(at == ReservationStep.Committed, allowed);
        Assert.Equal(allowed, permit is not null);
        if (!allowed)
        {
            Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
        }

        using var reopened = Open(server.ConnectionString, schema);
        EverythingOrNothing.Assert(reopened, committed: allowed, step);
    }

    private static PostgreSqlContactLedger Open(string connectionString, string schema)
        => PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(connectionString, Hasher) { Schema = schema, Clock = ClockAtTuesday(), OperationTimeout = Duration.FromSeconds(10), MaxConnections = 4 });
}
