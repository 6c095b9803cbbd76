using System;

namespace ContactRules;

/// <summary>
/// Marks a member that checks consent, so that the analyzers count its contact as checked. Three
/// shapes are understood:
/// <list type="bullet">
/// <item><description>a method returning <c>bool</c> (or a task of it) whose <c>true</c> result
/// proves consent for its arguments;</description></item>
/// <item><description>a <c>bool</c> property whose <c>true</c> value proves consent for the object
/// it is read from (for example <c>customer.SmsOptIn</c>);</description></item>
/// <item><description>a guard: a method returning nothing (or a task) that returns normally only
/// when its arguments may be contacted and throws otherwise (for example
/// <c>await consent.EnsureAllowedAsync(customer, ContactChannel.Sms)</c>). After the call, its
/// arguments count as checked.</description></item>
/// </list>
/// A method returning a <see cref="ContactDecision"/> needs no attribute: the decision is a
/// check by its type.
/// </summary>
/// <remarks>
/// The check covers the contact (and phone number) its arguments are built from, for the channel
/// of the <see cref="ContactRequest"/> or <see cref="ContactChannel"/> constant passed to it; with
/// neither, for every channel. On an interface member it applies to every implementation; on an
/// implementation, to calls through the interface member it implements.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ConsentCheckAttribute : Attribute
{
}
