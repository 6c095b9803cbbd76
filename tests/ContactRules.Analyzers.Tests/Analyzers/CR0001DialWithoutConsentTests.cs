using System.Collections.Immutable;
using System.Threading.Tasks;
using ContactRules.Analyzers.Tests.Support;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR0001: every dial must sit where a successful check for that contact holds on every path.</summary>
public class CR0001DialWithoutConsentTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using ContactRules;
        using Crm;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        """;

    private static Task Analyze(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => Verify.AnalyzeAsync(Usings + $$"""
            public class Campaign
            {
                private readonly ContactGate gate = new ContactGate();
                private readonly IDialer dialer = null!;

            {{body}}
            }
            """, expected);

    [Fact]
    public Task Dial_without_check_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    {|#0:dialer.Dial(c.Phone)|};
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'c.Phone'", string.Empty));

    [Fact]
    public Task Dial_inside_if_IsAllowed_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (decision.IsAllowed)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task Dial_in_the_else_branch_of_IsAllowed_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (decision.IsAllowed)
                    {
                        Console.WriteLine("allowed");
                    }
                    else
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_after_guard_clause_with_return_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (!decision.IsAllowed)
                    {
                        return;
                    }

                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Dial_after_guard_clause_with_throw_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) throw new InvalidOperationException("refused");
                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Dial_after_a_guard_that_only_logs_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (!decision.IsAllowed)
                    {
                        Console.WriteLine("refused");
                    }

                    {|#0:dialer.Dial(c.Phone)|};
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_under_negated_decision_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (!decision.IsAllowed)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_under_property_pattern_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact)) is { IsAllowed: true })
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task Dial_after_negated_property_pattern_guard_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (decision is not { IsAllowed: true }) return;
                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Dial_under_false_property_pattern_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact)) is { IsAllowed: false })
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_under_and_chain_is_not_reported()
        => Analyze("""
                public void Run(Customer c, bool campaignOpen)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (campaignOpen && decision.IsAllowed && c.Phone.Length > 0)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task Dial_under_or_chain_is_reported()
        => Analyze("""
                public void Run(Customer c, bool urgent)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (urgent || decision.IsAllowed)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_in_the_true_arm_of_a_ternary_is_not_reported_and_in_the_false_arm_is()
        => Analyze("""
                public void Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    Action call = decision.IsAllowed ? () => dialer.Dial(c.Phone) : () => { };
                    Action wrong = decision.IsAllowed ? () => { } : () => {|#0:dialer.Dial(c.Phone)|};
                    call();
                    wrong();
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_under_bool_local_holding_the_result_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var allowed = gate.Check(new ContactRequest(c.Contact)).IsAllowed && c.Phone.Length > 0;
                    if (allowed)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task Dial_after_guard_on_negated_bool_local_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var refused = !gate.Check(new ContactRequest(c.Contact)).IsAllowed;
                    if (refused) return;
                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Dial_when_bool_local_is_false_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    var allowed = gate.Check(new ContactRequest(c.Contact)).IsAllowed;
                    if (!allowed)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_after_the_contact_is_reassigned_is_reported()
        => Analyze("""
                public void Run(Customer c, Customer next)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    c = next;
                    {|#0:dialer.Dial(c.Phone)|};
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_after_the_decision_is_reassigned_to_another_contact_is_reported()
        => Analyze("""
                public void Run(Customer c, Customer other)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    decision = gate.Check(new ContactRequest(other.Contact));
                    if (decision.IsAllowed)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact));

    [Fact]
    public Task Loop_that_dials_many_contacts_after_one_check_outside_is_reported()
        => Analyze("""
                public void Run(Customer first, List<Customer> customers)
                {
                    if (!gate.Check(new ContactRequest(first.Contact)).IsAllowed) return;
                    foreach (var c in customers)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Loop_that_checks_each_contact_with_continue_is_not_reported()
        => Analyze("""
                public void Run(List<Customer> customers)
                {
                    foreach (var c in customers)
                    {
                        if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) continue;
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task While_loop_that_checks_before_the_loop_and_reassigns_inside_is_reported()
        => Analyze("""
                public void Run(Customer c, Func<Customer?> next)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    while (true)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                        var n = next();
                        if (n is null) break;
                        c = n;
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Lambda_that_dials_its_own_parameter_after_an_outer_check_is_reported()
        => Analyze("""
                public void Run(Customer first, List<Customer> customers)
                {
                    if (!gate.Check(new ContactRequest(first.Contact)).IsAllowed) return;
                    customers.ForEach(c => {|#0:dialer.Dial(c.Phone)|});
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Lambda_created_after_the_check_that_dials_the_captured_contact_is_not_reported()
        => Analyze("""
                public Task Run(Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return Task.CompletedTask;
                    return Task.Run(() => dialer.Dial(c.Phone));
                }
            """);

    [Fact]
    public Task Lambda_that_checks_its_own_parameter_is_not_reported()
        => Analyze("""
                public void Run(List<Customer> customers)
                {
                    customers.Where(c => gate.Check(new ContactRequest(c.Contact)).IsAllowed).ToList().ForEach(c => dialer.Dial(c.Phone));
                    customers.ForEach(c =>
                    {
                        if (gate.Check(new ContactRequest(c.Contact)).IsAllowed) dialer.Dial(c.Phone);
                    });
                }
            """);

    [Fact]
    public Task Local_function_called_after_the_check_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    Call();

                    void Call() => dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Local_function_called_before_the_check_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    Call();
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    Call();

                    void Call() => {|#0:dialer.Dial(c.Phone)|};
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Awaited_check_guarding_an_awaited_dial_is_not_reported()
        => Analyze("""
                public async Task Run(Customer c)
                {
                    var decision = await Consents.CheckAsync(gate, new ContactRequest(c.Contact));
                    if (!decision.IsAllowed) return;
                    await dialer.DialAsync(c.Phone);
                }
            """);

    [Fact]
    public Task Awaited_dial_before_the_check_is_reported()
        => Analyze("""
                public async Task Run(Customer c)
                {
                    await {|#0:dialer.DialAsync(c.Phone)|};
                    var decision = await Consents.CheckAsync(gate, new ContactRequest(c.Contact));
                    if (!decision.IsAllowed) return;
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_inside_using_after_the_check_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    using (var scope = new System.IO.MemoryStream())
                    {
                        dialer.Dial(c.Phone);
                    }

                    using var other = new System.IO.MemoryStream();
                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Dial_after_try_finally_whose_try_returns_when_refused_is_not_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    try
                    {
                        if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    }
                    finally
                    {
                        Console.WriteLine("checked");
                    }

                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Dial_in_catch_of_a_try_that_checks_is_reported()
        => Analyze("""
                public void Run(Customer c)
                {
                    try
                    {
                        if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                        dialer.Dial(c.Phone);
                    }
                    catch (TimeoutException)
                    {
                        {|#0:dialer.Dial(c.Phone)|};
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Switch_on_the_decision_is_understood()
        => Analyze("""
                public void Run(Customer c)
                {
                    switch (gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                    {
                        case true:
                            dialer.Dial(c.Phone);
                            break;
                        case false:
                            {|#0:dialer.Dial(c.Phone)|};
                            break;
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Switch_on_something_else_does_not_allow()
        => Analyze("""
                public void Run(Customer c, int step)
                {
                    switch (step)
                    {
                        case 1:
                            {|#0:dialer.Dial(c.Phone)|};
                            break;
                        default:
                            if (gate.Check(new ContactRequest(c.Contact)).IsAllowed) dialer.Dial(c.Phone);
                            break;
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_after_several_early_returns_is_not_reported()
        => Analyze("""
                public string Run(Customer? c)
                {
                    if (c is null) return "no customer";
                    if (c.Phone.Length == 0) return "no phone";
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (decision is { IsAllowed: false }) return "refused";
                    dialer.Dial(c.Phone);
                    return "called";
                }
            """);

    [Fact]
    public Task Dial_in_property_getter_is_reported_and_guarded_constructor_is_not()
        => Analyze("""
                private readonly Customer customer = new Customer("1", "+33600000000");

                public string Status
                {
                    get
                    {
                        {|#0:dialer.Dial(customer.Phone)|};
                        return "called";
                    }
                }

                public Campaign(ContactGate gate, IDialer dialer, Customer c)
                {
                    this.gate = gate;
                    this.dialer = dialer;
                    if (gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task ConsentCheck_property_and_method_are_checks_for_their_contact()
        => Analyze("""
                public void Run(Customer c, Customer d)
                {
                    if (c.SmsOptIn)
                    {
                        dialer.Dial(c.Phone);
                    }

                    if (Consents.HasConsent(d))
                    {
                        dialer.Dial(d.Phone);
                    }

                    {|#0:dialer.Dial(d.Phone)|};
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Identity_flows_through_what_is_built_from_the_contact()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    if (!gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed) return;
                    var to = "whatsapp:" + c.Phone;
                    MessageResource.Create(new PhoneNumber(to), body: "hello");
                    var options = new CreateCallOptions(new PhoneNumber(c.Phone), new PhoneNumber("+15550100"));
                    CallResource.Create(options);
                    dialer.Call("renewal", c);
                }
            """);

    [Fact]
    public Task Twilio_call_without_check_is_reported_with_zero_configuration()
        => Analyze("""
                public void Run(Customer c)
                {
                    {|#0:CallResource.Create(new PhoneNumber(c.Phone), new PhoneNumber("+15550100"))|};
                    {|#1:MessageResource.CreateAsync(to: new PhoneNumber(c.Phone), body: "Your offer")|};
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task Holding_a_permit_satisfies_a_dial_api_that_takes_it()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (!gate.TryReserve(new ContactRequest(c.Contact), out var permit)) return;
                    dialer.Dial(c.Phone, permit);
                    permit.Complete(AttemptOutcome.Conversation);
                }
            """);

    [Fact]
    public Task TryReserve_is_a_check_for_its_request()
        => Analyze("""
                public void Run(Customer c)
                {
                    if (gate.TryReserve(new ContactRequest(c.Contact), out var permit))
                    {
                        dialer.Dial(c.Phone);
                        permit.Complete(AttemptOutcome.NoAnswer);
                    }
                }
            """);

    [Fact]
    public Task Call_to_RequiresConsent_member_is_checked_and_its_body_is_not()
        => Analyze("""
                [RequiresConsent]
                private void CallNow(Customer c) => dialer.Dial(c.Phone);

                public void Run(Customer c)
                {
                    {|#0:CallNow(c)|};
                    if (c.SmsOptIn) CallNow(c);
                }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task DialApi_marked_member_is_not_reported_inside()
        => Analyze("""
                [DialApi]
                public void DialThrough(string to) => dialer.Dial(to);
            """);

    [Fact]
    public Task DialApi_on_an_interface_is_checked_through_the_implementation()
        => Verify.AnalyzeAsync(Usings + """
            public class SipDialer : IDialer
            {
                public void Dial(string to) { }
                public Task DialAsync(string to) => Task.CompletedTask;
                public void Dial(string to, ContactPermit permit) { }
                public void Call(string script, Customer customer) { }
                public string Send(string phone) => phone;
            }

            public class Campaign
            {
                public void Run(SipDialer dialer, Customer c)
                {
                    {|#0:dialer.Dial(c.Phone)|};
                    dialer.Send(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task Dial_apis_named_in_the_additional_file_and_at_assembly_level_are_checked()
        => Verify.AnalyzeAsync(
            Usings + """
            [assembly: DialApi("M:Crm.IDialer.Send(System.String)")]

            public class Campaign
            {
                public void Run(Telephony telephony, IDialer dialer, Customer c)
                {
                    {|#0:telephony.Place(c.Phone)|};
                    {|#1:dialer.Send(c.Phone)|};
                }
            }
            """,
            ImmutableArray.Create(("/0/ContactRules.DialApis.txt", "// Our PBX\nM:Crm.Telephony.Place(System.String);use the consented queue\n")),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0).WithArguments("Telephony.Place", "'c.Phone'", " (use the consented queue)"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task Generated_code_is_not_analyzed()
        => Verify.AnalyzeAsync("""
            // <auto-generated/>
            using Crm;

            public class Generated
            {
                public void Run(IDialer dialer, Customer c) => dialer.Dial(c.Phone);
            }
            """);
}
