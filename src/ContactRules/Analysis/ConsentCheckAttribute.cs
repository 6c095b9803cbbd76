using System;

namespace ContactRules;

/// <summary>
/// Marks a bool method whose <c>true</c> result proves consent for its argument, or a bool
/// property whose <c>true</c> value proves consent for the object it is read from (for example
/// <c>customer.SmsOptIn</c>). The analyzers accept a dial dominated by such a check.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ConsentCheckAttribute : Attribute
{
}
