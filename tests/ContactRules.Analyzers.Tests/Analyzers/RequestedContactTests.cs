using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// CR0007 and CR1003: a contact the person asked for (one-time password, appointment
/// confirmation, requested call-back) is exempted visibly, with its reason, never silently: a
/// warning listed in the build output, which a project keeps out of warnings-as-errors with
/// WarningsNotAsErrors.
/// </summary>
public class RequestedContactTests
{
    [Fact]
    public Task CR0007_one_time_password_is_exempted_and_listed_with_its_reason()
        => Verify.AnalyzeAsync(File("""
            public sealed class SignInCodes
            {
                [RequestedContact(RequestedContactKind.OneTimePassword, "Sent only when the person asks for a sign-in code on the login page.")]
                public async Task SendAsync(Customer customer, string code)
                {
                    await {|#0:MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "Your code: " + code)|};
                }
            }

            public sealed class LoginController
            {
                private readonly SignInCodes codes = new();
                public Task RequestCode(Customer customer) => codes.SendAsync(customer, "123456");
            }
            """),
            Verify.Diagnostic(DiagnosticIds.RequestedContact, 0).WithArguments("MessageResource.CreateAsync", "'new PhoneNumber(customer.Phone)'", "OneTimePassword", "Sent only when the person asks for a sign-in code on the login page."));

    [Fact]
    public Task CR0007_a_contact_that_is_checked_anyway_is_not_listed()
        => Verify.AnalyzeAsync(File("""
            public sealed class Callbacks
            {
                [RequestedContact(RequestedContactKind.RequestedCallback, "The person pressed 'call me back' on the website.")]
                public void CallBack(Customer customer, IDialer dialer, ContactGate gate)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact, ContactChannel.Voice, ContactPurpose.Informational)).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                }
            }
            """));

    [Fact]
    public Task CR0007_the_same_send_without_the_declaration_is_CR0001()
        => Verify.AnalyzeAsync(File("""
            public sealed class SignInCodes
            {
                public async Task SendAsync(Customer customer, string code)
                {
                    await {|#0:MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "Your code: " + code)|};
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent));

    [Fact]
    public Task CR1003_exemption_without_a_reason_is_refused_and_the_send_is_checked()
        => Verify.AnalyzeAsync(File("""
            public sealed class AppointmentReminders
            {
                [{|#0:RequestedContact(RequestedContactKind.AppointmentConfirmation, "  ")|}]
                public void Confirm(Customer customer, IDialer dialer) => {|#1:dialer.Dial(customer.Phone)|};
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidRequestedContact, 0).WithArguments("Confirm", "it gives no reason"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task CR1003_exemption_of_a_method_that_builds_a_marketing_request_is_refused()
        => Verify.AnalyzeAsync(File("""
            public sealed class Callbacks
            {
                [{|#0:RequestedContact(RequestedContactKind.RequestedCallback, "The person asked to be called back.")|}]
                public void CallBack(Customer customer, IDialer dialer, ContactGate gate)
                {
                    var upsell = new ContactRequest(customer.Contact, ContactChannel.Voice, ContactPurpose.Marketing);
                    Console.WriteLine(upsell);
                    {|#1:dialer.Dial(customer.Phone)|};
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidRequestedContact, 0).WithArguments("CallBack", "the method builds a ContactPurpose.Marketing request"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task CR1003_exemption_on_a_dial_api_is_refused_and_its_callers_are_still_checked()
        => Verify.AnalyzeAsync(File("""
            public sealed class SmsGateway
            {
                [DialApi]
                [{|#0:RequestedContact(RequestedContactKind.OneTimePassword, "Codes only.")|}]
                public Task SendAsync(string to, string text) => MessageResource.CreateAsync(new PhoneNumber(to), body: text);
            }

            public sealed class Campaign
            {
                public Task Blast(SmsGateway gateway, Customer customer) => {|#1:gateway.SendAsync(customer.Phone, "50% off")|};
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidRequestedContact, 0).WithArguments("SendAsync", "the method is itself a dial API or [RequiresConsent]: its callers would contact without a check"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));
}
