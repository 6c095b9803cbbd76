using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// <c>gate.CheckMany(requests)</c> answers one decision per request, in order: the decision at a
/// position covers the element at that position of the list the requests were made from (a
/// <c>Select</c>, <c>ToList</c>, <c>Take</c> of it), read with the same index variable or paired by
/// <c>Zip</c>. Any other pairing (another list, another index, a list reordered since) is not
/// evident and stays warned.
/// </summary>
public class IndexPairingTests
{
    private static string Code(string members) => File($$"""
        public sealed class Batch
        {
            private readonly ContactGate gate;
            private readonly IDialer dialer;
            public Batch(ContactGate gate, IDialer dialer) { this.gate = gate; this.dialer = dialer; }

        {{members}}
        }
        """);

    [Fact]
    public Task CR0001_decision_at_an_index_covers_the_customer_and_the_request_at_that_index()
        => Verify.AnalyzeAsync(Code("""
                public void Run(IReadOnlyList<Customer> customers)
                {
                    var requests = customers.Select(c => new ContactRequest(c.Contact)).ToList();
                    var decisions = gate.CheckMany(requests);
                    for (var i = 0; i < customers.Count; i++)
                    {
                        if (decisions[i].IsAllowed)
                        {
                            dialer.Dial(customers[i].Phone);
                            dialer.Dial(requests[i].Contact.PhoneNumber);
                        }
                    }

                    for (var i = 0; i < customers.Count; i++)
                    {
                        var customer = customers[i];
                        var decision = decisions[i];
                        if (!decision.IsAllowed) continue;
                        dialer.Dial(customer.Phone);
                    }
                }
            """));

    [Fact]
    public Task CR0001_decision_at_an_index_does_not_cover_another_index_another_list_or_the_next_element()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer[] customers, Customer[] others)
                {
                    var decisions = gate.CheckMany(customers.Select(c => new ContactRequest(c.Contact)).ToArray());
                    for (var i = 0; i < customers.Length; i++)
                    {
                        if (!decisions[i].IsAllowed) continue;
                        for (var j = 0; j < customers.Length; j++)
                        {
                            {|#0:dialer.Dial(customers[j].Phone)|};
                        }

                        {|#1:dialer.Dial(others[i].Phone)|};
                        i++;
                        {|#2:dialer.Dial(customers[i].Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 1).WithArguments("IDialer.Dial", "'others[i].Phone'", "'customers[i]'"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 2));

    [Fact]
    public Task CR0001_a_list_reordered_or_filtered_after_the_requests_is_not_paired()
        => Verify.AnalyzeAsync(Code("""
                public void Sorted(List<Customer> customers)
                {
                    var decisions = gate.CheckMany(customers.Select(c => new ContactRequest(c.Contact)).ToList());
                    customers.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
                    for (var i = 0; i < customers.Count; i++)
                    {
                        if (!decisions[i].IsAllowed) continue;
                        {|#0:dialer.Dial(customers[i].Phone)|};
                    }
                }

                public void Filtered(List<Customer> customers)
                {
                    var requests = customers.Where(c => c.Phone.StartsWith("+33")).Select(c => new ContactRequest(c.Contact)).ToList();
                    var decisions = gate.CheckMany(requests);
                    for (var i = 0; i < requests.Count; i++)
                    {
                        if (!decisions[i].IsAllowed) continue;
                        {|#1:dialer.Dial(customers[i].Phone)|};
                        dialer.Dial(requests[i].Contact.PhoneNumber);
                    }
                }

                public void BuiltInALoop(List<Customer> customers)
                {
                    var requests = new List<ContactRequest>();
                    foreach (var customer in customers)
                    {
                        requests.Add(new ContactRequest(customer.Contact));
                    }

                    var decisions = gate.CheckMany(requests);
                    for (var i = 0; i < customers.Count; i++)
                    {
                        if (!decisions[i].IsAllowed) continue;
                        dialer.Dial(requests[i].Contact.PhoneNumber);
                        {|#2:dialer.Dial(customers[i].Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 0).WithArguments("IDialer.Dial", "'customers[i].Phone'", "'decisions[i]'"),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 1),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 2));

    [Fact]
    public Task CR0001_Zip_of_the_list_and_its_decisions_pairs_them_and_a_Zip_with_another_list_does_not()
        => Verify.AnalyzeAsync(Code("""
                public void Run(IReadOnlyList<Customer> customers, IReadOnlyList<Customer> others)
                {
                    var decisions = gate.CheckMany(customers.Select(c => new ContactRequest(c.Contact)).ToList());
                    foreach (var (customer, decision) in customers.Zip(decisions))
                    {
                        if (!decision.IsAllowed) continue;
                        dialer.Dial(customer.Phone);
                    }

                    foreach (var pair in decisions.Zip(customers))
                    {
                        if (pair.First.IsAllowed) dialer.Dial(pair.Second.Phone);
                    }

                    foreach (var (other, decision) in others.Zip(decisions))
                    {
                        if (!decision.IsAllowed) continue;
                        {|#0:dialer.Dial(other.Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0));

    [Fact]
    public Task CR0006_decisions_of_text_message_requests_do_not_allow_calls()
        => Verify.AnalyzeAsync(Code("""
                public void Run(IReadOnlyList<Customer> customers)
                {
                    var decisions = gate.CheckMany(customers.Select(c => new ContactRequest(c.Contact, ContactChannel.Sms)).ToList());
                    for (var i = 0; i < customers.Count; i++)
                    {
                        if (!decisions[i].IsAllowed) continue;
                        MessageResource.Create(new Twilio.Types.PhoneNumber(customers[i].Phone), body: "Your renewal");
                        {|#0:dialer.Dial(customers[i].Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherChannel, 0));

    [Fact]
    public Task CR0002_discarded_CheckMany_decides_nothing()
        => Verify.AnalyzeAsync(Code("""
                public void Run(IReadOnlyList<Customer> customers)
                {
                    {|#0:gate.CheckMany(customers.Select(c => new ContactRequest(c.Contact)).ToList())|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 0));
}
