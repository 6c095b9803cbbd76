using ContactRules.Cli.Received.Output;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// United States, the FTC's do-not-call complaint (donotcall.gov): your number, the exact date and
/// time of each call, the number that called, whether it was a recorded message or a live person,
/// call or text, the subject, and the company if known. The registry protects a number from
/// 31 days after its registration (robocalls need no registration).
/// </summary>
internal static class FtcComplaint
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var text = context.Start(t.T($"FTC : plainte Do Not Call contre {context.Caller.Name}", $"FTC: Do Not Call complaint against {context.Caller.Name}"));
        text.Append(t.T("Votre numéro : ", "Your phone number: ")).Append(context.OwnNumber).Append('\n')
            .Append(t.T("Inscrit au registre national Do Not Call : ", "On the National Do Not Call Registry: "))
            .Append(context.RegisteredAnswer(ContactRegistry.UsDnc)).Append('\n')
            .Append(context.ZoneLine).Append("\n\n");
        var index = 0;
        foreach (var call in context.Calls)
        {
            index++;
            text.Append(context.Entry(index)).Append('\n')
                .Append(t.T("Date et heure de l'appel : ", "Date and time of the call: ")).Append(t.Moment(context.Local(call))).Append('\n')
                .Append(t.T("Numéro qui a appelé : ", "Number that called you: ")).Append(call.Number!.Display).Append('\n')
                .Append(t.T("Message enregistré ou personne en direct : ", "Prerecorded message or live person: "))
                .Append(context.Caller.Recorded ? t.T("message enregistré", "prerecorded message") : t.T("personne en direct (ou appel sans message)", "live person (or a call with no message)")).Append('\n')
                .Append(t.T("Appel ou SMS : ", "Call or text: ")).Append(CallText.CallOrText(call, t)).Append('\n')
                .Append(t.T("Objet : ", "Subject: ")).Append(context.Caller.Sector ?? t.T("[ce qui était vendu]", "[what they were selling]")).Append('\n')
                .Append(t.T("Entreprise : ", "Company name: ")).Append(context.Company).Append('\n')
                .Append(t.T("Règles enfreintes : ", "Rules broken: ")).Append(context.Rules(call, id => id.StartsWith("US-", System.StringComparison.Ordinal))).Append(".\n\n");
        }

        return text.ToString();
    }
}
