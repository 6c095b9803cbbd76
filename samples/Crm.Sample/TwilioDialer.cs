using System;
using ContactRules;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Crm.Sample;

/// <summary>
/// The CRM's one way to place a call: Twilio's Programmable Voice, through an injected
/// <see cref="ITwilioRestClient"/> (the real <c>TwilioRestClient</c> in production, a simulated
/// one in this sample).
/// </summary>
internal sealed class TwilioDialer
{
    private readonly ITwilioRestClient client;
    private readonly PhoneNumber from;
    private readonly Uri script;

    public TwilioDialer(ITwilioRestClient client, PhoneNumber from, Uri script)
    {
        this.client = client;
        this.from = from;
        this.script = script;
    }

    /// <summary>Calls the customer.</summary>
    /// <remarks>
    /// <c>[DialApi]</c> moves the consent obligation to the callers: inside this method the
    /// analyzers report nothing (it is the wrapper), and every call to it must be dominated by a
    /// successful check for the same customer, or CR0001 is reported there. Without the
    /// attribute, the analyzers would stop at Twilio's <c>CallResource.Create</c> below and
    /// never see the CRM code that decides whom to call.
    /// </remarks>
    [DialApi(ContactParameter = "customer")]
    public CallResource Dial(Customer customer)
        => CallResource.Create(to: new PhoneNumber(customer.Phone), from: from, url: script, client: client);
}
