using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Internal;

namespace ContactRules.Jurisdictions;

/// <summary>
/// The jurisdiction packs, by id, and their composition: <c>"us+us-fl"</c> applies both.
/// </summary>
public static class RulePacks
{
    private static readonly ImmutableDictionary<string, Func<ContactPolicy>> Packs =
        new Dictionary<string, Func<ContactPolicy>>(StringComparer.Ordinal)
        {
            ["fr"] = () => FranceRules.Pack,
            ["eu"] = () => EuropeanUnionRules.Pack,
            ["uk"] = () => UnitedKingdomRules.Pack,
            ["de"] = () => GermanyRules.Pack,
            ["es"] = () => SpainRules.Pack,
            ["it"] = () => ItalyRules.Pack,
            ["it-code"] = () => ItalianTelemarketingCodeRules.Pack,
            ["be"] = () => BelgiumRules.Pack,
            ["nl"] = () => NetherlandsRules.Pack,
            ["ca"] = () => CanadaRules.Pack,
            ["au"] = () => AustraliaRules.Pack,
            ["us"] = () => UnitedStatesRules.Pack,
            ["us-regf"] = () => RegulationFRules.Pack,
            ["us-fl"] = () => FloridaRules.Pack,
            ["us-ok"] = () => OklahomaRules.Pack,
            ["us-md"] = () => MarylandRules.Pack,
            ["us-wa"] = () => WashingtonRules.Pack,
            ["us-ct"] = () => ConnecticutRules.Pack,
            ["us-tx"] = () => TexasRules.Pack,
            ["us-ms"] = () => MississippiRules.Pack,
            ["us-la"] = () => LouisianaRules.Pack,
            ["us-va"] = () => VirginiaRules.Pack,
            ["us-ny"] = () => NewYorkRules.Pack,
            ["us-me"] = () => MaineRules.Pack,
            ["us-al"] = () => AlabamaRules.Pack,
            ["us-ri"] = () => RhodeIslandRules.Pack,
            ["us-ut"] = () => UtahRules.Pack,
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The ids of the packs available, in alphabetical order.</summary>
    public static ImmutableArray<string> Ids { get; } = Packs.Keys.OrderBy(k => k, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The pack with the given id.</summary>
    /// <param name="id">A pack id such as <c>fr</c>.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="ArgumentException">No pack has that id.</exception>
    public static ContactPolicy Get(string id)
        => TryResolve(Preconditions.CheckNotEmpty(id, nameof(id)), out var policy, out var error) ? policy! : throw new ArgumentException(error, nameof(id));

    /// <summary>Resolves pack ids joined by <c>+</c> into one policy.</summary>
    /// <param name="ids">For example <c>fr</c> or <c>us+us-fl</c>.</param>
    /// <param name="policy">The combined policy, when every id is known.</param>
    /// <param name="error">What is wrong, when one is not.</param>
    /// <returns>True when every id names a pack.</returns>
    public static bool TryResolve(string ids, out ContactPolicy? policy, out string? error)
    {
        policy = null;
        if (string.IsNullOrWhiteSpace(ids))
        {
            error = $"the policy is empty; expected pack ids joined by '+' (available: {string.Join(", ", Ids)})";
            return false;
        }

        var parts = ids.Split('+');
        var policies = new List<ContactPolicy>(parts.Length);
        foreach (var part in parts)
        {
            var id = part.Trim();
            if (!Packs.TryGetValue(id, out var pack))
            {
                error = $"unknown pack '{id}' in policy '{ids}' (available: {string.Join(", ", Ids)})";
                return false;
            }

            policies.Add(pack());
        }

        policy = ContactPolicy.Combine(policies.ToArray());
        error = null;
        return true;
    }
}
