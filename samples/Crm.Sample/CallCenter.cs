using ContactRules;
using Twilio.Rest.Api.V2010.Account;

namespace Crm.Sample;

/// <summary>
/// Where the CRM decides to call: ask ContactRules for this customer, dial only with a permit,
/// and give the permit its outcome.
/// </summary>
internal sealed class CallCenter
{
    private readonly ContactGate gate;
    private readonly TwilioDialer dialer;
    private readonly string caller;
    private readonly string campaign;

    public CallCenter(ContactGate gate, TwilioDialer dialer, string caller, string campaign)
    {
        this.gate = gate;
        this.dialer = dialer;
        this.caller = caller;
        this.campaign = campaign;
    }

    /// <summary>Calls <paramref name="customer"/> when the law allows it now.</summary>
    /// <param name="customer">Who to call.</param>
    /// <param name="whenAnswered">How the conversation ends if the customer answers (the agent's disposition).</param>
    public CallResult Call(Customer customer, AttemptOutcome whenAnswered = AttemptOutcome.Conversation)
    {
        // Caller names the professional: D223-9 counts the attempts of a professional and of
        // every subcontractor calling for it together (FR-FREQ-01, FR-STOP-01).
        var request = new ContactRequest(customer.Contact, ContactChannel.Voice, ContactPurpose.Marketing)
        {
            Caller = caller,
            Campaign = campaign,
        };

        // The consent check. TryReserve asks every rule of the pack for this customer (stored
        // consents, objections, history included) and, when they all allow, records the attempt
        // in the ledger in the same atomic step, so that two dialers cannot both take the 4th
        // call. Its true side is what satisfies CR0001 for the Dial below.
        if (!gate.TryReserve(request, out var permit, out var decision))
        {
            return new CallResult(customer, gate.Clock.GetCurrentInstant(), decision, null, null);
        }

        // Until Complete, the attempt counts as Reserved; finally gives it its real outcome on
        // every path, a Twilio failure included (CR0005).
        var outcome = AttemptOutcome.NotConnected;
        string? sid = null;
        try
        {
            var call = dialer.Dial(customer);
            sid = call.Sid;
            outcome = OutcomeOf(call.Status, whenAnswered);
        }
        finally
        {
            permit.Complete(outcome);
        }

        return new CallResult(customer, permit.ReservedAt, decision, sid, outcome);
    }

    // Every attempt counts towards FR-FREQ-01, answered or not; only a conversation in which the
    // customer refused withdraws their consent (FR-WDRW-01) and starts the end-request ban
    // (FR-STOP-01); until 10 August 2026 it started the 60-day cooldown (FR-COOL-01) instead.
    private static AttemptOutcome OutcomeOf(CallResource.StatusEnum status, AttemptOutcome whenAnswered)
    {
        if (status == CallResource.StatusEnum.Completed)
        {
            return whenAnswered;
        }

        if (status == CallResource.StatusEnum.Busy)
        {
            return AttemptOutcome.Busy;
        }

        if (status == CallResource.StatusEnum.NoAnswer)
        {
            return AttemptOutcome.NoAnswer;
        }

        return AttemptOutcome.NotConnected;
    }
}
