namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// United Kingdom, the Telephone Preference Service's complaint about a live unsolicited marketing
/// call to a number registered for at least 28 days: your number and its registration, the company
/// name and/or number, the date and time of each call, and whether the TPS may pass your details
/// to the company.
/// </summary>
internal static class TpsComplaint
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var text = context.Start(t.T($"TPS : plainte contre {context.Caller.Name}", $"TPS: complaint against {context.Caller.Name}"));
        text.Append(t.T("Votre numéro : ", "Your number: ")).Append(context.OwnNumber).Append('\n')
            .Append(t.T("Inscription au TPS : ", "TPS registration: "))
            .Append(context.RegistrationOrPlaceholder(ContactRegistry.Tps))
            .Append(t.T(" (au moins 28 jours avant chaque appel ci-dessous)", " (at least 28 days before each call below)")).Append('\n')
            .Append(t.T("Nom de l'entreprise : ", "Company name: ")).Append(context.Company).Append('\n')
            .Append(t.T("Accord pour transmettre vos coordonnées à l'entreprise : ", "Consent to pass your details to the company: ")).Append(t.T("[oui ou non, à votre choix]", "[yes or no, your choice]")).Append('\n')
            .Append(context.ZoneLine).Append("\n\n");
        var index = 0;
        foreach (var call in context.Calls)
        {
            index++;
            text.Append(context.Entry(index)).Append('\n')
                .Append(t.T("Numéro de l'appelant : ", "Number that called: ")).Append(call.Number!.Display).Append('\n')
                .Append(t.T("Date et heure : ", "Date and time: ")).Append(t.Moment(context.Local(call))).Append("\n\n");
        }

        return text.ToString();
    }
}
