using System.Collections.Immutable;
using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// Dial APIs reached through interfaces, as DI wires them: the marks and the configured ids of an
/// implementation apply to calls through the interface member it implements, those of an
/// interface member to calls through every implementation, and inside a dial API's own
/// implementation nothing is reported (CR0001).
/// </summary>
public class InterfaceDialApiTests
{
    // An SMS sender whose only mark is on the Twilio implementation, as in most CRMs.
    private const string SmsSender = """
        namespace Acme.Messaging
        {
            public interface ISmsSender
            {
                Task SendAsync(string to, string text);
            }

            public sealed class TwilioSmsSender : ISmsSender
            {
                [DialApi]
                public Task SendAsync(string to, string text) => MessageResource.CreateAsync(to: new PhoneNumber(to), body: text);
            }
        }

        """;

    [Fact]
    public Task CR0001_background_job_sending_through_the_interface_of_a_marked_implementation_is_reported()
        => Verify.AnalyzeAsync(File(SmsSender + """
            public sealed class RenewalReminderJob
            {
                private readonly Acme.Messaging.ISmsSender sms;
                public RenewalReminderJob(Acme.Messaging.ISmsSender sms) => this.sms = sms;

                public async Task ExecuteAsync(IReadOnlyList<Customer> due, CancellationToken ct)
                {
                    foreach (var customer in due)
                    {
                        await {|#0:sms.SendAsync(customer.Phone, "Your contract ends soon")|};
                    }
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent).WithArguments("ISmsSender.SendAsync", "'customer.Phone'", string.Empty));

    [Fact]
    public Task CR0001_background_job_checking_each_customer_for_SMS_is_not_reported()
        => Verify.AnalyzeAsync(File(SmsSender + """
            public sealed class RenewalReminderJob
            {
                private readonly Acme.Messaging.ISmsSender sms;
                private readonly ContactGate gate;
                public RenewalReminderJob(Acme.Messaging.ISmsSender sms, ContactGate gate) { this.sms = sms; this.gate = gate; }

                public async Task ExecuteAsync(IReadOnlyList<Customer> due, CancellationToken ct)
                {
                    foreach (var customer in due)
                    {
                        var decision = await gate.CheckAsync(new ContactRequest(customer.Contact, ContactChannel.Sms), ct);
                        if (!decision.IsAllowed) continue;
                        await sms.SendAsync(customer.Phone, "Your contract ends soon");
                    }
                }
            }
            """));

    [Fact]
    public Task CR0001_inside_the_implementation_of_an_interface_dial_api_nothing_is_reported_and_a_decorator_is_a_dial_api()
        => Verify.AnalyzeAsync(File("""
            public sealed class TwilioDialer : IDialer
            {
                public void Dial(string to) => CallResource.Create(new PhoneNumber(to), new PhoneNumber("+15550100"));
                public Task DialAsync(string to) => Task.FromResult(CallResource.Create(new PhoneNumber(to), new PhoneNumber("+15550100")));
                public void Dial(string to, ContactPermit permit) => Dial(to);
                public void Call(string script, Customer customer) => Dial(customer.Phone);
                public string Send(string phone) => phone;
            }

            public sealed class LoggingDialer : IDialer
            {
                private readonly IDialer inner;
                public LoggingDialer(IDialer inner) => this.inner = inner;
                public void Dial(string to) { Console.WriteLine("dial"); inner.Dial(to); }
                public Task DialAsync(string to) => inner.DialAsync(to);
                public void Dial(string to, ContactPermit permit) => inner.Dial(to, permit);
                public void Call(string script, Customer customer) => inner.Call(script, customer);
                public string Send(string phone) => phone;
            }

            public sealed class Campaign
            {
                public void Run(LoggingDialer dialer, Customer c) => {|#0:dialer.Dial(c.Phone)|};
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_id_of_an_implementation_in_the_dial_api_file_applies_to_calls_through_its_interface()
        => Verify.AnalyzeAsync(
            File("""
            namespace Acme.Telephony
            {
                public interface IOutboundCalls { Task<string> PlaceAsync(string number, string campaign); }
                public sealed class AsteriskCalls : IOutboundCalls { public Task<string> PlaceAsync(string number, string campaign) => Task.FromResult(number); }
            }

            [Microsoft.AspNetCore.Mvc.ApiController]
            public sealed class CallbackController
            {
                private readonly Acme.Telephony.IOutboundCalls calls;
                private readonly ContactGate gate;
                public CallbackController(Acme.Telephony.IOutboundCalls calls, ContactGate gate) { this.calls = calls; this.gate = gate; }

                public async Task<string> CallNow(Customer customer)
                    => await {|#0:calls.PlaceAsync(customer.Phone, "winback")|};

                public async Task<string?> CallIfAllowed(Customer customer)
                    => gate.Check(new ContactRequest(customer.Contact)).IsAllowed ? await calls.PlaceAsync(customer.Phone, "winback") : null;
            }

            namespace Microsoft.AspNetCore.Mvc { public sealed class ApiControllerAttribute : Attribute { } }
            """),
            ImmutableArray.Create(("/0/ContactRules.DialApis.txt", "M:Acme.Telephony.AsteriskCalls.PlaceAsync(System.String,System.String)\n")),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR0001_ConsentCheck_on_an_implementation_counts_through_the_interface()
        => Verify.AnalyzeAsync(File(SmsSender + """
            public interface IConsentRegistry { Task<bool> HasSmsConsentAsync(Customer customer); }

            public sealed class SqlConsentRegistry : IConsentRegistry
            {
                [ConsentCheck]
                public Task<bool> HasSmsConsentAsync(Customer customer) => Task.FromResult(true);
            }

            public sealed class Pipeline
            {
                private readonly IConsentRegistry consents;
                private readonly Acme.Messaging.ISmsSender sms;
                public Pipeline(IConsentRegistry consents, Acme.Messaging.ISmsSender sms) { this.consents = consents; this.sms = sms; }

                public async Task StepAsync(Customer customer, Customer other)
                {
                    if (await consents.HasSmsConsentAsync(customer))
                    {
                        await sms.SendAsync(customer.Phone, "hello");
                        await {|#0:sms.SendAsync(other.Phone, "hello")|};
                    }
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact));

    [Fact]
    public Task CR0001_RequiresConsent_on_an_abstract_base_override_is_checked_at_calls_through_the_base()
        => Verify.AnalyzeAsync(File("""
            public abstract class Notifier
            {
                public abstract Task NotifyAsync(Customer customer);
            }

            public sealed class SmsNotifier : Notifier
            {
                [RequiresConsent]
                public override Task NotifyAsync(Customer customer) => MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "hi");
            }

            public sealed class OrderShippedHandler
            {
                private readonly Notifier notifier;
                public OrderShippedHandler(Notifier notifier) => this.notifier = notifier;

                public Task Handle(Customer customer) => {|#0:notifier.NotifyAsync(customer)|};

                public Task HandleChecked(Customer customer)
                    => customer.SmsOptIn ? notifier.NotifyAsync(customer) : Task.CompletedTask;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));
}
