using System.Threading.Tasks;
using ContactRules;

namespace Acme.Accounts;

// A project that treats warnings as errors. Each line a ContactRules analyzer must list ends with
// "// expect CRxxxx"; CR0007 is listed as a warning and must not fail the build.
public interface ITextSender
{
    [DialApi(ContactParameter = "to", Channel = ContactChannel.Sms)]
    Task SendAsync(string to, string text);
}

public sealed class Account
{
    public Account(Contact contact, string phone)
    {
        Contact = contact;
        Phone = phone;
    }

    public Contact Contact { get; }

    public string Phone { get; }
}

public sealed class SignInCodes
{
    private readonly ITextSender texts;
    private readonly ContactGate gate;

    public SignInCodes(ITextSender texts, ContactGate gate)
    {
        this.texts = texts;
        this.gate = gate;
    }

    [RequestedContact(RequestedContactKind.OneTimePassword, "Sent only when the person asks for a sign-in code on the login page.")]
    public Task SendCodeAsync(Account account, string code)
    {
        return texts.SendAsync(account.Phone, "Your code: " + code); // expect CR0007
    }

    public async Task RemindAsync(Account account)
    {
        var decision = gate.Check(new ContactRequest(account.Contact, ContactChannel.Sms));
        if (decision.IsAllowed)
        {
            await texts.SendAsync(account.Phone, "Your appointment is tomorrow");
        }
    }
}
