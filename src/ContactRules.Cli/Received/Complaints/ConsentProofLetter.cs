using System.Linq;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// France from 11 August 2026: the letter to a caller asking for the proof of the consent it
/// relies on — the information given when it was collected, its date and time, and the slot if
/// any, free and on a durable medium (Code de la consommation, R223-2) — and withdrawing any
/// consent (R223-3: at any time, by any means). It lists the calls received since 11 August 2026
/// and recalls that a contract concluded after an unlawful call is void (L223-1).
/// </summary>
internal static class ConsentProofLetter
{
    internal static string Write(ComplaintContext context)
    {
        var t = context.Language;
        var name = context.Caller.Name;
        var text = context.Start(t.T($"Lettre à {name} : preuve du consentement et retrait", $"Letter to {name}: proof of consent and withdrawal"));
        text.Append(t.T(
                "À envoyer au professionnel (service clients ou délégué à la protection des données), de préférence par lettre recommandée avec avis de réception ou par un moyen qui en garde la trace. Remplacez les passages entre crochets.\n",
                "To send to the professional (customer service or data protection officer), preferably by registered letter with acknowledgement of receipt or by a means that keeps a record. Replace the parts in brackets.\n"))
            .Append(t.T("(Lettre rédigée en français : c'est la langue du destinataire et de la loi qu'elle cite.)\n", "(An English rendering; send the French text, in the language of the recipient and of the law it cites: run with --lang fr.)\n"))
            .Append("\n---\n\n")
            .Append(t.T("[Vos nom et prénom]\n[Votre adresse]\n", "[Your full name]\n[Your address]\n"))
            .Append(t.T("Ligne concernée : ", "Line concerned: ")).Append(context.OwnNumber).Append("\n\n")
            .Append(context.Company).Append('\n').Append(t.T("[Adresse du professionnel]\n\n", "[The company's address]\n\n"))
            .Append(t.T("[Lieu], le [date]\n\n", "[Place], [date]\n\n"))
            .Append(t.T(
                "Objet : demande de la preuve de mon consentement au démarchage téléphonique (article R223-2 du code de la consommation) et retrait de tout consentement (article R223-3)\n\n",
                "Subject: request for the proof of my consent to telephone canvassing (article R223-2 of the Code de la consommation) and withdrawal of any consent (article R223-3)\n\n"))
            .Append(t.T("Madame, Monsieur,\n\n", "Dear Sir or Madam,\n\n"))
            .Append(t.T(
                $"Depuis le 11 août 2026, j'ai reçu {context.Count(context.Calls.Count)} de démarchage de votre part ou pour votre compte, depuis {(context.Caller.Numbers.Count == 1 ? "le numéro" : "les numéros")} {string.Join(", ", context.Caller.Numbers.Select(n => n.Display))} :\n",
                $"Since 11 August 2026 I have received {context.Count(context.Calls.Count)} of canvassing from you or on your behalf, from {(context.Caller.Numbers.Count == 1 ? "the number" : "the numbers")} {string.Join(", ", context.Caller.Numbers.Select(n => n.Display))}:\n"));
        foreach (var call in context.Calls)
        {
            var local = context.Local(call);
            text.Append("- ").Append(t.Moment(local)).Append(t.T(", depuis le ", ", from ")).Append(call.Number!.Display)
                .Append(call.IsCall ? string.Empty : t.T(" (SMS)", " (text message)")).Append('\n');
        }

        text.Append('\n')
            .Append(t.T(
                "Depuis le 11 août 2026, l'article L223-1 du code de la consommation interdit de démarcher par téléphone un consommateur qui n'y a pas préalablement consenti, et il appartient au professionnel d'apporter la preuve de ce consentement. ",
                "Since 11 August 2026, article L223-1 of the Code de la consommation forbids canvassing by telephone a consumer who has not consented to it beforehand, and the professional must prove that consent. "))
            .Append(context.Result.Facts.Consents.Any(c => c.Caller == name)
                ? t.T("Je conteste la validité du consentement dont vous pourriez vous prévaloir.\n\n", "I dispute the validity of any consent you may rely on.\n\n")
                : t.T("Je ne vous ai, à ma connaissance, donné aucun consentement.\n\n", "To my knowledge, I never gave you such consent.\n\n"))
            .Append(t.T(
                "En application de l'article R223-2 du code de la consommation, je vous demande de me communiquer, gratuitement et sur un support durable, la preuve du consentement dont vous vous prévalez : les informations qui m'ont été fournies lors de son recueil, la date et l'heure de ce recueil et, le cas échéant, la date et l'horaire précisément spécifiés auxquels j'aurais accepté d'être appelé(e).\n\n",
                "Under article R223-2 of the Code de la consommation, I ask you to send me, free of charge and on a durable medium, the proof of the consent you rely on: the information I was given when it was collected, the date and time it was collected and, where applicable, the precisely specified date and time at which I would have agreed to be called.\n\n"))
            .Append(t.T(
                "Par ailleurs, conformément à l'article R223-3 du même code, je retire, à compter de la réception de la présente lettre, tout consentement que j'aurais pu donner à être démarché(e) par téléphone par votre société ou pour son compte, et je vous demande de ne plus m'appeler à des fins de prospection (article L221-16).\n\n",
                "Furthermore, under article R223-3 of the same code, I withdraw, from receipt of this letter, any consent I may have given to be canvassed by telephone by your company or on its behalf, and I ask you not to call me again for marketing (article L221-16).\n\n"))
            .Append(t.T(
                "Je vous rappelle que tout contrat conclu avec un consommateur à la suite d'un démarchage téléphonique réalisé en violation de l'article L223-1 est nul, et que ces manquements sont passibles d'une amende administrative (article L242-16).\n\n",
                "Please note that any contract concluded with a consumer following telephone canvassing in breach of article L223-1 is void, and that such breaches carry an administrative fine (article L242-16).\n\n"))
            .Append(t.T("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n[Signature]\n", "Yours faithfully,\n\n[Signature]\n"));
        return text.ToString();
    }
}
