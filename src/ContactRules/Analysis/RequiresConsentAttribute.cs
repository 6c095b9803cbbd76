using System;

namespace ContactRules;

/// <summary>
/// Marks a member that contacts someone. Its callers must hold a successful consent check for
/// the contact, or carry this attribute themselves; inside it, dial calls are not reported.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RequiresConsentAttribute : Attribute
{
}
