using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>
/// CR0001 on code written against the real Twilio 8.2.0 assembly: TwiML dials, Studio flow
/// executions and Verify, each line that must be reported marked "// expect CR0001".
/// </summary>
public class TwilioCatalogueAnalyzerTests
{
    [Fact]
    public Task TwiML_dials_name_the_number_or_client_they_dial()
        => AssertDiagnostics("""
            using ContactRules;
            using Twilio.TwiML;
            using Twilio.TwiML.Voice;
            using Twilio.Types;

            public sealed class Customer
            {
                public Customer(Contact contact, string phone) { Contact = contact; Phone = phone; }
                public Contact Contact { get; }
                public string Phone { get; }
            }

            public sealed class Webhooks
            {
                private readonly ContactGate gate = new ContactGate();

                public string Forward(Customer customer)
                {
                    var response = new VoiceResponse();
                    response.Dial(number: customer.Phone); // expect CR0001
                    return response.ToString();
                }

                public string ForwardWhenAllowed(Customer customer)
                {
                    var response = new VoiceResponse();
                    if (gate.Check(new ContactRequest(customer.Contact)).IsAllowed)
                    {
                        response.Dial(number: customer.Phone);
                    }

                    return response.ToString();
                }

                public string DialWithNouns(Customer customer)
                {
                    var dial = new Dial(callerId: "+15550100");
                    dial.Number(new PhoneNumber(customer.Phone)); // expect CR0001
                    var number = new Number(new PhoneNumber(customer.Phone)); // expect CR0001
                    dial.Number(number);
                    dial.Client("agent-7"); // expect CR0001
                    var response = new VoiceResponse();
                    response.Dial(dial);
                    return response.ToString();
                }

                public string DialVerb(Customer customer)
                {
                    var dial = new Dial(number: customer.Phone); // expect CR0001
                    return new VoiceResponse().Dial(dial).ToString();
                }

                public string NothingToDial()
                {
                    // No number, no client: these place no call.
                    var dial = new Dial(timeout: 20);
                    return new VoiceResponse().Say("Goodbye").Dial(dial).Hangup().ToString();
                }
            }
            """);

    [Fact]
    public Task Studio_executions_call_or_text_and_Verify_does_not_count()
        => AssertDiagnostics("""
            using System.Threading.Tasks;
            using ContactRules;
            using Twilio.Rest.Studio.V2.Flow;
            using Twilio.Rest.Verify.V2.Service;
            using Twilio.Types;

            public sealed class Customer
            {
                public Customer(Contact contact, string phone) { Contact = contact; Phone = phone; }
                public Contact Contact { get; }
                public string Phone { get; }
            }

            public sealed class Journeys
            {
                private static readonly PhoneNumber From = new PhoneNumber("+15550100");
                private readonly ContactGate gate = new ContactGate();

                public void Start(Customer customer)
                {
                    ExecutionResource.Create(to: new PhoneNumber(customer.Phone), from: From, pathFlowSid: "FW0001"); // expect CR0001
                }

                public async Task StartAsync(Customer customer)
                {
                    var options = new CreateExecutionOptions("FW0001", new PhoneNumber(customer.Phone), From);
                    await ExecutionResource.CreateAsync(options); // expect CR0001
                }

                public void StartWhenAllowed(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        return;
                    }

                    ExecutionResource.Create(to: new PhoneNumber(customer.Phone), from: From, pathFlowSid: "FW0001");
                }

                public void SendSignInCode(Customer customer)
                {
                    // A one-time code the person asked for: not a contact the consent rules govern.
                    VerificationResource.Create(to: customer.Phone, channel: "sms", pathServiceSid: "VA0001");
                }
            }
            """);

    private static Task AssertDiagnostics(string source)
        => ExpectedDiagnostics.AssertAsync(new[] { MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Twilio.dll")) }, ("Test.cs", source));
}
