using System;

namespace ContactRules;

/// <summary>
/// Marks a method that places a call or sends a message. The ContactRules analyzers report
/// (CR0001) every call to it made where no successful consent check for the same contact holds.
/// At assembly level, names a third-party method by its documentation-comment id.
/// </summary>
/// <remarks>
/// On an interface member the mark applies to every implementation; on an implementation, to
/// calls through the interface member it implements (the injected <c>IDialer</c> of a service).
/// Inside the marked method and its implementations nothing is reported: its callers are checked.
/// </remarks>
/// <example>
/// <code>
/// [DialApi(ContactParameter = "to", Channel = ContactChannel.Sms)]
/// public Task SendAsync(string to, string text) { ... }
///
/// [assembly: DialApi("M:Acme.Telephony.Dialer.Call(System.String)")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class DialApiAttribute : Attribute
{
    /// <summary>Marks the method it is applied to.</summary>
    public DialApiAttribute()
    {
    }

    /// <summary>At assembly level: marks the method with the given documentation-comment id.</summary>
    /// <param name="documentationCommentId">For example <c>M:Acme.Dialer.Call(System.String)</c>.</param>
    public DialApiAttribute(string documentationCommentId)
    {
        DocumentationCommentId = documentationCommentId;
    }

    /// <summary>The documentation-comment id of the marked method, at assembly level.</summary>
    public string? DocumentationCommentId { get; }

    /// <summary>
    /// The name of the parameter that identifies who is contacted. When not set, the analyzers
    /// take the first parameter named like <c>to</c>, <c>phone</c>, <c>number</c>,
    /// <c>contact</c> or <c>customer</c>, else any argument.
    /// </summary>
    public string? ContactParameter { get; set; }

    /// <summary>
    /// How the method contacts the person: a consent check for another channel does not cover it
    /// (CR0006). When not set, the analyzers read it from the method's, type's and namespace's
    /// names (<c>Sms</c>, <c>Message</c>, <c>Text</c>: a text message; <c>Call</c>, <c>Voice</c>,
    /// <c>Dial</c>: a call); a name that says neither is covered by a check for any channel.
    /// </summary>
    public ContactChannel Channel { get; set; }
}
