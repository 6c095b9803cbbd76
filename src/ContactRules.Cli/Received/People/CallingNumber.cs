namespace ContactRules.Cli.Received.People;

/// <summary>
/// A calling number as the report shows it and as callers are grouped by: E.164 when the number
/// is valid, else the digits or the sender's name as the phone showed them (short codes,
/// alphanumeric senders such as "HORIZON").
/// </summary>
/// <param name="Key">What two sightings of the same number share: E.164, the digits, or the sender name in capitals.</param>
/// <param name="Display">The number in full, as the report and the complaints show it.</param>
/// <param name="IsE164">True when <see cref="Display"/> is a valid E.164 number.</param>
internal sealed record CallingNumber(string Key, string Display, bool IsE164);
