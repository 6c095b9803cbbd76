using System.Globalization;
using ContactRules.Cli.Received.Output;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// France, Bloctel's complaint form, for canvassing calls to a registered number until
/// 10 August 2026: for each call, the date, the time slot, the line called, the caller's number
/// and its sector (required: an incomplete complaint is not forwarded), and the company and
/// subject (optional).
/// </summary>
internal static class BloctelComplaint
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var text = context.Start(t.T($"Bloctel : réclamation contre {context.Caller.Name}", $"Bloctel: complaint against {context.Caller.Name}"));
        text.Append(t.T("Appels reçus alors que votre numéro était inscrit sur Bloctel (liste d'opposition en vigueur jusqu'au 10 août 2026). ",
                "Calls received while your number was registered on Bloctel (the opposition list in force until 10 August 2026). "))
            .Append(t.T("Le service ayant pris fin le 10 août 2026, si le formulaire n'est plus ouvert, joignez ces éléments à votre signalement SignalConso.\n",
                "The service ended on 10 August 2026; if its form is no longer open, attach these details to your SignalConso report.\n"))
            .Append(t.T("Votre inscription : ", "Your registration: ")).Append(context.RegistrationOrPlaceholder(ContactRegistry.Bloctel)).Append('\n')
            .Append(context.ZoneLine).Append("\n\n");
        var index = 0;
        foreach (var call in context.Calls)
        {
            index++;
            var local = context.Local(call);
            var hour = local.Hour;
            text.Append(context.Entry(index)).Append('\n')
                .Append(t.T("Date de l'appel : ", "Date of the call: ")).Append(t.ShortDate(local.Date)).Append('\n')
                .Append(t.T("Tranche horaire : ", "Time slot: ")).Append(Slot(hour, t)).Append(t.T($" (appel à {t.Time(local.TimeOfDay)}, {Language.Offset(local.Offset)})", $" (call at {t.Time(local.TimeOfDay)}, {Language.Offset(local.Offset)})")).Append('\n')
                .Append(t.T("Ligne appelée : ", "Line called: ")).Append(context.OwnNumber).Append('\n')
                .Append(t.T("Numéro de l'appelant : ", "Caller's number: ")).Append(call.Number!.Display).Append('\n')
                .Append(t.T("Secteur d'activité de l'appelant : ", "Caller's sector: ")).Append(context.Sector).Append('\n')
                .Append(t.T("Société (facultatif) : ", "Company (optional): ")).Append(context.Company).Append('\n')
                .Append(t.T("Objet de l'appel (facultatif) : ", "Subject of the call (optional): "))
                .Append(t.T($"démarchage téléphonique, {CallText.HowItEnded(call, t)}", $"telephone canvassing, {CallText.HowItEnded(call, t)}")).Append("\n\n");
        }

        return text.ToString();
    }

    private static string Slot(int hour, Language t)
    {
        var from = hour.ToString(CultureInfo.InvariantCulture);
        var to = ((hour + 1) % 24).ToString(CultureInfo.InvariantCulture);
        return t.T($"{from} h – {to} h", $"{from}:00–{to}:00");
    }
}
