namespace ContactRules;

/// <summary>
/// The contacts a person asks for, which need no marketing consent: the only kinds
/// <see cref="RequestedContactAttribute"/> accepts. There is deliberately no "other".
/// </summary>
public enum RequestedContactKind
{
    /// <summary>A one-time password or verification code the person asked for.</summary>
    OneTimePassword = 0,

    /// <summary>The confirmation or reminder of an appointment the person booked.</summary>
    AppointmentConfirmation = 1,

    /// <summary>A call-back the person requested.</summary>
    RequestedCallback = 2,
}
