using System;
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

        var files = registries as IReadOnlyList<RegistryFile> ?? new List<RegistryFile>(registries);
        Span<bool> listed = files.Count <= 16 ? stackalloc bool[files.Count] : new bool[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            Preconditions.CheckArgument(files[i] is not null, nameof(registries), "The registries must not contain null.");
            listed[i] = files[i].Contains(number!);
        }

        return Screen(request, files, listed);
    }

    /// <summary>
    /// Adds to <paramref name="request"/> what <paramref name="registries"/> say, given whether its
    /// number is in each (<paramref name="listed"/>, as <see cref="RegistryFile.ContainsMany"/>
    /// answers for many numbers at once): an effective registry entry for each file that lists the
    /// number, and the oldest snapshot's date for the freshness rules.
    /// </summary>
    /// <param name="request">The request to screen.</param>
    /// <param name="registries">The registry snapshots.</param>
    /// <param name="listed">For each of <paramref name="registries"/>, whether it lists the request's number.</param>
    /// <returns>The request with the registries' entries and snapshot date.</returns>
    public static ContactRequest Screen(ContactRequest request, IReadOnlyList<RegistryFile> registries, ReadOnlySpan<bool> listed)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        Preconditions.CheckNotNull(registries, nameof(registries));
        Preconditions.CheckArgument(listed.Length == registries.Count, nameof(listed), $"listed holds {listed.Length} answers for {registries.Count} registries.");
        List<OptOut>? entries = null;
        NodaTime.Instant? oldest = null;
        for (var i = 0; i < registries.Count; i++)
        {
            var registry = registries[i];
            Preconditions.CheckArgument(registry is not null, nameof(registries), "The registries must not contain null.");
            if (oldest is not { } o || registry!.SnapshotAt < o)
            {
                oldest = registry!.SnapshotAt;
            }

            if (listed[i])
            {
                (entries ??= new List<OptOut>()).Add(new OptOut(OptOutKind.Registry, registry.SnapshotAt) { Registry = registry.Registry, EffectiveAt = registry.SnapshotAt });
            }
        }

        return oldest is null ? request : request.WithFacts(null, entries, oldest);
    }
}
