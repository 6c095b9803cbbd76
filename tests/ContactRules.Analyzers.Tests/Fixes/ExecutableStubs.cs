namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>
/// The members of the ContactRules and CRM stubs that fixed code calls, with bodies that run:
/// a gate that allows or refuses as told, a dialer that records whether it dialed, and a harness
/// that runs <c>Campaign.Run</c> whatever the server's clock says.
/// </summary>
internal static class ExecutableStubs
{
    public const string Source = """
        #nullable enable
        namespace ContactRules
        {
            public enum ContactChannel { Voice, Sms }
            public sealed class Contact { public Contact(string id, string phoneNumber) { Id = id; } public string Id { get; } }
            public sealed class ContactRequest { public ContactRequest(Contact contact, ContactChannel channel = ContactChannel.Voice) { Contact = contact; } public Contact Contact { get; } }
            public sealed class ContactDecision { public ContactDecision(bool isAllowed) { IsAllowed = isAllowed; } public bool IsAllowed { get; } }
            public sealed class ContactGate
            {
                public static bool Allows { get; set; }
                public ContactDecision Check(ContactRequest request) => new ContactDecision(Allows);
            }
        }

        namespace Crm
        {
            using ContactRules;

            public sealed class Customer
            {
                public Customer(string id, string phone) { Phone = phone; Contact = new Contact(id, phone); }
                public string Phone { get; }
                public Contact Contact { get; }
                public bool SmsOptIn { get; set; } = true;
            }

            public interface IDialer { void Dial(string to); }

            public sealed class RecordingDialer : IDialer
            {
                public bool Dialed { get; private set; }
                public void Dial(string to) => Dialed = true;
            }

            public static class Harness
            {
                public static bool Run(bool allows)
                {
                    ContactGate.Allows = allows;
                    var dialer = new RecordingDialer();
                    new Campaign().Run(dialer, new Customer("c-1", "+33100000000"));
                    return dialer.Dialed;
                }
            }
        }

        namespace Twilio.Types { public sealed class PhoneNumber { public PhoneNumber(string number) { } } }
        namespace Twilio.Rest.Api.V2010.Account { public static class MessageResource { public static void Create(Twilio.Types.PhoneNumber to) { } } }
        """;
}
