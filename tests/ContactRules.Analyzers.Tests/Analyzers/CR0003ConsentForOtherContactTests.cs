using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR0003: consent is personal; a check for one person does not cover another.</summary>
public class CR0003ConsentForOtherContactTests
{
    [Fact]
    public Task Check_for_one_customer_and_dial_of_another_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer payer, Customer beneficiary)
                {
                    var decision = gate.Check(new ContactRequest(payer.Contact));
                    if (!decision.IsAllowed) return;
                    {|#0:dialer.Dial(beneficiary.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact).WithArguments("IDialer.Dial", "'beneficiary.Phone'", "'payer'"));

    [Fact]
    public Task ConsentCheck_property_of_another_customer_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer a, Customer b)
                {
                    if (a.SmsOptIn)
                    {
                        {|#0:dialer.Dial(b.Phone)|};
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact));

    [Fact]
    public Task Check_and_dial_of_the_same_customer_through_a_request_local_is_not_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer payer, Customer beneficiary)
                {
                    var request = new ContactRequest(beneficiary.Contact, ContactChannel.Voice);
                    if (!gate.Check(request).IsAllowed) return;
                    dialer.Dial(beneficiary.Phone);
                }
            """));

    [Fact]
    public Task Contact_assigned_after_the_check_is_CR0001_not_CR0003()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer payer, Func<Customer> next)
                {
                    if (!gate.Check(new ContactRequest(payer.Contact)).IsAllowed) return;
                    var other = next();
                    {|#0:dialer.Dial(other.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));
}
