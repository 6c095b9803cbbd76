namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>
/// The members of SDKs that NuGet does not serve here, with the namespaces, names and parameter
/// lists of the vendor's source at the versions docs/rules/CR0001.md records; bodies are empty.
/// </summary>
internal static class VendorStubs
{
    /// <summary>Nexmo.Csharp.Client 4.4.1 (Nexmo.Api), and the obsolete Nexmo.Api types kept in Vonage 5.10.0.</summary>
    public const string Nexmo = """
        namespace Nexmo.Api.Request
        {
            public class Credentials { public string ApiKey { get; set; } = ""; public string ApiSecret { get; set; } = ""; }
        }

        namespace Nexmo.Api
        {
            public static class SMS
            {
                public class SMSRequest { public string from { get; set; } = ""; public string to { get; set; } = ""; public string text { get; set; } = ""; }
                public class SMSResponse { }
                public static SMSResponse Send(SMSRequest request, Request.Credentials? creds = null) => new SMSResponse();
            }

            public class Client
            {
                public Client(Request.Credentials creds) { SMS = new ClientMethods.SMS(); Call = new ClientMethods.Call(); }
                public ClientMethods.SMS SMS { get; }
                public ClientMethods.Call Call { get; }
            }
        }

        namespace Nexmo.Api.Voice
        {
            public static class Call
            {
                public class Endpoint { public string type { get; set; } = "phone"; public string number { get; set; } = ""; }
                public class CallCommand { public Endpoint[] to { get; set; } = new Endpoint[0]; public Endpoint? from { get; set; } public string[] answer_url { get; set; } = new string[0]; }
                public class CallResponse { }
                public static CallResponse Do(CallCommand cmd, Request.Credentials? creds = null) => new CallResponse();
            }
        }

        namespace Nexmo.Api.ClientMethods
        {
            public class SMS { public Api.SMS.SMSResponse Send(Api.SMS.SMSRequest request, Request.Credentials? creds = null) => new Api.SMS.SMSResponse(); }
            public class Call { public Voice.Call.CallResponse Do(Voice.Call.CallCommand cmd, Request.Credentials? creds = null) => new Voice.Call.CallResponse(); }
        }

        namespace Nexmo.Api.Messaging
        {
            public class SendSmsRequest { public string From { get; set; } = ""; public string To { get; set; } = ""; public string Text { get; set; } = ""; }
            public class SendSmsResponse { }
            public interface ISmsClient { SendSmsResponse SendAnSms(SendSmsRequest request, Request.Credentials? creds = null); }
        }
        """;

    /// <summary>Azure.Communication.CallingServer 1.0.0-beta.1 (CreateCallConnection) and the later CallingServer previews.</summary>
    public const string AzureCallingServer = """
        namespace Azure.Communication
        {
            public abstract class CommunicationIdentifier { }
            public class PhoneNumberIdentifier : CommunicationIdentifier { public PhoneNumberIdentifier(string phoneNumber) { } }
            public class CommunicationUserIdentifier : CommunicationIdentifier { public CommunicationUserIdentifier(string id) { } }
        }

        namespace Azure.Communication.CallingServer
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public class CreateCallOptions { }
            public class AddParticipantResult { }
            public class CallSource { public CallSource(CommunicationIdentifier identifier) { } }
            public class CreateCallResult { }

            public class CallConnection
            {
                public virtual AddParticipantResult AddParticipant(CommunicationIdentifier participant, string? alternateCallerId = null, string? operationContext = null, CancellationToken cancellationToken = default) => new AddParticipantResult();
            }

            public class CallingServerClient
            {
                public CallingServerClient(string connectionString) { }
                public virtual Task<CallConnection> CreateCallConnectionAsync(CommunicationIdentifier source, IEnumerable<CommunicationIdentifier> targets, CreateCallOptions options, CancellationToken cancellationToken = default) => Task.FromResult(new CallConnection());
            }

            public class CallAutomationClient
            {
                public CallAutomationClient(string connectionString) { }
                public virtual Task<CreateCallResult> CreateCallAsync(CallSource source, IEnumerable<CommunicationIdentifier> targets, System.Uri callbackEndpoint, string? subject = null, CancellationToken cancellationToken = default) => Task.FromResult(new CreateCallResult());
            }
        }
        """;

    /// <summary>AWSSDK.SimpleNotificationService (aws/aws-sdk-net source): the request and the two Publish shapes.</summary>
    public const string AmazonSns = """
        namespace Amazon.SimpleNotificationService.Model
        {
            public class PublishRequest
            {
                public PublishRequest() { }
                public PublishRequest(string topicArn, string message) { TopicArn = topicArn; Message = message; }
                public string? Message { get; set; }
                public string? PhoneNumber { get; set; }
                public string? TargetArn { get; set; }
                public string? TopicArn { get; set; }
            }

            public class PublishResponse { }
        }

        namespace Amazon.SimpleNotificationService
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SimpleNotificationService.Model;

            public interface IAmazonSimpleNotificationService
            {
                Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
                Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default);
            }
        }
        """;

    /// <summary>A customer with a contact, shared by the vendor tests.</summary>
    public const string Customer = """
        public sealed class Customer
        {
            public Customer(ContactRules.Contact contact, string phone) { Contact = contact; Phone = phone; }
            public ContactRules.Contact Contact { get; }
            public string Phone { get; }
        }
        """;
}
