using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// The shapes the consent analyzer walks on the operation tree instead of the control-flow graph
/// (foreach with break, continue and return, try/finally, nested loops, lambdas with statements):
/// each with the diagnostics the rules give, and, as every test of this assembly, the walk's
/// findings compared with the graph's (<c>CompareWithGraph</c>).
/// </summary>
public class StructuredWalkTests
{
    [Fact]
    public Task CR0001_a_dial_after_a_loop_that_breaks_is_not_covered_by_the_checks_inside_it()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers, Customer vip)
                {
                    foreach (var c in customers)
                    {
                        if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                        {
                            break;
                        }

                        dialer.Dial(c.Phone);
                    }

                    {|#0:dialer.Dial(vip.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'vip.Phone'", string.Empty));

    [Fact]
    public Task CR0001_a_check_before_the_loop_covers_the_same_person_after_it()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers, Customer vip)
                {
                    if (!gate.Check(new ContactRequest(vip.Contact)).IsAllowed)
                    {
                        return;
                    }

                    foreach (var c in customers)
                    {
                        if (c.Phone.Length == 0)
                        {
                            continue;
                        }

                        Console.WriteLine(c.Phone);
                    }

                    dialer.Dial(vip.Phone);
                }
            """));

    [Fact]
    public Task CR0001_a_check_of_the_outer_element_does_not_cover_an_inner_element_taken_after_it()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers, List<Customer> referrals)
                {
                    foreach (var c in customers)
                    {
                        if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                        {
                            continue;
                        }

                        foreach (var r in referrals)
                        {
                            {|#0:dialer.Dial(r.Phone)|};
                            dialer.Dial(c.Phone);
                        }
                    }
                }
            """),
            // CR0001, not CR0003: the inner element got its value after the check (docs/rules/CR0003.md).
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'r.Phone'", string.Empty));

    [Fact]
    public Task CR0001_the_previous_element_checked_does_not_cover_the_next_one()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers)
                {
                    var checkedOne = false;
                    foreach (var c in customers)
                    {
                        if (checkedOne)
                        {
                            {|#0:dialer.Dial(c.Phone)|};
                        }

                        checkedOne = gate.Check(new ContactRequest(c.Contact)).IsAllowed;
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));

    [Fact]
    public Task CR0005_a_permit_completed_in_finally_covers_a_return_from_inside_the_loop()
        => Verify.AnalyzeAsync(Campaign("""
                public async Task Run(List<Customer> customers)
                {
                    foreach (var c in customers)
                    {
                        var reservation = await gate.TryReserveAsync(new ContactRequest(c.Contact));
                        if (!reservation.IsReserved)
                        {
                            continue;
                        }

                        try
                        {
                            await dialer.DialAsync(c.Phone);
                            if (c.Phone.Length > 12)
                            {
                                return;
                            }
                        }
                        finally
                        {
                            await reservation.Permit.CompleteAsync(AttemptOutcome.Conversation);
                        }
                    }
                }
            """));

    [Fact]
    public Task CR0005_a_return_from_the_loop_before_the_try_leaves_the_permit_open()
        => Verify.AnalyzeAsync(Campaign("""
                public async Task Run(List<Customer> customers)
                {
                    foreach (var c in customers)
                    {
                        var reservation = await {|#0:gate.TryReserveAsync(new ContactRequest(c.Contact))|};
                        if (!reservation.IsReserved)
                        {
                            continue;
                        }

                        if (c.Phone.Length > 12)
                        {
                            return;
                        }

                        try
                        {
                            await dialer.DialAsync(c.Phone);
                        }
                        finally
                        {
                            await reservation.Permit.CompleteAsync(AttemptOutcome.Conversation);
                        }
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted).WithArguments("TryReserveAsync", "before the method ends"));

    [Fact]
    public Task CR0005_a_throw_inside_the_try_passes_the_finally_that_completes()
        => Verify.AnalyzeAsync(Campaign("""
                public async Task Run(Customer c)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(c.Contact));
                    if (!reservation.IsReserved)
                    {
                        return;
                    }

                    try
                    {
                        if (c.Phone.Length == 0)
                        {
                            throw new InvalidOperationException("no number");
                        }

                        await dialer.DialAsync(c.Phone);
                    }
                    finally
                    {
                        await reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer);
                    }
                }
            """));

    [Fact]
    public Task CR0001_a_dial_in_finally_is_judged_by_what_holds_everywhere_in_the_try()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    try
                    {
                        if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                        {
                            return;
                        }

                        dialer.Dial(c.Phone);
                    }
                    finally
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));

    [Fact]
    public Task CR0001_a_filter_lambda_with_statements_that_checks_on_every_path_covers_the_elements()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers)
                {
                    var reachable = customers.Where(c =>
                    {
                        if (c.Phone.Length == 0)
                        {
                            return false;
                        }

                        return gate.Check(new ContactRequest(c.Contact)).IsAllowed;
                    });
                    foreach (var c in reachable)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """).Replace("using Crm;", "using System.Linq;\nusing Crm;"));

    [Fact]
    public Task CR0001_a_filter_lambda_that_returns_true_without_a_check_does_not_cover_the_elements()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers)
                {
                    var reachable = customers.Where(c =>
                    {
                        if (c.Id.StartsWith("vip"))
                        {
                            return true;
                        }

                        return gate.Check(new ContactRequest(c.Contact)).IsAllowed;
                    });
                    foreach (var c in reachable)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """).Replace("using Crm;", "using System.Linq;\nusing Crm;"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));

    [Fact]
    public Task CR0001_a_lambda_handed_each_element_is_analysed_from_where_it_is_created()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers, Customer vip)
                {
                    if (!gate.Check(new ContactRequest(vip.Contact)).IsAllowed)
                    {
                        return;
                    }

                    customers.ForEach(c =>
                    {
                        dialer.Dial(vip.Phone);
                        {|#0:dialer.Dial(c.Phone)|};
                    });
                }
            """),
            // The element is the lambda's parameter, new after the check of vip: CR0001, not CR0003.
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));

    [Fact]
    public Task CR0002_a_decision_read_on_a_path_that_throws_inside_a_loop_counts_as_read_after_it()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c, List<Customer> others)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    foreach (var o in others)
                    {
                        if (o.Phone.Length == 0)
                        {
                            Console.WriteLine(decision.IsAllowed);
                            throw new InvalidOperationException("no number");
                        }
                    }

                    {|#0:dialer.Dial(c.Phone)|};
                    Console.WriteLine(decision.IsAllowed);
                }
            """),
            // The loop's enumerator sits in a try/finally, and a path that leaves it keeps only
            // what holds everywhere in it (the solver's approximation of exceptional flow, see
            // GraphSolver): the read before the throw counts, so no CR0002; no check holds at the
            // dial, so CR0001.
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));

    [Fact]
    public Task CR0001_a_contact_the_loop_reassigns_is_judged_by_the_fixed_point_not_the_first_round()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c, List<Customer> others)
                {
                    if (!gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        return;
                    }

                    foreach (var o in others)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                        c = o;
                    }
                }
            """),
            // The first time round, c is the customer checked for text messages (a call would be
            // CR0006); from the second on it is an element of others, checked for nothing: only
            // what holds on every round counts, so CR0001 and not CR0006 as well.
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));
}
