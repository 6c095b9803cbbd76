using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Cli.Received.Judging;
using ContactRules.Cli.Received.Output;
using ContactRules.Jurisdictions;
using NodaTime;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>
/// Chooses, for each caller, where its breaches can be reported, and drafts each text: a breach
/// of a French rule goes to SignalConso, and to Bloctel too when it is FR-LIST-01 on a call until
/// 10 August 2026; a US rule to the FTC and the FCC; UK-LIST-01 to the TPS and the ICO, and the
/// UK's other PECR rules to the ICO. From 11 August 2026 every French canvassing caller also gets
/// the letter asking for the proof of consent (R223-2) and withdrawing it (R223-3), breach or not.
/// </summary>
/// <remarks>
/// Ofcom's persistent-misuse rules (UK-COOL-01, UK-COOL-02: calls after silent or machine-detected
/// calls) are Ofcom's to enforce and have no form here; the report lists them. The engine's own
/// refusals (<c>CORE-</c>) go nowhere: they mean the tool could not judge.
/// </remarks>
internal static class ComplaintDrafts
{
    /// <summary>The last day of Bloctel: a complaint to it covers calls until then.</summary>
    internal static readonly LocalDate BloctelLastDay = FranceRules.BloctelLastDay;

    /// <summary>The first day of the consent regime, from which the R223-2 letter applies.</summary>
    internal static readonly LocalDate ConsentRegimeFirstDay = FranceRules.ConsentRegimeInForce;

    /// <summary>The rules of PECR the ICO takes reports on.</summary>
    internal static bool IsIcoRule(string id) => id is "UK-LIST-01" or "UK-IDNC-01" or "UK-AUTO-01" or "UK-EMSG-01";

    internal static List<Complaint> Draft(ReceivedResult result, Language language)
    {
        var french = result.Policy.Rules.Any(r => r.Id.StartsWith("FR-", StringComparison.Ordinal));
        var hasConsentRule = result.Policy.Rules.Any(r => r.Id == "FR-CONS-01");
        bool IsFrench(string id) => id.StartsWith("FR-", StringComparison.Ordinal) || (french && id.StartsWith("EU-", StringComparison.Ordinal));

        var drafts = new List<Complaint>();
        foreach (var caller in result.Callers)
        {
            var breaches = caller.Calls.Where(c => c.IsBreach).ToList();
            bool Broke(ReceivedCall call, Func<string, bool> rule) => call.Decision!.Violations.Any(v => rule(v.RuleId));

            Add(drafts, ComplaintChannel.SignalConso, "signalconso", result, caller, breaches.Where(c => Broke(c, IsFrench)).ToList(), language, SignalConsoComplaint.Write);
            Add(drafts, ComplaintChannel.Bloctel, "bloctel", result, caller,
                breaches.Where(c => Broke(c, id => id == "FR-LIST-01") && result.DateOf(c.Event.At) <= BloctelLastDay).ToList(), language, BloctelComplaint.Write);
            if (hasConsentRule)
            {
                Add(drafts, ComplaintChannel.ConsentProofLetter, "consent-proof-letter", result, caller,
                    caller.Calls.Where(c => result.DateOf(c.Event.At) >= ConsentRegimeFirstDay).ToList(), language, ConsentProofLetter.Write);
            }

            var us = breaches.Where(c => Broke(c, id => id.StartsWith("US-", StringComparison.Ordinal))).ToList();
            Add(drafts, ComplaintChannel.Ftc, "ftc", result, caller, us, language, FtcComplaint.Write);
            Add(drafts, ComplaintChannel.Fcc, "fcc", result, caller, us, language, FccComplaint.Write);
            Add(drafts, ComplaintChannel.Tps, "tps", result, caller, breaches.Where(c => Broke(c, id => id == "UK-LIST-01")).ToList(), language, TpsComplaint.Write);
            Add(drafts, ComplaintChannel.Ico, "ico", result, caller, breaches.Where(c => Broke(c, IsIcoRule)).ToList(), language, IcoComplaint.Write);
        }

        return drafts;
    }

    /// <summary>A file name made of the caller's name: letters and digits, accents removed, words joined by '-'.</summary>
    internal static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        return slug.Length == 0 ? "caller" : slug;
    }

    private static void Add(List<Complaint> drafts, ComplaintChannel channel, string prefix, ReceivedResult result, Caller caller, List<ReceivedCall> calls, Language language, Func<ComplaintContext, string> write)
    {
        if (calls.Count == 0)
        {
            return;
        }

        var text = write(new ComplaintContext(result, caller, calls, language));
        var name = $"{prefix}-{Slug(caller.Name)}.txt";
        var clash = drafts.Count(d => d.FileName == name || d.FileName.StartsWith($"{prefix}-{Slug(caller.Name)}-", StringComparison.Ordinal));
        if (clash > 0)
        {
            name = $"{prefix}-{Slug(caller.Name)}-{(clash + 1).ToString(CultureInfo.InvariantCulture)}.txt";
        }

        drafts.Add(new Complaint(channel, caller, name, calls, text));
    }
}
