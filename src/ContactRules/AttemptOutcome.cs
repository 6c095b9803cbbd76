namespace ContactRules;

/// <summary>
/// How a contact attempt ended. Every outcome is an attempt (the law counts attempts, not
/// conversations), except that some rules exclude <see cref="NotConnected"/>.
/// </summary>
public enum AttemptOutcome
{
    /// <summary>The call rang and nobody answered.</summary>
    NoAnswer = 0,

    /// <summary>The line was busy.</summary>
    Busy = 1,

    /// <summary>A voicemail answered and a message may have been left.</summary>
    Voicemail = 2,

    /// <summary>An answering machine was detected (AMD) and the call was ended.</summary>
    Machine = 3,

    /// <summary>The called person and an agent spoke.</summary>
    Conversation = 4,

    /// <summary>
    /// The called person refused the solicitation during the conversation, or asked for the call
    /// to end. Triggers France's 60-day cooldown until 10 August 2026; from 11 August 2026 it
    /// withdraws the person's consents to that caller (FR-WDRW-01) and bars any new call (FR-STOP-01).
    /// </summary>
    Refused = 5,

    /// <summary>
    /// A live person answered and no agent was connected in time: a silent or abandoned call.
    /// It is an attempt, and it triggers the UK's 72-hour rule.
    /// </summary>
    Abandoned = 6,

    /// <summary>
    /// The call did not reach the dialed number (network failure, number not in service). An
    /// attempt in France and the UK; not counted by Regulation F.
    /// </summary>
    NotConnected = 7,

    /// <summary>
    /// Taken by <see cref="ContactGate.TryReserve(ContactRequest, out ContactPermit?)"/> and not yet
    /// completed. A reservation counts as an attempt from the moment it is taken.
    /// </summary>
    Reserved = 8,
}
