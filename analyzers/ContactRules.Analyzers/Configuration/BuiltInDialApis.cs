using System.Collections.Immutable;

namespace ContactRules.Analyzers.Configuration;

/// <summary>
/// The well-known SDK methods that place calls or send messages, so that a project needs no
/// configuration to be checked. Each entry names every overload of a member (a
/// documentation-comment id without parameter list); a type absent from the compilation costs
/// one failed lookup, so the ids of old and new versions of an SDK can stand side by side.
/// </summary>
/// <remarks>
/// Every id was checked against the vendor's package or source; docs/rules/CR0001.md records which
/// version. The Twilio ids are checked again by a test against the real Twilio 8.2.0 assembly.
/// </remarks>
internal static class BuiltInDialApis
{
    public static readonly ImmutableArray<BuiltInDialApi> All = ImmutableArray.Create(
        // Twilio REST: voice calls and SMS/WhatsApp messages.
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.CallResource.Create", DialChannel.Voice),
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.CallResource.CreateAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.MessageResource.Create", DialChannel.Sms),
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.MessageResource.CreateAsync", DialChannel.Sms),

        // TwiML: the <Dial> verb and its <Number> and <Client> nouns place a call when Twilio runs
        // the response. Only the forms that name whom to dial count: an empty <Dial> is filled in
        // by its nouns, and appending a verb or noun built earlier (Dial(Dial), Number(Number))
        // was counted where it was built.
        new BuiltInDialApi("M:Twilio.TwiML.VoiceResponse.Dial", DialChannel.Voice, ContactRequirement.ArgumentGiven("number")),
        new BuiltInDialApi("M:Twilio.TwiML.Voice.Dial.#ctor", DialChannel.Voice, ContactRequirement.ArgumentGiven("number")),
        new BuiltInDialApi("M:Twilio.TwiML.Voice.Dial.Number", DialChannel.Voice, ContactRequirement.ArgumentGiven("phoneNumber")),
        new BuiltInDialApi("M:Twilio.TwiML.Voice.Number.#ctor", DialChannel.Voice, ContactRequirement.ArgumentGiven("phoneNumber")),
        new BuiltInDialApi("M:Twilio.TwiML.Voice.Dial.Client", DialChannel.Voice, ContactRequirement.ArgumentGiven("identity")),
        new BuiltInDialApi("M:Twilio.TwiML.Voice.Client.#ctor", DialChannel.Voice, ContactRequirement.ArgumentGiven("identity")),

        // Twilio Studio: an execution (V1 engagements before it) starts a flow that calls or texts
        // the 'to' number; which of the two is the flow's business, so the channel is unknown.
        new BuiltInDialApi("M:Twilio.Rest.Studio.V2.Flow.ExecutionResource.Create", DialChannel.Unknown),
        new BuiltInDialApi("M:Twilio.Rest.Studio.V2.Flow.ExecutionResource.CreateAsync", DialChannel.Unknown),
        new BuiltInDialApi("M:Twilio.Rest.Studio.V1.Flow.ExecutionResource.Create", DialChannel.Unknown),
        new BuiltInDialApi("M:Twilio.Rest.Studio.V1.Flow.ExecutionResource.CreateAsync", DialChannel.Unknown),
        new BuiltInDialApi("M:Twilio.Rest.Studio.V1.Flow.EngagementResource.Create", DialChannel.Unknown),
        new BuiltInDialApi("M:Twilio.Rest.Studio.V1.Flow.EngagementResource.CreateAsync", DialChannel.Unknown),

        // Twilio Verify (Twilio.Rest.Verify.V2.Service.VerificationResource) is deliberately absent:
        // it sends a one-time code that the person asked for (signing in, confirming their own
        // number), not a contact the consent rules govern. See docs/rules/CR0001.md.

        // Vonage: voice calls, SMS, and the Messages API.
        new BuiltInDialApi("M:Vonage.Voice.IVoiceClient.CreateCall", DialChannel.Voice),
        new BuiltInDialApi("M:Vonage.Voice.IVoiceClient.CreateCallAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Vonage.Voice.VoiceClient.CreateCall", DialChannel.Voice),
        new BuiltInDialApi("M:Vonage.Voice.VoiceClient.CreateCallAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Vonage.Messaging.ISmsClient.SendAnSms", DialChannel.Sms),
        new BuiltInDialApi("M:Vonage.Messaging.ISmsClient.SendAnSmsAsync", DialChannel.Sms),
        new BuiltInDialApi("M:Vonage.Messaging.SmsClient.SendAnSms", DialChannel.Sms),
        new BuiltInDialApi("M:Vonage.Messaging.SmsClient.SendAnSmsAsync", DialChannel.Sms),
        new BuiltInDialApi("M:Vonage.Messages.IMessagesClient.SendAsync", DialChannel.Unknown),
        new BuiltInDialApi("M:Vonage.Messages.MessagesClient.SendAsync", DialChannel.Unknown),

        // Legacy Nexmo (package Nexmo.Csharp.Client, namespace Nexmo.Api; kept as obsolete types
        // in Vonage 5.x): the static and client SMS senders and the v5 SMS client, and voice calls.
        new BuiltInDialApi("M:Nexmo.Api.SMS.Send", DialChannel.Sms),
        new BuiltInDialApi("M:Nexmo.Api.ClientMethods.SMS.Send", DialChannel.Sms),
        new BuiltInDialApi("M:Nexmo.Api.Messaging.ISmsClient.SendAnSms", DialChannel.Sms),
        new BuiltInDialApi("M:Nexmo.Api.Messaging.SmsClient.SendAnSms", DialChannel.Sms),
        new BuiltInDialApi("M:Nexmo.Api.Voice.Call.Do", DialChannel.Voice),
        new BuiltInDialApi("M:Nexmo.Api.ClientMethods.Call.Do", DialChannel.Voice),
        new BuiltInDialApi("M:Nexmo.Api.Voice.IVoiceClient.CreateCall", DialChannel.Voice),
        new BuiltInDialApi("M:Nexmo.Api.Voice.VoiceClient.CreateCall", DialChannel.Voice),

        // Plivo: calls and messages.
        new BuiltInDialApi("M:Plivo.Resource.Call.CallInterface.Create", DialChannel.Voice),
        new BuiltInDialApi("M:Plivo.Resource.Call.CallInterface.CreateAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Plivo.Resource.Message.MessageInterface.Create", DialChannel.Sms),
        new BuiltInDialApi("M:Plivo.Resource.Message.MessageInterface.CreateAsync", DialChannel.Sms),

        // Sinch: SMS batches and voice callouts.
        new BuiltInDialApi("M:Sinch.SMS.Batches.ISinchSmsBatches.Send", DialChannel.Sms),
        new BuiltInDialApi("M:Sinch.SMS.Batches.IBatches.Send", DialChannel.Sms),
        new BuiltInDialApi("M:Sinch.Voice.Callouts.ISinchVoiceCallout.Tts", DialChannel.Voice),
        new BuiltInDialApi("M:Sinch.Voice.Callouts.ISinchVoiceCallout.Conference", DialChannel.Voice),
        new BuiltInDialApi("M:Sinch.Voice.Callouts.ISinchVoiceCallout.Custom", DialChannel.Voice),

        // Azure Communication Services: Call Automation and SMS.
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateCall", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateCallAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateGroupCall", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateGroupCallAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.Sms.SmsClient.Send", DialChannel.Sms),
        new BuiltInDialApi("M:Azure.Communication.Sms.SmsClient.SendAsync", DialChannel.Sms),

        // Azure Communication Services, the legacy Azure.Communication.CallingServer previews
        // (replaced by CallAutomation): outbound calls under the names the betas gave them, and
        // adding a participant, which dials that participant into the call.
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallingServerClient.CreateCallConnection", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallingServerClient.CreateCallConnectionAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallingServerClient.CreateCall", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallingServerClient.CreateCallAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallAutomationClient.CreateCall", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallAutomationClient.CreateCallAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallConnection.AddParticipant", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallConnection.AddParticipantAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallConnection.AddParticipants", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.CallConnection.AddParticipantsAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.ServerCall.AddParticipant", DialChannel.Voice),
        new BuiltInDialApi("M:Azure.Communication.CallingServer.ServerCall.AddParticipantAsync", DialChannel.Voice),

