using System.Collections.Generic;
using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Model;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>
/// CR0001, CR0003, CR0006 at a contact: covered by a fact for that person, that number and that
/// channel; else a fact for that person by another channel (CR0006), else one for another number
/// of theirs or another person (CR0003), else none (CR0001). Inside a <c>[RequestedContact]</c>
/// method a contact that is not covered is CR0007 instead.
/// </summary>
internal sealed class DialRule
{
    private readonly Findings findings;
    private readonly PhoneNumberMembers numbers;
    private readonly Exemption? exemption;

    public DialRule(Findings findings, PhoneNumberMembers numbers, Exemption? exemption)
    {
        this.findings = findings;
        this.numbers = numbers;
        this.exemption = exemption;
    }

    public void OnDial(DialSite dial, FlowState state)
    {
        var channel = dial.Target.Channel;
        List<Consent>? samePerson = null;

        foreach (var consent in state.Consented)
        {
            foreach (var contact in dial.Contact)
            {
                if (Coverage.SamePerson(consent, contact, numbers))
                {
                    if (Coverage.SameChannel(consent, channel))
                    {
                        return;
                    }

                    (samePerson ??= new List<Consent>()).Add(consent);
                }
            }
        }

        // Quoted only for a finding: most contacts are covered.
        var who = dial.ContactSyntax is null ? "someone" : "'" + Text.Of(dial.ContactSyntax) + "'";

        if (exemption is not null)
        {
            // Only a contact the exemption is needed for is listed: a checked one is not exempted.
            findings.Add(Descriptors.CR0007RequestedContact, dial.Syntax, dial.Name, who, exemption.Kind, exemption.Reason);
            return;
        }

        var message = dial.Target.Message is null ? string.Empty : " (" + dial.Target.Message + ")";
        if (samePerson is not null)
        {
            findings.Add(Descriptors.CR0006ConsentForOtherChannel, dial.Syntax, dial.Name, who, ChannelName(channel), ChannelName(samePerson.Aggregate(Channels.None, (all, c) => all | c.Channel)));
            return;
        }

        if (state.Consented.Count > 0 && dial.Contact.Count > 0 && !dial.Contact.Any(c => state.Stale.Contains(c.Root)))
        {
            var others = string.Join(", ", state.Consented.Select(c => "'" + c.Subject.Describe() + "'").Distinct().OrderBy(s => s, System.StringComparer.Ordinal).Take(3));
            findings.Add(Descriptors.CR0003ConsentForOtherContact, dial.Syntax, dial.Name, who, others);
            return;
        }

        findings.Add(Descriptors.CR0001DialWithoutConsent, dial.Syntax, dial.Name, who, message);
    }

    private static string ChannelName(Channels channel) => channel switch
    {
        Channels.Sms => "text message",
        Channels.Voice => "call",
        _ => "call or text message",
    };
}
