using System.Linq;
using ContactRules.Cli.Received.Output;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// France, SignalConso (signal.conso.gouv.fr, DGCCRF), "Démarchage abusif" then "Démarchage
/// téléphonique": for each call, the fields the form asks — the caller's number, the date, the
/// time, and what happened (here: how the call went and each rule it broke, with its citation).
/// </summary>
internal static class SignalConsoComplaint
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var text = context.Start(t.T($"SignalConso : démarchage abusif par {context.Caller.Name}", $"SignalConso: abusive canvassing by {context.Caller.Name}"));
        text.Append(t.T("Rubrique : Démarchage abusif > Démarchage téléphonique (un signalement par appel, ou le premier appel puis les autres dans la description).\n",
                "Category: Démarchage abusif > Démarchage téléphonique (one report per call, or the first call and the others in its description).\n"))
            .Append(t.T("Professionnel : ", "Company: ")).Append(context.Company).Append('\n')
            .Append(context.ZoneLine).Append("\n\n");
        var index = 0;
        foreach (var call in context.Calls)
        {
            index++;
            var local = context.Local(call);
            text.Append(context.Entry(index)).Append('\n')
                .Append(t.T("Numéro de l'appelant : ", "Caller's number: ")).Append(call.Number!.Display).Append('\n')
                .Append(t.T("Date : ", "Date: ")).Append(t.ShortDate(local.Date)).Append('\n')
                .Append(t.T("Heure : ", "Time: ")).Append(t.Time(local.TimeOfDay)).Append(" (").Append(Language.Offset(local.Offset)).Append(")\n")
                .Append(t.T("Ce qui s'est passé : ", "What happened: "))
                .Append(call.IsCall
                    ? t.T($"appel de démarchage{OnBehalf(context, t)}, {CallText.HowItEnded(call, t)}. ", $"a canvassing call{OnBehalf(context, t)}, {CallText.HowItEnded(call, t)}. ")
                    : t.T($"SMS publicitaire{OnBehalf(context, t)}{CallText.Quote(call, t)}. ", $"a marketing text{OnBehalf(context, t)}{CallText.Quote(call, t)}. "))
                .Append(t.T("Règles enfreintes : ", "Rules broken: ")).Append(context.Rules(call)).Append(".\n\n");
        }

        if (context.Calls.Any(c => !c.IsCall))
        {
            text.Append(t.T("Pour les SMS : transférez aussi chaque message au 33700 (service gratuit de signalement des SMS indésirables).\n",
                "For the texts: also forward each message to 33700 (the free service for reporting unwanted texts in France).\n"));
        }

        return text.ToString();
    }

    // French elides "de" before a vowel or a mute h: "pour le compte d'Acme".
    private static string Of(string name)
        => name.Length > 0 && "AEIOUYHÉÈÊÀÂÎÔaeiouyhéèêàâîô".Contains(name[0], System.StringComparison.Ordinal) ? "d'" + name : "de " + name;

    private static string OnBehalf(ComplaintContext context, Language t)
        => context.Caller.Entry is null ? string.Empty : t.T($" pour le compte {Of(context.Caller.Name)}", $" on behalf of {context.Caller.Name}");
}
