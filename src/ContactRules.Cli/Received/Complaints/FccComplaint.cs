using System.Linq;
using ContactRules.Cli.Received.Output;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// United States, the FCC's consumer complaint for unwanted calls and texts (Form 1088): the
/// number called and whether it is on the registry, the date and time, whether the call
/// advertised something, the caller ID and the caller's identity, whether you gave permission,
/// whether you had a business relationship with the caller.
/// </summary>
internal static class FccComplaint
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var facts = context.Result.Facts;
        var name = context.Caller.Name;
        var text = context.Start(t.T($"FCC : plainte (appels et SMS non désirés) contre {name}", $"FCC: unwanted calls and texts complaint against {name}"));
        text.Append(t.T("Numéro appelé : ", "Number called: ")).Append(context.OwnNumber).Append('\n')
            .Append(t.T("Inscrit au registre national Do Not Call : ", "On the National Do Not Call Registry: "))
            .Append(context.RegisteredAnswer(ContactRegistry.UsDnc)).Append('\n')
            .Append(t.T("Avez-vous donné votre permission à l'appelant : ", "Did you give the caller permission to call: "))
            .Append(facts.Consents.Any(c => c.Caller == name) ? t.T("oui, voir ci-dessous les appels qu'elle ne couvrait pas", "yes, see below the calls it did not cover") : t.T("non", "no")).Append('\n')
            .Append(t.T("Relation d'affaires avec l'appelant : ", "Business relationship with the caller: "))
            .Append(Relationship(context)).Append('\n')
            .Append(context.ZoneLine).Append("\n\n");
        var index = 0;
        foreach (var call in context.Calls)
        {
            index++;
            text.Append(context.Entry(index)).Append('\n')
                .Append(t.T("Date et heure : ", "Date and time: ")).Append(t.Moment(context.Local(call))).Append('\n')
                .Append(t.T("Appel ou SMS : ", "Call or text: ")).Append(CallText.CallOrText(call, t)).Append('\n')
                .Append(t.T("L'appel faisait-il la promotion d'un produit ou service : ", "Did the call advertise a product or service: ")).Append(t.T("oui", "yes")).Append('\n')
                .Append(t.T("Numéro affiché (caller ID) : ", "Caller ID number: ")).Append(call.Number!.Display).Append('\n')
                .Append(t.T("Identité de l'appelant : ", "Caller's identity: ")).Append(context.Company).Append('\n')
                .Append(t.T("Message enregistré ou artificiel : ", "Prerecorded or artificial voice: ")).Append(context.Caller.Recorded ? t.T("oui", "yes") : t.T("non", "no")).Append('\n')
                .Append(t.T("Règles enfreintes : ", "Rules broken: ")).Append(context.Rules(call, id => id.StartsWith("US-", System.StringComparison.Ordinal))).Append(".\n\n");
        }

        return text.ToString();
    }

    private static string Relationship(ComplaintContext context)
    {
        var t = context.Language;
        var name = context.Caller.Name;
        var facts = context.Result.Facts;
        var parts = facts.Contracts.Where(c => c.Caller == name)
            .Select(c => t.T(
                "contrat" + (c.From is { } f1 ? $" depuis le {t.ShortDate(f1)}" : string.Empty) + (c.Until is { } u1 ? $" jusqu'au {t.ShortDate(u1)}" : string.Empty),
                "contract" + (c.From is { } f2 ? $" since {t.ShortDate(f2)}" : string.Empty) + (c.Until is { } u2 ? $" until {t.ShortDate(u2)}" : string.Empty)))
            .Concat(facts.Relationships.Where(r => r.Caller == name).SelectMany(r => new[]
            {
                r.LastPurchase is { } p ? t.T($"dernier achat le {t.ShortDate(p)}", $"last purchase {t.ShortDate(p)}") : null,
                r.LastInquiry is { } q ? t.T($"dernière demande le {t.ShortDate(q)}", $"last inquiry {t.ShortDate(q)}") : null,
            }).OfType<string>())
            .ToList();
        return parts.Count == 0 ? t.T("aucune", "none") : string.Join("; ", parts);
    }
}
