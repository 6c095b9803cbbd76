using System;

namespace ContactRules.Analyzers;

/// <summary>What the flow rules care about in one called method, worked out once per method.</summary>
[Flags]
internal enum CallFacts
{
    /// <summary>Nothing: the call is not a candidate, the block pays nothing more for it.</summary>
    None = 0,

    /// <summary>A dial API or a <c>[RequiresConsent]</c> member.</summary>
    Dial = 1,

    /// <summary>Returns a <c>ContactPermit</c> (or a task of one), or gives one through an <c>out</c> parameter.</summary>
    Permit = 2,

    /// <summary>Returns a <c>ContactDecision</c> (or a task of one).</summary>
    Decision = 4,

    /// <summary><c>ContactGate.TryReserve</c> or a <c>[ConsentCheck]</c> member: its bool is a decision.</summary>
    Check = 8,
}
