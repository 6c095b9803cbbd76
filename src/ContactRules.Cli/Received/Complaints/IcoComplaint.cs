using System.Linq;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// United Kingdom, the ICO's report of nuisance calls and messages (PECR): who sent it, your
/// relationship with them, whether you gave or refused permission, how it was sent (live call,
/// automated call, text), the number that received it, whether you are its subscriber, and whether
/// it is registered with the TPS.
/// </summary>
internal static class IcoComplaint
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var facts = context.Result.Facts;
        var name = context.Caller.Name;
        var refused = facts.Refusals.Where(r => r.Caller == name).Select(r => r.At).ToList();
        var text = context.Start(t.T($"ICO : signalement d'appels et messages indésirables de {name}", $"ICO: nuisance calls and messages report about {name}"));
        text.Append(t.T("Expéditeur (entreprise) : ", "Sender (company): ")).Append(context.Company).Append('\n')
            .Append(t.T("Votre relation avec lui : ", "Your relationship with them: "))
            .Append(facts.Contracts.Any(c => c.Caller == name) ? t.T("client (contrat)", "customer (contract)") : t.T("aucune", "none")).Append('\n')
            .Append(t.T("Permission donnée ou refusée : ", "Permission given or refused: "))
            .Append(refused.Count > 0
                ? t.T($"refusée le {string.Join(", ", refused.Select(r => t.ShortDate(r.DateIn(context.Result.Zone))))}", $"refused on {string.Join(", ", refused.Select(r => t.ShortDate(r.DateIn(context.Result.Zone))))}")
                : facts.Consents.Any(c => c.Caller == name) ? t.T("donnée (voir les appels qu'elle ne couvrait pas)", "given (see the calls it did not cover)") : t.T("jamais donnée", "never given")).Append('\n')
            .Append(t.T("Numéro qui a reçu les appels : ", "Number that received them: ")).Append(context.OwnNumber).Append('\n')
            .Append(t.T("Êtes-vous l'abonné de cette ligne : ", "Are you the subscriber of that line: ")).Append(t.T("[oui ou non]", "[yes or no]")).Append('\n')
            .Append(t.T("Ligne inscrite au TPS : ", "Line registered with the TPS: ")).Append(context.RegisteredAnswer(ContactRegistry.Tps)).Append('\n')
            .Append(context.ZoneLine).Append("\n\n");
        var index = 0;
        foreach (var call in context.Calls)
        {
            index++;
            text.Append(context.Entry(index)).Append('\n')
                .Append(t.T("Date et heure : ", "Date and time: ")).Append(t.Moment(context.Local(call))).Append('\n')
                .Append(t.T("Numéro de l'expéditeur : ", "Sender's number: ")).Append(call.Number!.Display).Append('\n')
                .Append(t.T("Mode d'envoi : ", "How it was sent: "))
                .Append(!call.IsCall ? t.T("SMS", "text message") : context.Caller.Recorded ? t.T("appel automatisé (message enregistré)", "automated call (recorded message)") : t.T("appel en direct", "live call")).Append('\n')
                .Append(t.T("Ce qui s'est passé : ", "What happened: ")).Append(Output.CallText.HowItEnded(call, t)).Append(". ")
                .Append(t.T("Règles enfreintes : ", "Rules broken: ")).Append(context.Rules(call, ComplaintDrafts.IsIcoRule)).Append(".\n\n");
        }

        return text.ToString();
    }
}
