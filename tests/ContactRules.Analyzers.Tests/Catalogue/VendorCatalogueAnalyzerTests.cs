using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>
/// CR0001 on the legacy SDKs NuGet does not serve here (legacy Nexmo, Azure CallingServer) and on
/// Amazon SNS requests built in helpers, against stubs with the vendors' signatures.
/// </summary>
public class VendorCatalogueAnalyzerTests
{
    [Fact]
    public Task Legacy_Nexmo_SMS_and_calls_are_dial_APIs()
        => Assert(
            ("Vendor.cs", VendorStubs.Nexmo),
            ("Texts.cs", """
                using ContactRules;
                using Nexmo.Api;

                public sealed class Texts
                {
                    private readonly ContactGate gate = new ContactGate();
                    private readonly Client client = new Client(new Nexmo.Api.Request.Credentials());

                    public void Remind(Customer customer)
                    {
                        client.SMS.Send(request: new SMS.SMSRequest { from = "Acme", to = customer.Phone, text = "Your contract ends soon" }); // expect CR0001
                        SMS.Send(new SMS.SMSRequest { from = "Acme", to = customer.Phone, text = "Your contract ends soon" }); // expect CR0001
                    }

                    public void Call(Customer customer)
                    {
                        var command = new Nexmo.Api.Voice.Call.CallCommand { to = new[] { new Nexmo.Api.Voice.Call.Endpoint { number = customer.Phone } } };
                        client.Call.Do(command); // expect CR0001
                    }

                    public void SendThrough(Nexmo.Api.Messaging.ISmsClient sms, Customer customer)
                    {
                        sms.SendAnSms(new Nexmo.Api.Messaging.SendSmsRequest { To = customer.Phone, From = "Acme", Text = "Hello" }); // expect CR0001
                    }

                    public void RemindWhenAllowed(Customer customer)
                    {
                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            client.SMS.Send(request: new SMS.SMSRequest { from = "Acme", to = customer.Phone, text = "Your contract ends soon" });
                        }
                    }
                }
                """));

    [Fact]
    public Task Legacy_Azure_CallingServer_calls_and_added_participants_are_dial_APIs()
        => Assert(
            ("Vendor.cs", VendorStubs.AzureCallingServer),
            ("Calls.cs", """
                using System;
                using System.Threading.Tasks;
                using Azure.Communication;
                using Azure.Communication.CallingServer;
                using ContactRules;

                public sealed class Calls
                {
                    private static readonly CommunicationUserIdentifier Source = new CommunicationUserIdentifier("acs-user");
                    private readonly ContactGate gate = new ContactGate();
                    private readonly CallingServerClient calling = new CallingServerClient("endpoint=...");
                    private readonly CallAutomationClient automation = new CallAutomationClient("endpoint=...");

                    public async Task Remind(Customer customer)
                    {
                        var connection = await calling.CreateCallConnectionAsync(Source, new[] { new PhoneNumberIdentifier(customer.Phone) }, new CreateCallOptions()); // expect CR0001
                        connection.AddParticipant(new PhoneNumberIdentifier(customer.Phone)); // expect CR0001
                        await automation.CreateCallAsync(new CallSource(Source), new[] { new PhoneNumberIdentifier(customer.Phone) }, new Uri("https://example.invalid/events")); // expect CR0001
                    }

                    public async Task RemindWhenAllowed(Customer customer)
                    {
                        if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed)
                        {
                            return;
                        }

                        await calling.CreateCallConnectionAsync(Source, new[] { new PhoneNumberIdentifier(customer.Phone) }, new CreateCallOptions());
                    }
                }
                """));

    [Fact]
    public Task An_SNS_request_built_in_a_helper_is_followed_to_where_it_is_built()
        => Assert(
            ("Vendor.cs", VendorStubs.AmazonSns),
            ("Requests.cs", """
                using Amazon.SimpleNotificationService.Model;

                // Helpers in another file: only their syntax is read.
                public static class Requests
                {
                    public static PublishRequest Reminder(Customer customer) => new PublishRequest { PhoneNumber = customer.Phone, Message = "Your contract ends soon" };

                    public static PublishRequest OrderShipped(string orderId)
                    {
                        var request = new PublishRequest { TopicArn = "arn:aws:sns:eu-west-3:1:orders", Message = orderId };
                        return request;
                    }
                }
                """),
            ("Notifier.cs", """
                using System.Threading.Tasks;
                using Amazon.SimpleNotificationService;
                using Amazon.SimpleNotificationService.Model;
                using ContactRules;

                public sealed class Notifier
                {
                    private readonly IAmazonSimpleNotificationService sns = null!;
                    private readonly ContactGate gate = new ContactGate();

                    public async Task Remind(Customer customer)
                    {
                        var request = BuildReminder(customer);
                        await sns.PublishAsync(request); // expect CR0001
                        await sns.PublishAsync(BuildReminder(customer)); // expect CR0001
                        await sns.PublishAsync(Requests.Reminder(customer)); // expect CR0001
                    }

                    public async Task RemindWhenAllowed(Customer customer)
                    {
                        var request = BuildReminder(customer);
                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            await sns.PublishAsync(request);
                        }
                    }

                    public async Task Publish(PublishRequest request)
                    {
                        // Built by the caller, where this method cannot see: counted as a text message (fail closed).
                        await sns.PublishAsync(request); // expect CR0001
                    }

                    public async Task Events(string orderId)
                    {
                        // Topics: nobody in particular is contacted.
                        await sns.PublishAsync(BuildEvent(orderId));
                        await sns.PublishAsync(Requests.OrderShipped(orderId));
                        await sns.PublishAsync("arn:aws:sns:eu-west-3:1:orders", orderId);
                        await sns.PublishAsync(new PublishRequest("arn:aws:sns:eu-west-3:1:orders", orderId));
                        var request = new PublishRequest { TopicArn = "arn:aws:sns:eu-west-3:1:orders" };
                        request.Message = orderId;
                        await sns.PublishAsync(request);
                    }

                    public async Task Inline(Customer customer)
                    {
                        var request = new PublishRequest { Message = "Hello" };
                        request.PhoneNumber = customer.Phone;
                        await sns.PublishAsync(request); // expect CR0001
                    }

                    private static PublishRequest BuildReminder(Customer customer)
                    {
                        var request = new PublishRequest { Message = "Your contract ends soon" };
                        request.PhoneNumber = customer.Phone;
                        return request;
                    }

                    private static PublishRequest BuildEvent(string orderId) => new PublishRequest { TopicArn = "arn:aws:sns:eu-west-3:1:orders", Message = orderId };
                }
                """));

    private static Task Assert(params (string Path, string Source)[] files)
        => ExpectedDiagnostics.AssertAsync(Enumerable.Empty<MetadataReference>(), files.Append(("Customer.cs", VendorStubs.Customer)).ToArray());
}
