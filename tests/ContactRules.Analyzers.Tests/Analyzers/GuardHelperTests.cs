using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// Guards written as helpers: a <c>[ConsentCheck]</c> method that returns only when the contact is
/// allowed (and throws otherwise), one that returns the bool, one that returns the decision.
/// </summary>
public class GuardHelperTests
{
    private const string ConsentService = """
        public sealed class ConsentRefusedException : Exception
        {
            public ConsentRefusedException(ContactDecision decision) : base("refused") { }
        }

        public sealed class ConsentService
        {
            private readonly ContactGate gate;
            public ConsentService(ContactGate gate) => this.gate = gate;

            [ConsentCheck]
            public void EnsureAllowed(Customer customer)
            {
                var decision = gate.Check(new ContactRequest(customer.Contact));
                if (!decision.IsAllowed) throw new ConsentRefusedException(decision);
            }

            [ConsentCheck]
            public async Task EnsureAllowedAsync(Customer customer, ContactChannel channel, CancellationToken ct)
            {
                var decision = await gate.CheckAsync(new ContactRequest(customer.Contact, channel), ct);
                if (!decision.IsAllowed) throw new ConsentRefusedException(decision);
            }

            [ConsentCheck]
            public ValueTask<bool> MayCallAsync(Customer customer) => new ValueTask<bool>(gate.Check(new ContactRequest(customer.Contact)).IsAllowed);

            public Task<ContactDecision> DecideAsync(Customer customer) => gate.CheckAsync(new ContactRequest(customer.Contact));
        }

        """;

    private static string Code(string controller) => File(ConsentService + controller);

    [Fact]
    public Task CR0001_dial_after_a_throwing_guard_is_not_reported()
        => Verify.AnalyzeAsync(Code("""
            public sealed class CallController
            {
                private readonly ConsentService consent;
                private readonly IDialer dialer;
                public CallController(ConsentService consent, IDialer dialer) { this.consent = consent; this.dialer = dialer; }

                public void Call(Customer customer)
                {
                    consent.EnsureAllowed(customer);
                    dialer.Dial(customer.Phone);
                }

                public async Task CallAsync(Customer customer, CancellationToken ct)
                {
                    await consent.EnsureAllowedAsync(customer, ContactChannel.Voice, ct).ConfigureAwait(false);
                    await dialer.DialAsync(customer.Phone);
                }
            }
            """));

    [Fact]
    public Task CR0001_dial_before_the_guard_is_reported_and_a_guard_for_another_customer_is_CR0003()
        => Verify.AnalyzeAsync(Code("""
            public sealed class CallController
            {
                private readonly ConsentService consent;
                private readonly IDialer dialer;
                public CallController(ConsentService consent, IDialer dialer) { this.consent = consent; this.dialer = dialer; }

                public void Call(Customer customer)
                {
                    {|#0:dialer.Dial(customer.Phone)|};
                    consent.EnsureAllowed(customer);
                }

                public void CallBeneficiary(Customer payer, Customer beneficiary)
                {
                    consent.EnsureAllowed(payer);
                    {|#1:dialer.Dial(beneficiary.Phone)|};
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 1));

    [Fact]
    public Task CR0006_guard_for_voice_does_not_cover_an_SMS_and_one_for_SMS_does()
        => Verify.AnalyzeAsync(Code("""
            public sealed class ReminderJob
            {
                private readonly ConsentService consent;
                public ReminderJob(ConsentService consent) => this.consent = consent;

                public async Task RunAsync(Customer customer, CancellationToken ct)
                {
                    await consent.EnsureAllowedAsync(customer, ContactChannel.Voice, ct);
                    await {|#0:MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "reminder")|};
                }

                public async Task RunSmsAsync(Customer customer, CancellationToken ct)
                {
                    await consent.EnsureAllowedAsync(customer, ContactChannel.Sms, ct);
                    await MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "reminder");
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherChannel).WithArguments("MessageResource.CreateAsync", "'new PhoneNumber(customer.Phone)'", "text message", "call"));

    [Fact]
    public Task CR0001_bool_and_decision_returning_helpers_guard_when_their_result_is_tested()
        => Verify.AnalyzeAsync(Code("""
            public sealed class CallController
            {
                private readonly ConsentService consent;
                private readonly IDialer dialer;
                public CallController(ConsentService consent, IDialer dialer) { this.consent = consent; this.dialer = dialer; }

                public async Task CallAsync(Customer customer)
                {
                    if (await consent.MayCallAsync(customer)) await dialer.DialAsync(customer.Phone);
                    var decision = await consent.DecideAsync(customer);
                    if (decision.IsAllowed) await dialer.DialAsync(customer.Phone);
                }

                public async Task CallIgnoringAsync(Customer customer)
                {
                    if (!await consent.MayCallAsync(customer)) Console.WriteLine("refused");
                    await {|#0:dialer.DialAsync(customer.Phone)|};
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_an_unmarked_throwing_helper_is_not_understood()
        => Verify.AnalyzeAsync(Code("""
            public sealed class CallController
            {
                private readonly ContactGate gate;
                private readonly IDialer dialer;
                public CallController(ContactGate gate, IDialer dialer) { this.gate = gate; this.dialer = dialer; }

                // Without [ConsentCheck] a throwing helper is one more method the analysis does not enter.
                private void Ensure(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) throw new InvalidOperationException();
                }

                public void Call(Customer customer)
                {
                    Ensure(customer);
                    {|#0:dialer.Dial(customer.Phone)|};
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0002_a_guard_called_as_a_statement_is_not_a_discarded_decision()
        => Verify.AnalyzeAsync(Code("""
            public sealed class CallController
            {
                private readonly ConsentService consent;
                public CallController(ConsentService consent) => this.consent = consent;

                public void Check(Customer customer) => consent.EnsureAllowed(customer);
            }
            """));
}
