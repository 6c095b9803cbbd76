using System.Collections.Immutable;

namespace ContactRules.Analyzers.Configuration;

/// <summary>
/// The well-known SDK methods that place calls or send messages, so that a project needs no
/// configuration to be checked. Each entry names every overload of a member
/// (a documentation-comment id without parameter list); a type absent from the compilation costs
/// one failed lookup.
/// </summary>
/// <remarks>
/// The Twilio ids are verified against the real Twilio 8.2.0 assembly by a test; the others
/// follow each vendor's published .NET SDK and are documented in docs/rules/CR0001.md.
/// </remarks>
internal static class BuiltInDialApis
{
    public static readonly ImmutableArray<BuiltInDialApi> All = ImmutableArray.Create(
        // Twilio: voice calls and SMS/WhatsApp messages.
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.CallResource.Create"),
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.CallResource.CreateAsync"),
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.MessageResource.Create"),
        new BuiltInDialApi("M:Twilio.Rest.Api.V2010.Account.MessageResource.CreateAsync"),

        // Vonage (formerly Nexmo): voice calls, SMS, and the Messages API.
        new BuiltInDialApi("M:Vonage.Voice.IVoiceClient.CreateCall"),
        new BuiltInDialApi("M:Vonage.Voice.IVoiceClient.CreateCallAsync"),
        new BuiltInDialApi("M:Vonage.Voice.VoiceClient.CreateCall"),
        new BuiltInDialApi("M:Vonage.Voice.VoiceClient.CreateCallAsync"),
        new BuiltInDialApi("M:Vonage.Messaging.ISmsClient.SendAnSms"),
        new BuiltInDialApi("M:Vonage.Messaging.ISmsClient.SendAnSmsAsync"),
        new BuiltInDialApi("M:Vonage.Messaging.SmsClient.SendAnSms"),
        new BuiltInDialApi("M:Vonage.Messaging.SmsClient.SendAnSmsAsync"),
        new BuiltInDialApi("M:Vonage.Messages.IMessagesClient.SendAsync"),
        new BuiltInDialApi("M:Vonage.Messages.MessagesClient.SendAsync"),

        // Plivo: calls and messages.
        new BuiltInDialApi("M:Plivo.Resource.Call.CallInterface.Create"),
        new BuiltInDialApi("M:Plivo.Resource.Call.CallInterface.CreateAsync"),
        new BuiltInDialApi("M:Plivo.Resource.Message.MessageInterface.Create"),
        new BuiltInDialApi("M:Plivo.Resource.Message.MessageInterface.CreateAsync"),

        // Sinch: SMS batches and voice callouts.
        new BuiltInDialApi("M:Sinch.SMS.Batches.ISinchSmsBatches.Send"),
        new BuiltInDialApi("M:Sinch.SMS.Batches.IBatches.Send"),
        new BuiltInDialApi("M:Sinch.Voice.Callouts.ISinchVoiceCallout.Tts"),
        new BuiltInDialApi("M:Sinch.Voice.Callouts.ISinchVoiceCallout.Conference"),
        new BuiltInDialApi("M:Sinch.Voice.Callouts.ISinchVoiceCallout.Custom"),

        // Azure Communication Services: Call Automation and SMS.
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateCall"),
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateCallAsync"),
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateGroupCall"),
        new BuiltInDialApi("M:Azure.Communication.CallAutomation.CallAutomationClient.CreateGroupCallAsync"),
        new BuiltInDialApi("M:Azure.Communication.Sms.SmsClient.Send"),
        new BuiltInDialApi("M:Azure.Communication.Sms.SmsClient.SendAsync"),

        // Amazon Connect outbound voice.
        new BuiltInDialApi("M:Amazon.Connect.IAmazonConnect.StartOutboundVoiceContact"),
        new BuiltInDialApi("M:Amazon.Connect.IAmazonConnect.StartOutboundVoiceContactAsync"),
        new BuiltInDialApi("M:Amazon.Connect.AmazonConnectClient.StartOutboundVoiceContact"),
        new BuiltInDialApi("M:Amazon.Connect.AmazonConnectClient.StartOutboundVoiceContactAsync"),

        // Amazon SNS: a Publish is a contact only when it targets a phone number (SMS), not a topic.
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.IAmazonSimpleNotificationService.Publish", "PhoneNumber"),
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.IAmazonSimpleNotificationService.PublishAsync", "PhoneNumber"),
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient.Publish", "PhoneNumber"),
        new BuiltInDialApi("M:Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient.PublishAsync", "PhoneNumber"));
}

/// <summary>One built-in dial API: every overload of a member.</summary>
/// <param name="DocumentationCommentId">The member's id without parameter list.</param>
/// <param name="RequiredMember">
/// When set, a call counts as a contact only if its request object sets this member (SNS
/// <c>PhoneNumber</c>): publishing to a topic contacts nobody in particular.
/// </param>
internal sealed record BuiltInDialApi(string DocumentationCommentId, string? RequiredMember = null);
