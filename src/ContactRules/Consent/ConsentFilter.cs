namespace ContactRules.Rules;

/// <summary>Which consents an exemption or requirement looks at.</summary>
internal enum ConsentFilter
{
    /// <summary>Every consent.</summary>
    Any = 0,

    /// <summary>Only consents to be called outside the legal days and hours (<see cref="ConsentRecord.OutsideHours"/>).</summary>
    OutsideHours = 1,

    /// <summary>Only consents to be called at a precise date and time (<see cref="ConsentRecord.Slot"/>).</summary>
    Slot = 2,
}
