using System;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// France's ranges of "numéros polyvalents vérifiés" (verified multi-purpose numbers), which
/// automated calling and messaging systems must present since 1 January 2023 (Arcep, décision
/// n° 2022-1583 du 1er septembre 2022 modifying the national numbering plan, décision
/// n° 2018-0881): 01 62, 01 63, 02 70, 02 71, 03 77, 03 78, 04 24, 04 25, 05 68, 05 69, 09 48,
/// 09 49 in mainland France; 09 475 to 09 479 overseas.
/// </summary>
/// <remarks>
/// The decision's number, date and entry into force were checked on Arcep's own news page and the
/// Journal officiel's publication of the decision and its annex (section 2.3.7); the list of
/// prefixes was checked in several independent secondary sources that agree (the annex's table
/// itself could not be read). A number in these ranges comes from an automated system — in
/// practice a canvassing platform — but the ranges are not reserved to selling (reminders and
/// notifications use them too), so such callers are taken as canvassing by default and the
/// person can say otherwise in the callers file.
/// </remarks>
internal static class CanvassingRanges
{
    /// <summary>The citation shown beside a caller flagged from its number.</summary>
    internal const string Citation = "Arcep, décision n° 2022-1583 du 1er septembre 2022 (plan national de numérotation, numéros polyvalents vérifiés), from 1 January 2023";

    // National significant numbers (after +33 or the overseas country codes, without the 0).
    private static readonly string[] Mainland = { "162", "163", "270", "271", "377", "378", "424", "425", "568", "569", "948", "949" };
    private static readonly string[] Overseas = { "9475", "9476", "9477", "9478", "9479" };

    // France and the overseas departments that share its numbering plan (Guadeloupe and the
    // northern islands, Guyane, Martinique, Réunion and Mayotte).
    private static readonly string[] CountryCodes = { "+33", "+590", "+594", "+596", "+262" };

    /// <summary>True when the E.164 number <paramref name="e164"/> is in one of the ranges.</summary>
    internal static bool Contains(string e164)
    {
        foreach (var code in CountryCodes)
        {
            if (!e164.StartsWith(code, StringComparison.Ordinal))
            {
                continue;
            }

            var national = e164.AsSpan(code.Length);
            foreach (var prefix in Mainland)
            {
                if (code == "+33" && national.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var prefix in Overseas)
            {
                if (national.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
