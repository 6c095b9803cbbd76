using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// The consents a rule names as ended by its own cause (a revocation, the number's reassignment),
/// and when the last of them would have ended anyway: the rule refuses until then at most.
/// </summary>
internal struct EndedConsents
{
    private bool unbounded;
    private Instant latest;

    /// <summary>True when at least one consent was added.</summary>
    internal bool Any { get; private set; }

    /// <summary>The instant the last added consent would have ended by itself; null when one never would.</summary>
    internal readonly Instant? LastEnd => unbounded ? null : latest;

    /// <summary>Adds a consent that would have ended at <paramref name="end"/> (null: never).</summary>
    internal void Add(Instant? end)
    {
        if (!Any)
        {
            latest = Instant.MinValue;
        }

        Any = true;
        if (end is not { } e)
        {
            unbounded = true;
        }
        else if (e > latest)
        {
            latest = e;
        }
    }
}
