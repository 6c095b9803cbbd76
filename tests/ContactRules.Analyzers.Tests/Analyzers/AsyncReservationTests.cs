using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// The README's asynchronous path in a dialer service: <c>await gate.TryReserveAsync(...)</c>
/// guards the dials to its contact (CR0001) once the reservation, its permit or its decision is
/// tested, and <c>await permit.CompleteAsync(...)</c> completes the permit (CR0005).
/// </summary>
public class AsyncReservationTests
{
    private const string Service = """
        public sealed class DialerService
        {
            private readonly ContactGate gate;
            private readonly IDialer dialer;

            public DialerService(ContactGate gate, IDialer dialer)
            {
                this.gate = gate;
                this.dialer = dialer;
            }

        """;

    private static string Code(string members) => File(Service + members + "\n}\n");

    [Fact]
    public Task CR0001_dial_after_IsReserved_guard_and_CompleteAsync_in_finally_is_not_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                    if (!reservation.IsReserved)
                    {
                        return;
                    }

                    var outcome = AttemptOutcome.NotConnected;
                    try
                    {
                        await dialer.DialAsync(customer.Phone);
                        outcome = AttemptOutcome.Conversation;
                    }
                    finally
                    {
                        await reservation.Permit.CompleteAsync(outcome, ct);
                    }
                }
            """));

    [Fact]
    public Task CR0001_dial_without_testing_the_reservation_is_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                    try
                    {
                        await {|#0:dialer.DialAsync(customer.Phone)|};
                    }
                    finally
                    {
                        if (reservation.Permit is { } permit) await permit.CompleteAsync(AttemptOutcome.NoAnswer, ct);
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_permit_pattern_guard_with_ConfigureAwait_is_not_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct).ConfigureAwait(false);
                    if (reservation.Permit is not { } permit)
                    {
                        Console.WriteLine(reservation.Decision);
                        return;
                    }

                    try
                    {
                        await dialer.DialAsync(customer.Phone).ConfigureAwait(false);
                    }
                    finally
                    {
                        await permit.CompleteAsync(AttemptOutcome.Conversation, ct).ConfigureAwait(false);
                    }
                }
            """));

    [Fact]
    public Task CR0001_dial_in_the_branch_where_the_permit_is_null_is_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                    if (reservation.Permit is null)
                    {
                        await {|#0:dialer.DialAsync(customer.Phone)|};
                        return;
                    }

                    await reservation.Permit.CompleteAsync(AttemptOutcome.Busy, ct);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_reservation_decision_IsAllowed_guards_the_dial()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                    if (!reservation.Decision.IsAllowed) return;
                    await dialer.DialAsync(customer.Phone);
                    await reservation.Permit!.CompleteAsync(AttemptOutcome.Voicemail, ct);
                }
            """));

    [Fact]
    public Task CR0003_reservation_for_one_customer_does_not_cover_another()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer payer, Customer beneficiary, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(payer.Contact), ct);
                    if (reservation is not { IsReserved: true }) return;
                    await {|#0:dialer.DialAsync(beneficiary.Phone)|};
                    await reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer, ct);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact));

    [Fact]
    public Task CR0005_permit_completed_with_CompleteAsync_through_a_local_is_not_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                    var permit = reservation.Permit;
                    if (permit is null) return;
                    await dialer.DialAsync(customer.Phone);
                    await permit.CompleteAsync(AttemptOutcome.Conversation, ct);
                }
            """));

    [Fact]
    public Task CR0005_reservation_never_completed_is_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    var reservation = await {|#0:gate.TryReserveAsync(new ContactRequest(customer.Contact), ct)|};
                    if (!reservation.IsReserved) return;
                    await dialer.DialAsync(customer.Phone);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted).WithArguments("TryReserveAsync", "before the method ends"));

    [Fact]
    public Task CR0005_early_return_between_reservation_and_CompleteAsync_is_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, bool paused, CancellationToken ct)
                {
                    var reservation = await {|#0:gate.TryReserveAsync(new ContactRequest(customer.Contact), ct)|}.ConfigureAwait(false);
                    if (!reservation.IsReserved) return;
                    if (paused) return;
                    await dialer.DialAsync(customer.Phone);
                    await reservation.Permit.CompleteAsync(AttemptOutcome.Conversation, ct);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted));

    [Fact]
    public Task CR0005_permit_handed_to_the_outcome_queue_is_its_business()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, Func<ContactPermit, Task> track, CancellationToken ct)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                    if (!reservation.IsReserved) return;
                    await dialer.DialAsync(customer.Phone);
                    await track(reservation.Permit);
                }
            """));

    [Fact]
    public Task CR0001_await_using_scope_and_ValueTask_reservation_wrapper_behave_the_same()
        => Verify.AnalyzeAsync(Code("""
                private async ValueTask<ContactReservation> ReserveAsync(Customer customer, CancellationToken ct)
                    => await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);

                public async Task CallAsync(Customer customer, IAsyncDisposable scope, CancellationToken ct)
                {
                    await using (scope)
                    {
                        var reservation = await ReserveAsync(customer, ct);
                        if (!reservation.IsReserved) return;
                        try
                        {
                            await dialer.DialAsync(customer.Phone);
                        }
                        finally
                        {
                            await reservation.Permit.CompleteAsync(AttemptOutcome.Conversation, ct);
                        }
                    }
                }

                public async Task CallTooEarlyAsync(Customer customer, IAsyncDisposable scope, CancellationToken ct)
                {
                    await using (scope)
                    {
                        await {|#0:dialer.DialAsync(customer.Phone)|};
                        var reservation = await ReserveAsync(customer, ct);
                        if (reservation.IsReserved) await reservation.Permit.CompleteAsync(AttemptOutcome.Conversation, ct);
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0002_discarded_reservation_is_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    await {|#0:gate.TryReserveAsync(new ContactRequest(customer.Contact), ct)|};
                    await {|#1:gate.CheckAsync(new ContactRequest(customer.Contact), ct)|}.ConfigureAwait(false);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 0),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 1));

    [Fact]
    public Task CR0005_a_reservation_each_round_leaves_open_is_reported_once()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAllAsync(List<Customer> customers, CancellationToken ct)
                {
                    foreach (var customer in customers)
                    {
                        var reservation = await {|#0:gate.TryReserveAsync(new ContactRequest(customer.Contact), ct)|};
                        if (!reservation.IsReserved) continue;
                        await dialer.DialAsync(customer.Phone);
                    }
                }
            """),
            // The permit is still open at the loop's head the second time round (the head is not
            // the first round's), and when the method ends; obtained again at the same call, it is
            // one finding (docs/rules/CR0005.md).
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted).WithArguments("TryReserveAsync", "before the method ends"));

    [Fact]
    public Task CR0005_a_reservation_each_round_completes_in_finally_is_not_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task CallAllAsync(List<Customer> customers, CancellationToken ct)
                {
                    foreach (var customer in customers)
                    {
                        var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct);
                        if (!reservation.IsReserved) continue;
                        try
                        {
                            await dialer.DialAsync(customer.Phone);
                        }
                        finally
                        {
                            await reservation.Permit!.CompleteAsync(AttemptOutcome.Conversation, ct);
                        }
                    }
                }
            """));
}
