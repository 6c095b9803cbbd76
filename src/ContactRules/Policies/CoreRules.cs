using System;

namespace ContactRules;

/// <summary>
/// The engine's own refusals, for when it cannot know: it never allows on a guess.
/// </summary>
public static class CoreRules
{
    /// <summary>The id of the refusal given when the called person's time zone is unknown.</summary>
    public const string ZoneUnknownId = "CORE-ZONE-01";

    /// <summary>The id of the refusal given when the history or consent store cannot be read or written.</summary>
    public const string StoreUnavailableId = "CORE-STORE-01";

    /// <summary>The citation of <see cref="ZoneUnknownId"/>.</summary>
    public const string ZoneUnknownCitation = "Calling hours are the called party's local time (C. consom. D223-9; 47 CFR 64.1200(c)(1); 12 CFR 1006.6(b)(1)(i)); ContactRules refuses rather than guess a zone";

    /// <summary>The citation of <see cref="StoreUnavailableId"/>.</summary>
    public const string StoreUnavailableCitation = "ContactRules fails closed: without the attempt history, caps and cooldowns cannot be known";

    /// <summary>The refusal given when no candidate zone is known for the person.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <returns>The violation.</returns>
    public static RuleViolation ZoneUnknown(ContactRequest request)
        => new RuleViolation(
            ZoneUnknownId,
            RuleKind.Zone,
            ZoneUnknownCitation,
            $"No time zone is known for contact {Internal.Preconditions.CheckNotNull(request, nameof(request)).Contact.Id}: give its candidate zones, or a number they can be derived from.",
            null);

    /// <summary>The refusal given when the store failed.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <returns>The violation.</returns>
    public static RuleViolation StoreUnavailable(Exception failure)
        => new RuleViolation(
            StoreUnavailableId,
            RuleKind.Store,
            StoreUnavailableCitation,
            $"The contact history could not be read or written ({Internal.Preconditions.CheckNotNull(failure, nameof(failure)).GetType().Name}: {failure.Message}); nothing is allowed until it can.",
            null);
}
