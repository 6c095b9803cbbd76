using ContactRules;
using NodaTime;

namespace Crm.Sample;

/// <summary>A customer record of the CRM: who they are for ContactRules, and the number Twilio dials.</summary>
internal sealed class Customer
{
    public Customer(string id, string name, string phone, string zone)
    {
        Id = id;
        Name = name;
        Phone = phone;
        // The person's own zone: calling hours are theirs, not the server's (CR0004).
        Contact = new Contact(id)
        {
            PhoneNumber = phone,
            TimeZones = [DateTimeZoneProviders.Tzdb[zone]],
        };
    }

    public string Id { get; }

    public string Name { get; }

    public string Phone { get; }

    public Contact Contact { get; }

    public override string ToString() => Name;
}
