namespace ContactRules.Internal;

/// <summary>The contract's spelling of enum values: lower case, words joined by hyphens.</summary>
internal static class EnumText
{
    internal static string Of(ContactPurpose purpose) => purpose switch
    {
        ContactPurpose.DebtCollection => "debt-collection",
        ContactPurpose.Informational => "informational",
        _ => "marketing",
    };

    internal static string Of(RuleKind kind) => kind switch
    {
        RuleKind.CallingWindow => "calling-window",
        RuleKind.Holiday => "holiday",
        RuleKind.Frequency => "frequency",
        RuleKind.Cooldown => "cooldown",
        RuleKind.Consent => "consent",
        RuleKind.OptOut => "opt-out",
        RuleKind.Registry => "registry",
        RuleKind.Objection => "objection",
        RuleKind.Zone => "zone",
        _ => "store",
    };
}
