using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// A check covers the person and the number it was made for: not the list it came from, not a
/// copy with another number, not the person's second number, not a literal; and the checks of a
/// LINQ filter, a selector's (contact, decision) tuple, a deconstruction or a <c>FirstOrDefault</c>
/// predicate carry to the elements they yield.
/// </summary>
public class IdentityTests
{
    private const string Marketing = """
        public sealed record Lead(string Id, string Phone, string? AlternatePhone, string Segment)
        {
            public Contact Contact => new Contact(Id, Phone);
        }

        public sealed class MarketingBlast
        {
            private readonly ContactGate gate;
            private readonly IDialer dialer;
            public MarketingBlast(ContactGate gate, IDialer dialer) { this.gate = gate; this.dialer = dialer; }

        """;

    private static string Code(string members) => File(Marketing + members + "\n}\n");

    [Fact]
    public Task CR0001_check_of_the_first_element_does_not_cover_the_list()
        => Verify.AnalyzeAsync(Code("""
                public void Run(List<Customer> customers)
                {
                    if (!gate.Check(new ContactRequest(customers[0].Contact)).IsAllowed) return;
                    foreach (var customer in customers)
                    {
                        {|#0:dialer.Dial(customer.Phone)|};
                    }

                    var first = customers.First();
                    if (!gate.Check(new ContactRequest(first.Contact)).IsAllowed) return;
                    {|#1:dialer.Dial(customers.Last().Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task CR0001_check_of_each_element_and_of_a_taken_element_covers_it()
        => Verify.AnalyzeAsync(Code("""
                public void Run(List<Customer> customers)
                {
                    foreach (var customer in customers)
                    {
                        if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) continue;
                        dialer.Dial(customer.Phone);
                    }

                    var first = customers.First();
                    if (!gate.Check(new ContactRequest(first.Contact)).IsAllowed) return;
                    dialer.Dial(first.Phone);
                }
            """));

    [Fact]
    public Task CR0001_copy_with_another_number_is_not_covered_by_the_check_of_the_original()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Lead lead, Lead other)
                {
                    if (!gate.Check(new ContactRequest(lead.Contact)).IsAllowed) return;
                    dialer.Dial(lead.Phone);
                    var retry = lead with { Phone = "+33612345678" };
                    {|#0:dialer.Dial(retry.Phone)|};
                    var swapped = lead with { Phone = other.Phone };
                    {|#1:dialer.Dial(swapped.Phone)|};
                    var renamed = lead with { Segment = "vip" };
                    dialer.Dial(renamed.Phone);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1).WithArguments("IDialer.Dial", "'swapped.Phone'", string.Empty));

    [Fact]
    public Task CR0003_check_of_one_number_does_not_cover_the_second_number_of_the_same_person()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer customer)
                {
                    var request = new ContactRequest(new Contact(customer.Id, customer.Phone));
                    if (!gate.Check(request).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                    {|#0:dialer.Dial(customer.AlternatePhone!)|};
                }

                public void RunOnPerson(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                    {|#1:dialer.Dial(customer.AlternatePhone!)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 0).WithArguments("IDialer.Dial", "'customer.AlternatePhone'", "'customer.Phone', 'request'"),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 1));

    [Fact]
    public Task CR0003_check_of_the_second_number_covers_it()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer customer)
                {
                    if (customer.AlternatePhone is null) return;
                    if (!gate.Check(new ContactRequest(new Contact(customer.Id, customer.AlternatePhone))).IsAllowed) return;
                    dialer.Dial(customer.AlternatePhone);
                }
            """));

    [Fact]
    public Task CR0003_check_of_the_person_does_not_cover_their_landline_or_their_Tel()
        => Verify.AnalyzeAsync(Code("""
                public sealed record Subscriber(string Id, string Mobile, string? Landline, string? HomeTel)
                {
                    public Contact Contact => new Contact(Id, Mobile);
                }

                public void Run(Subscriber subscriber)
                {
                    if (!gate.Check(new ContactRequest(subscriber.Contact)).IsAllowed) return;
                    dialer.Dial(subscriber.Mobile);
                    {|#0:dialer.Dial(subscriber.Landline!)|};
                    {|#1:dialer.Dial(subscriber.HomeTel!)|};

                    // Through a pattern's local the number is still not covered (a local holding a
                    // second number is reported as a contact no check holds for).
                    if (subscriber.Landline is { } landline)
                    {
                        {|#2:dialer.Dial(landline)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 0).WithArguments("IDialer.Dial", "'subscriber.Landline'", "'subscriber'"),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 1),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 2));

    [Fact]
    public Task CR0003_check_of_the_landline_covers_it()
        => Verify.AnalyzeAsync(Code("""
                public sealed record Subscriber(string Id, string Mobile, string Landline);

                public void Run(Subscriber subscriber)
                {
                    if (!gate.Check(new ContactRequest(new Contact(subscriber.Id, subscriber.Landline))).IsAllowed) return;
                    dialer.Dial(subscriber.Landline);
                }
            """));

    [Fact]
    public Task CR0001_literal_number_is_not_covered_by_a_check()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    {|#0:dialer.Dial("+33612345678")|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("IDialer.Dial", "'\"+33612345678\"'", string.Empty));

    [Fact]
    public Task CR0001_Where_filter_on_the_decision_carries_to_the_foreach_and_a_filter_on_something_else_does_not()
        => Verify.AnalyzeAsync(Code("""
                public void Run(List<Lead> leads)
                {
                    var allowed = leads.Where(l => gate.Check(new ContactRequest(l.Contact)).IsAllowed).ToList();
                    foreach (var lead in allowed)
                    {
                        dialer.Dial(lead.Phone);
                    }

                    foreach (var lead in leads.Where(l => l.Segment == "vip").OrderBy(l => l.Id))
                    {
                        {|#0:dialer.Dial(lead.Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_tuple_of_contact_and_decision_deconstructed_in_a_foreach_guards_the_contact()
        => Verify.AnalyzeAsync(Code("""
                public void Run(IEnumerable<Lead> leads)
                {
                    var decided = leads.Select(l => (Lead: l, Decision: gate.Check(new ContactRequest(l.Contact))));
                    foreach (var (lead, decision) in decided)
                    {
                        if (!decision.IsAllowed) continue;
                        dialer.Dial(lead.Phone);
                    }

                    foreach (var (lead, decision) in decided)
                    {
                        if (!decision.IsAllowed) Console.WriteLine("refused " + lead.Id);
                        {|#0:dialer.Dial(lead.Phone)|};
                    }

                    foreach (var pair in decided.Where(p => p.Decision.IsAllowed))
                    {
                        dialer.Dial(pair.Lead.Phone);
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_FirstOrDefault_predicate_on_the_decision_guards_the_element_it_yields()
        => Verify.AnalyzeAsync(Code("""
                public void Run(List<Lead> leads)
                {
                    var next = leads.FirstOrDefault(l => gate.Check(new ContactRequest(l.Contact)).IsAllowed);
                    if (next is null) return;
                    dialer.Dial(next.Phone);

                    var vip = leads.FirstOrDefault(l => l.Segment == "vip");
                    if (vip is null) return;
                    {|#0:dialer.Dial(vip.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_local_tuple_and_deconstruction_keep_the_pairing()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer customer, Customer other)
                {
                    var (who, decision) = (customer, gate.Check(new ContactRequest(customer.Contact)));
                    if (!decision.IsAllowed) return;
                    dialer.Dial(who.Phone);
                    {|#0:dialer.Dial(other.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact));

    [Fact]
    public Task CR0003_check_of_a_record_looked_up_by_an_id_does_not_cover_the_number_it_was_looked_up_with()
        => Verify.AnalyzeAsync(Code("""
                public Customer? Find(string id) => null;

                public void Run(Lead lead)
                {
                    var customer = Find(lead.Id);
                    if (customer is null) return;
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                    {|#0:dialer.Dial(lead.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 0).WithArguments("IDialer.Dial", "'lead.Phone'", "'customer', 'the result of 'Find(lead.Id)''"));

    [Fact]
    public Task CR0003_check_of_a_record_found_by_a_number_covers_that_number_and_not_another()
        => Verify.AnalyzeAsync(Code("""
                public Customer? FindByPhone(string phone) => null;

                public void Run(Lead lead)
                {
                    var customer = FindByPhone(lead.Phone);
                    if (customer is null) return;
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                    dialer.Dial(lead.Phone);
                    {|#0:dialer.Dial(lead.AlternatePhone!)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 0));

    [Fact]
    public Task CR0001_record_made_from_a_checked_record_keeps_its_identity_and_each_lookup_is_a_person_of_its_own()
        => Verify.AnalyzeAsync(Code("""
                public Customer? Find(string id) => null;
                public Customer Normalize(Customer customer) => customer;

                public void Run(Customer customer, IEnumerable<string> ids)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    var normalized = Normalize(customer);
                    dialer.Dial(normalized.Phone);

                    Customer? previous = null;
                    foreach (var id in ids)
                    {
                        var found = Find(id);
                        if (found is null) continue;
                        if (previous is not null) {|#0:dialer.Dial(found.Phone)|};
                        if (!gate.Check(new ContactRequest(found.Contact)).IsAllowed) continue;
                        dialer.Dial(found.Phone);
                        previous = found;
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0));
}
