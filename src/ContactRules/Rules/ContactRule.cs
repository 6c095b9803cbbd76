using System.Collections.Immutable;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// One legal rule: a small building block that answers a single question, "what is the earliest
/// instant at or after <c>t</c> at which this rule alone allows the contact?". A policy composes
/// rules by taking the fixpoint of their answers.
/// </summary>
/// <remarks>
/// The base class applies what every rule shares: the scope's region, the dates in force and
/// the exemptions. Derived rules implement <see cref="EarliestAllowedCore"/>, which must answer
/// <c>t</c> itself when the rule allows at <c>t</c>, and otherwise an instant <c>u &gt; t</c> such
/// that the rule refuses at every instant of <c>[t, u)</c> (ideally the exact earliest allowed
/// instant), or null when waiting never helps.
/// </remarks>
public abstract class ContactRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="kind">The rule's kind.</param>
    protected ContactRule(RuleMetadata metadata, RuleKind kind)
    {
        Metadata = Preconditions.CheckNotNull(metadata, nameof(metadata));
        Kind = kind;
    }

    /// <summary>The rule's id, citation, dates, scope and exemptions.</summary>
    public RuleMetadata Metadata { get; }

    /// <summary>The rule id from the rules catalogue.</summary>
    public string Id => Metadata.Id;

    /// <summary>The legal citation.</summary>
    public string Citation => Metadata.Citation;

    /// <summary>The rule's kind.</summary>
    public RuleKind Kind { get; }

    /// <summary>The local dates the rule is in force.</summary>
    public InForcePeriod InForce => Metadata.InForce;

    /// <summary>The contacts the rule applies to.</summary>
    public RuleScope Scope => Metadata.Scope;

    /// <summary>Circumstances in which the rule does not refuse.</summary>
    public ImmutableArray<RuleExemption> Exemptions => Metadata.Exemptions;

    /// <summary>
    /// True when the rule reads the called person's local time or date, so that it cannot decide
    /// without a zone.
    /// </summary>
    public abstract bool DependsOnZone { get; }

    /// <summary>A one-line summary of the rule's parameters, for documentation and explanations.</summary>
    public abstract string Parameters { get; }

    /// <summary>
    /// The earliest instant at or after <paramref name="instant"/> at which this rule alone
    /// allows the contact, or null when waiting never helps. Equal to <paramref name="instant"/>
    /// exactly when the rule allows the contact at that instant.
    /// </summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>The instant, or null.</returns>
    public Instant? EarliestAllowed(in EvaluationContext context, Instant instant)
    {
        if (!Scope.CoversRegion(context.Request.Contact.Region) || !InForce.IsInForce(instant, context.Zones))
        {
            return instant;
        }

        var earliest = EarliestAllowedCore(context, instant);
        if (earliest == instant)
        {
            return instant;
        }

        foreach (var exemption in Exemptions)
        {
            var exemptFrom = exemption.EarliestHolding(context, instant);
            if (exemptFrom == instant)
            {
                return instant;
            }

            earliest = Earlier(earliest, exemptFrom);
        }

        return Earlier(earliest, InForce.EndAfter(instant, context.Zones));
    }

    /// <summary>True when this rule alone allows the contact at <paramref name="instant"/>.</summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>Whether the rule allows.</returns>
    public bool Allows(in EvaluationContext context, Instant instant) => EarliestAllowed(context, instant) == instant;

    /// <summary>
    /// The rule's own answer, ignoring its dates in force and exemptions: <paramref name="instant"/>
    /// when it allows, else an instant before which it refuses throughout, or null for never.
    /// </summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>The instant, or null.</returns>
    protected abstract Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant);

    /// <summary>
    /// Why the rule refuses at <paramref name="instant"/>, in a sentence a call-centre manager
    /// understands. Called only when the rule refuses.
    /// </summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>The reason.</returns>
    public abstract string ExplainRefusal(in EvaluationContext context, Instant instant);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Kind}): {Parameters}";

    /// <summary>The earlier of two answers, where null means never.</summary>
    /// <param name="a">The first answer.</param>
    /// <param name="b">The second answer.</param>
    /// <returns>The earlier, or null when both are never.</returns>
    protected static Instant? Earlier(Instant? a, Instant? b)
        => a is not { } x ? b : b is not { } y ? a : (x < y ? x : y);

    /// <summary>
    /// The later of two answers for rules that must hold in several zones at once: null (never)
    /// wins, else the later instant.
    /// </summary>
    /// <param name="a">The first answer.</param>
    /// <param name="b">The second answer.</param>
    /// <returns>The later, or null when either is never.</returns>
    protected static Instant? Later(Instant? a, Instant? b)
        => a is not { } x || b is not { } y ? null : (x > y ? x : y);
}
