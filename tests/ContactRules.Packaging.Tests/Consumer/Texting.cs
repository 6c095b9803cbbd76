using System.Threading.Tasks;
using ContactRules;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Acme.Crm;

// A second file of the consumer: the diagnostics are asserted by file as well as by line.
public sealed class Texting
{
    private static readonly PhoneNumber From = new("+15550100");
    private readonly ContactGate gate;

    public Texting(ContactGate gate) => this.gate = gate;

    public async Task<string> RemindAsync(Customer customer)
    {
        var message = await MessageResource.CreateAsync(to: new PhoneNumber(customer.Phone), from: From, body: "Your appointment is tomorrow"); // expect CR0001
        return message.Sid;
    }

    public async Task<string?> RemindIfAllowedAsync(Customer customer)
    {
        var decision = gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms));
        if (!decision.IsAllowed)
        {
            return null;
        }

        var message = await MessageResource.CreateAsync(to: new PhoneNumber(customer.Phone), from: From, body: "Your appointment is tomorrow");
        return message.Sid;
    }
}
