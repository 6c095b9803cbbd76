using System;
using ContactRules;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Acme.Crm;

// A small CRM the way a user writes one. Each line a ContactRules analyzer must flag ends with
// "// expect CRxxxx"; the packaging test reads the expectations from these comments.
public sealed class Customer
{
    public Customer(Contact contact, string phone)
    {
        Contact = contact;
        Phone = phone;
    }

    public Contact Contact { get; }

    public string Phone { get; }
}

public sealed class RenewalCampaign
{
    private static readonly PhoneNumber From = new("+15550100");
    private static readonly Uri Script = new("https://example.invalid/renewal.xml");
    private readonly ContactGate gate;

    public RenewalCampaign(ContactGate gate) => this.gate = gate;

    public void Remind(Customer customer)
    {
        MessageResource.Create(to: new PhoneNumber(customer.Phone), from: From, body: "Your contract ends soon"); // expect CR0001
    }

    public void Call(Customer customer)
    {
        var decision = gate.Check(new ContactRequest(customer.Contact));
        if (!decision.IsAllowed)
        {
            return;
        }

        CallResource.Create(to: new PhoneNumber(customer.Phone), from: From, url: Script);
    }

    public void CallBeneficiary(Customer payer, Customer beneficiary)
    {
        if (gate.Check(new ContactRequest(payer.Contact)).IsAllowed)
        {
            CallResource.Create(to: new PhoneNumber(beneficiary.Phone), from: From, url: Script); // expect CR0003
        }
    }

    public void CallBeforeDinner(Customer customer)
    {
        if (DateTime.Now.Hour >= 19) // expect CR0004
        {
            return;
        }

        if (gate.Check(new ContactRequest(customer.Contact)) is { IsAllowed: true })
        {
            CallResource.Create(to: new PhoneNumber(customer.Phone), from: From, url: Script);
        }
    }

    public void Dial(Customer customer)
    {
        if (!gate.TryReserve(new ContactRequest(customer.Contact), out var permit)) // expect CR0005
        {
            return;
        }

        CallResource.Create(to: new PhoneNumber(customer.Phone), from: From, url: Script);
        Console.WriteLine(permit.ReservedAt);
    }

    public void DialAndRecord(Customer customer)
    {
        if (!gate.TryReserve(new ContactRequest(customer.Contact), out var permit))
        {
            return;
        }

        try
        {
            CallResource.Create(to: new PhoneNumber(customer.Phone), from: From, url: Script);
        }
        finally
        {
            permit.Complete(AttemptOutcome.Conversation);
        }
    }

    public void Audit(Customer customer)
    {
        gate.Check(new ContactRequest(customer.Contact)); // expect CR0002
    }
}
