using System.Collections.Generic;

namespace ContactRules.Cli.Received.Output;

/// <summary>
/// What each rule means to the person who received the call, in plain words, in French and
/// English. The rule's id and its legal citation come from the engine's decision; a rule not
/// listed here is shown with the wording its metadata carries (in English; <see cref="CallText.Rule"/>).
/// </summary>
/// <remarks>
/// The words say what the rule's metadata says, from the person's side, with the same figures
/// (RuleWordsTests checks that every id here is a rule of some pack and that the English words
/// give no figure the rule does not): a rule renamed or changed in its pack cannot leave a stale
/// entry here unnoticed.
/// </remarks>
internal static class RuleWords
{
    private static readonly Dictionary<string, (string French, string English)> Words = new()
    {
        ["FR-HOURS-01"] = (
            "Appel de démarchage en dehors des jours et heures permis : du lundi au vendredi, de 10 h à 13 h et de 14 h à 20 h, à votre heure.",
            "A canvassing call outside the permitted days and hours: Monday to Friday, 10:00 to 13:00 and 14:00 to 20:00, your time."),
        ["FR-HOL-01"] = (
            "Appel de démarchage un jour férié.",
            "A canvassing call on a public holiday."),
        ["FR-HOL-02"] = (
            "Appel de démarchage un jour férié local (Alsace-Moselle, ou commémoration de l'abolition de l'esclavage outre-mer).",
            "A canvassing call on a local public holiday (Alsace-Moselle, or the overseas day commemorating the abolition of slavery)."),
        ["FR-FREQ-01"] = (
            "Plus de 4 appels ou tentatives d'appel du même professionnel (ses sous-traitants compris) en 30 jours : les appels manqués et silencieux comptent.",
            "More than 4 calls or call attempts from the same professional (its subcontractors included) in 30 days: missed and silent calls count."),
        ["FR-COOL-01"] = (
            "Nouvel appel dans les 60 jours révolus qui ont suivi votre refus du démarchage au téléphone.",
            "Called again within 60 full calendar days after you turned the canvassing down on the phone."),
        ["FR-LIST-01"] = (
            "Démarchage alors que votre numéro était inscrit sur la liste d'opposition Bloctel.",
            "Canvassing although your number was registered on the Bloctel opposition list."),
        ["FR-CONS-01"] = (
            "Démarchage sans votre consentement préalable (obligatoire depuis le 11 août 2026 ; la preuve incombe au professionnel).",
            "Canvassing without your prior consent (required since 11 August 2026; the professional must prove it)."),
        ["FR-CONS-02"] = (
            "Démarchage sur la foi d'un consentement de plus d'un an (un consentement vaut un an au plus, sans renouvellement tacite).",
            "Canvassing on a consent more than a year old (a consent lasts one year at most and is never renewed tacitly)."),
        ["FR-WDRW-01"] = (
            "Démarchage après que vous avez retiré votre consentement.",
            "Canvassing after you withdrew your consent."),
        ["FR-STOP-01"] = (
            "Nouvel appel après que vous avez demandé au professionnel d'arrêter.",
            "Called again after you asked the professional to stop."),
        ["FR-SECT-01"] = (
            "Démarchage dans un secteur où il est interdit (rénovation énergétique, énergies renouvelables, adaptation du logement).",
            "Canvassing in a sector where it is banned (energy renovation, renewable energy, home adaptation)."),
        ["FR-AUTO-01"] = (
            "Démarchage par un automate d'appel (sans conseiller) sans votre consentement préalable.",
            "Canvassing by an automated calling system (no live agent) without your prior consent."),
        ["FR-EMSG-01"] = (
            "Message publicitaire (SMS) sans votre consentement préalable.",
            "A marketing message (text) without your prior consent."),
        ["EU-OBJ-01"] = (
            "Démarchage après votre opposition à la prospection (RGPD, art. 21).",
            "Marketing after you objected to direct marketing (GDPR art. 21)."),
        ["EU-EMSG-01"] = (
            "Message publicitaire sans votre consentement préalable.",
            "A marketing message without your prior consent."),
        ["US-HOURS-01"] = (
            "Appel ou SMS de télémarketing avant 8 h ou après 21 h, à votre heure.",
            "A telemarketing call or text before 8 a.m. or after 9 p.m., your time."),
        ["US-DNC-01"] = (
            "Sollicitation alors que votre numéro était inscrit depuis au moins 31 jours au registre national Do Not Call.",
            "A solicitation although your number had been on the National Do Not Call Registry for at least 31 days."),
        ["US-IDNC-01"] = (
            "Appel ou SMS après que vous avez demandé à cette entreprise de ne plus vous contacter.",
            "A call or text after you asked this company not to contact you."),
        ["US-CONS-01"] = (
            "Appel automatisé ou message préenregistré sans votre consentement exprès préalable.",
            "An autodialed or prerecorded call or text without your prior express consent."),
        ["UK-LIST-01"] = (
            "Appel de démarchage alors que votre numéro était inscrit au TPS depuis au moins 28 jours.",
            "A marketing call although your number had been registered with the TPS for at least 28 days."),
        ["UK-IDNC-01"] = (
            "Appel de démarchage après que vous avez dit à l'appelant de ne plus appeler.",
            "A marketing call after you told the caller not to call."),
        ["UK-COOL-01"] = (
            "Nouvel appel moins de 72 heures après un appel silencieux (abandonné).",
            "Called again less than 72 hours after a silent (abandoned) call."),
        ["UK-COOL-02"] = (
            "Nouvel appel moins de 24 heures après un appel coupé par détection de répondeur.",
            "Called again less than 24 hours after a call cut off by answering-machine detection."),
        ["UK-AUTO-01"] = (
            "Appel de démarchage enregistré (automate) sans votre consentement préalable.",
            "A recorded (automated) marketing call without your prior consent."),
        ["UK-EMSG-01"] = (
            "Message publicitaire sans votre consentement préalable.",
            "A marketing message without your prior consent."),
    };

    /// <summary>The ids of the rules listed.</summary>
    internal static IEnumerable<string> RuleIds => Words.Keys;

    /// <summary>The rule in plain words, or null when it is not listed.</summary>
    internal static string? Of(string ruleId, Language language)
        => Words.TryGetValue(ruleId, out var words) ? language.T(words.French, words.English) : null;
}
