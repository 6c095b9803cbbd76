using System;

namespace ContactRules;

/// <summary>
/// Declares that the contacts made inside the marked method were asked for by the person
/// contacted — a one-time password, the confirmation of an appointment they booked, a call-back
/// they requested — so that the analyzers do not require a consent check there (no CR0001).
/// </summary>
/// <remarks>
/// <para>
/// The exemption is meant to be reviewed, never silent: every exempted contact is reported as
/// CR0007 with the kind and the reason (a warning, so that it is listed in the build output; a
/// project that treats warnings as errors lists CR0007 in <c>WarningsNotAsErrors</c>), and a
/// reason that is empty, a method that also builds a <see cref="ContactPurpose.Marketing"/>
/// request, or a method that is itself a dial API is refused (CR1003) and the contacts are
/// reported as usual.
/// </para>
/// <para>
/// It exempts nothing at run time: calling hours, opt-outs and frequency caps still apply when
/// the request goes through <see cref="ContactGate"/> (with <see cref="ContactPurpose.Informational"/>).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [RequestedContact(RequestedContactKind.OneTimePassword, "Sent only when the person asks for a sign-in code on the login page.")]
/// public Task SendSignInCodeAsync(Customer customer, string code) { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
public sealed class RequestedContactAttribute : Attribute
{
    /// <summary>Declares the kind of requested contact and why it is one.</summary>
    /// <param name="kind">What the person asked for.</param>
    /// <param name="reason">Why this contact is the person's own request: shown with every exempted contact.</param>
    public RequestedContactAttribute(RequestedContactKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>What the person asked for.</summary>
    public RequestedContactKind Kind { get; }

    /// <summary>Why this contact is the person's own request.</summary>
    public string Reason { get; }
}
