using System.Collections.Generic;
using ContactRules.Internal;

namespace ContactRules.Registries;

/// <summary>
/// Adds to a request what the registry snapshots say about its number, so that the packs'
/// registry rules (FR-LIST-01, US-DNC-01, UK-LIST-01, ...) can judge it.
/// </summary>
public static class RegistryScreening
{
    /// <summary>
    /// Looks the request's number up in every snapshot. A number found is recorded as a registry
    /// entry effective at the snapshot's date at the latest (the snapshot does not say when the
    /// number was registered; protecting it from the snapshot is never later than the law), and
    /// the request carries the oldest snapshot date for the freshness rules.
    /// </summary>
    /// <param name="request">The contact to be made; its contact must have a phone number.</param>
    /// <param name="registries">The snapshots to look in.</param>
    /// <returns>The request with the registry facts added.</returns>
    /// <exception cref="System.ArgumentException">The contact has no phone number: a registry cannot vouch for it.</exception>
    public static ContactRequest Screen(ContactRequest request, IEnumerable<RegistryFile> registries)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        Preconditions.CheckNotNull(registries, nameof(registries));
        var number = request.Contact.PhoneNumber;
        Preconditions.CheckArgument(number is not null, nameof(request), $"Contact {request.Contact.Id} has no phone number, so no registry can say whether it is registered.");

        List<OptOut>? entries = null;
        NodaTime.Instant? oldest = null;
        foreach (var registry in registries)
        {
            Preconditions.CheckArgument(registry is not null, nameof(registries), "The registries must not contain null.");
            if (oldest is not { } o || registry!.SnapshotAt < o)
            {
                oldest = registry!.SnapshotAt;
            }

            if (registry.Contains(number!))
            {
                (entries ??= new List<OptOut>()).Add(new OptOut(OptOutKind.Registry, registry.SnapshotAt) { Registry = registry.Registry, EffectiveAt = registry.SnapshotAt });
            }
        }

        return oldest is null ? request : request.WithFacts(null, entries, oldest);
    }
}
