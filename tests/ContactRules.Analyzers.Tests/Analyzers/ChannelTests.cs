using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR0006: a voice decision does not cover a text message, nor an SMS decision a call.</summary>
public class ChannelTests
{
    private const string Notifications = """
        public interface INotificationChannel
        {
            [DialApi(ContactParameter = "phone", Channel = ContactChannel.Sms)]
            Task PushAsync(string phone, string text);
        }

        public sealed class AppointmentService
        {
            private readonly ContactGate gate;
            private readonly IDialer dialer;
            private readonly INotificationChannel notifications;
            public AppointmentService(ContactGate gate, IDialer dialer, INotificationChannel notifications) { this.gate = gate; this.dialer = dialer; this.notifications = notifications; }

        """;

    private static string Code(string members) => File(Notifications + members + "\n}\n");

    [Fact]
    public Task CR0006_voice_decision_before_an_SMS_and_SMS_decision_before_a_call_are_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task RemindAsync(Customer customer)
                {
                    var voice = await gate.CheckAsync(new ContactRequest(customer.Contact));
                    if (!voice.IsAllowed) return;
                    await {|#0:MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "See you tomorrow")|};
                    await {|#1:notifications.PushAsync(customer.Phone, "See you tomorrow")|};
                }

                public void CallBack(Customer customer)
                {
                    var request = new ContactRequest(customer.Contact, ContactChannel.Sms, ContactPurpose.Informational);
                    if (!gate.Check(request).IsAllowed) return;
                    {|#2:dialer.Dial(customer.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherChannel, 0).WithArguments("MessageResource.CreateAsync", "'new PhoneNumber(customer.Phone)'", "text message", "call"),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherChannel, 1),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherChannel, 2).WithArguments("IDialer.Dial", "'customer.Phone'", "call", "text message"));

    [Fact]
    public Task CR0006_checks_with_the_channel_of_the_contact_are_not_reported()
        => Verify.AnalyzeAsync(Code("""
                public async Task RemindAsync(Customer customer)
                {
                    var sms = await gate.CheckAsync(new ContactRequest(customer.Contact, ContactChannel.Sms));
                    if (!sms.IsAllowed) return;
                    await MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "See you tomorrow");
                    await notifications.PushAsync(customer.Phone, "See you tomorrow");
                }

                public void CallBack(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact, ContactChannel.Voice)).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                }
            """));

    [Fact]
    public Task CR0006_a_ConsentCheck_without_a_channel_covers_both_and_both_checks_cover_both()
        => Verify.AnalyzeAsync(Code("""
                public async Task BothAsync(Customer customer)
                {
                    if (!customer.SmsOptIn) return;
                    dialer.Dial(customer.Phone);
                    await MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "hi");
                }

                public async Task CheckedTwiceAsync(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact, ContactChannel.Voice)).IsAllowed) return;
                    if (!gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed) return;
                    dialer.Dial(customer.Phone);
                    await MessageResource.CreateAsync(new PhoneNumber(customer.Phone), body: "hi");
                }
            """));
}