        // Amazon Connect outbound voice.
        new BuiltInDialApi("M:Amazon.Connect.IAmazonConnect.StartOutboundVoiceContact", DialChannel.Voice),
        new BuiltInDialApi("M:Amazon.Connect.IAmazonConnect.StartOutboundVoiceContactAsync", DialChannel.Voice),
        new BuiltInDialApi("M:Amazon.Connect.AmazonConnectClient.StartOutboundVoiceContact", DialChannel.Voice),
        new BuiltInDialApi("M:Amazon.Connect.AmazonConnectClient.StartOutboundVoiceContactAsync", DialChannel.Voice),

        // Amazon SNS: a Publish is a contact only when its request targets a phone number (SMS),
        // not a topic or a platform endpoint; a request built where it cannot be seen counts.
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.IAmazonSimpleNotificationService.Publish", DialChannel.Sms, ContactRequirement.RequestSets("PhoneNumber")),
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.IAmazonSimpleNotificationService.PublishAsync", DialChannel.Sms, ContactRequirement.RequestSets("PhoneNumber")),
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient.Publish", DialChannel.Sms, ContactRequirement.RequestSets("PhoneNumber")),
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient.PublishAsync", DialChannel.Sms, ContactRequirement.RequestSets("PhoneNumber")));

    /// <summary>The entry whose id names <paramref name="method"/> (any overload), or null.</summary>
    public static BuiltInDialApi? Find(Microsoft.CodeAnalysis.IMethodSymbol method)
    {
        var declared = Microsoft.CodeAnalysis.DocumentationCommentId.CreateDeclarationId((method.ReducedFrom ?? method).OriginalDefinition);
        if (declared is null)
        {
            return null;
        }

        var id = "M:" + DialApiFile.NameOf(declared);
        foreach (var entry in All)
        {
            if (entry.DocumentationCommentId == id)
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>One built-in dial API: every overload of a member.</summary>
/// <param name="DocumentationCommentId">The member's id without parameter list.</param>
/// <param name="Channel">The channel the member contacts people on.</param>
/// <param name="Requirement">When set, the form a call must have to contact anyone (SNS to a phone number, a TwiML verb with a number).</param>
internal sealed record BuiltInDialApi(string DocumentationCommentId, DialChannel Channel, ContactRequirement? Requirement = null);
