namespace ContactRules.Analyzers.Tests.Support;

/// <summary>
/// Source stubs compiled with every test: the ContactRules types with the shapes of the real
/// ones (src/ContactRules), a small CRM domain, and the Twilio members of the built-in catalogue.
/// </summary>
internal static class Stubs
{
    public const string ContactRules = """
        #nullable enable
        using System;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading;
        using System.Threading.Tasks;

        namespace ContactRules
        {
            public enum ContactChannel { Voice, Sms }
            public enum ContactPurpose { Marketing, DebtCollection, Informational }
            public enum AttemptOutcome { NoAnswer, Busy, Voicemail, Machine, Conversation, Refused, Abandoned, NotConnected, Reserved }

            public sealed class Contact
            {
                public Contact(string id, string phoneNumber) { Id = id; PhoneNumber = phoneNumber; }
                public string Id { get; }
                public string PhoneNumber { get; }
            }

            public sealed class ContactRequest
            {
                public ContactRequest(Contact contact, ContactChannel channel = ContactChannel.Voice, ContactPurpose purpose = ContactPurpose.Marketing) { Contact = contact; Channel = channel; Purpose = purpose; }
                public Contact Contact { get; }
                public ContactChannel Channel { get; }
                public ContactPurpose Purpose { get; }
            }

            public sealed class ContactDecision
            {
                private ContactDecision(bool isAllowed) { IsAllowed = isAllowed; }
                public static ContactDecision Allowed { get; } = new ContactDecision(true);
                public bool IsAllowed { get; }
            }

            public sealed class ContactPermit
            {
                internal ContactPermit(ContactRequest request) { Request = request; }
                public ContactRequest Request { get; }
                public bool IsCompleted => false;
                public void Complete(AttemptOutcome outcome) { }
                public Task CompleteAsync(AttemptOutcome outcome, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            public sealed class ContactReservation
            {
                internal ContactReservation(ContactDecision decision, ContactPermit? permit) { Decision = decision; Permit = permit; }
                public ContactDecision Decision { get; }
                public ContactPermit? Permit { get; }
                [MemberNotNullWhen(true, nameof(Permit))]
                public bool IsReserved => Permit is not null;
            }

            public sealed class ContactGate
            {
                public ContactDecision Check(ContactRequest request) => ContactDecision.Allowed;
                public System.Collections.Generic.IReadOnlyList<ContactDecision> CheckMany(System.Collections.Generic.IReadOnlyList<ContactRequest> requests) => new ContactDecision[requests.Count];
                public bool TryReserve(ContactRequest request, [NotNullWhen(true)] out ContactPermit? permit) { permit = new ContactPermit(request); return true; }
                public bool TryReserve(ContactRequest request, [NotNullWhen(true)] out ContactPermit? permit, out ContactDecision decision) { permit = new ContactPermit(request); decision = ContactDecision.Allowed; return true; }
                public Task<ContactDecision> CheckAsync(ContactRequest request, CancellationToken cancellationToken = default) => Task.FromResult(ContactDecision.Allowed);
                public Task<ContactReservation> TryReserveAsync(ContactRequest request, CancellationToken cancellationToken = default) => Task.FromResult(new ContactReservation(ContactDecision.Allowed, new ContactPermit(request)));
            }

            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
            public sealed class ConsentCheckAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
            public sealed class RequiresConsentAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
            public sealed class DialApiAttribute : Attribute
            {
                public DialApiAttribute() { }
                public DialApiAttribute(string documentationCommentId) { DocumentationCommentId = documentationCommentId; }
                public string? DocumentationCommentId { get; }
                public string? ContactParameter { get; set; }
                public ContactChannel Channel { get; set; }
            }

            public enum RequestedContactKind { OneTimePassword, AppointmentConfirmation, RequestedCallback }

            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
            public sealed class RequestedContactAttribute : Attribute
            {
                public RequestedContactAttribute(RequestedContactKind kind, string reason) { Kind = kind; Reason = reason; }
                public RequestedContactKind Kind { get; }
                public string Reason { get; }
            }
        }
        """;

    public const string Crm = """
        #nullable enable
        using System.Threading.Tasks;
        using ContactRules;

        namespace Crm
        {
            public sealed class Customer
            {
                public Customer(string id, string phone) { Id = id; Phone = phone; Contact = new Contact(id, phone); }
                public string Id { get; }
                public string Phone { get; set; }
                public string? AlternatePhone { get; set; }
                public Contact Contact { get; }
                [ConsentCheck] public bool SmsOptIn { get; set; }
            }

            public interface IDialer
            {
                [DialApi] void Dial(string to);
                [DialApi] Task DialAsync(string to);
                [DialApi] void Dial(string to, ContactPermit permit);
                [DialApi(ContactParameter = "customer")] void Call(string script, Customer customer);
                string Send(string phone);
            }

            public static class Consents
            {
                [ConsentCheck] public static bool HasConsent(Customer customer) => true;
                public static Task<ContactDecision> CheckAsync(ContactGate gate, ContactRequest request) => Task.FromResult(gate.Check(request));
            }

            public sealed class Telephony
            {
                public void Place(string number) { }
            }
        }

        namespace Twilio.Types
        {
            public sealed class PhoneNumber { public PhoneNumber(string number) { } }
        }

        namespace Twilio.Rest.Api.V2010.Account
        {
            using Twilio.Types;
            public sealed class CallResource
            {
                public static CallResource Create(PhoneNumber to, PhoneNumber from, System.Uri? url = null) => new CallResource();
                public static CallResource Create(CreateCallOptions options) => new CallResource();
            }

            public sealed class CreateCallOptions
            {
                public CreateCallOptions(PhoneNumber to, PhoneNumber from) { To = to; From = from; }
                public PhoneNumber To { get; set; }
                public PhoneNumber From { get; set; }
            }

            public sealed class MessageResource
            {
                public static MessageResource Create(PhoneNumber to, string? pathAccountSid = null, PhoneNumber? from = null, string? body = null) => new MessageResource();
                public static Task<MessageResource> CreateAsync(PhoneNumber to, string? pathAccountSid = null, PhoneNumber? from = null, string? body = null) => Task.FromResult(new MessageResource());
            }
        }
        """;
}
