using System.Collections.Generic;
using ContactRules.Cli.Received.Judging;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>One ready-to-file text: its channel, the caller it is about, the calls it lists, and the text.</summary>
/// <param name="Channel">Where it is filed.</param>
/// <param name="Caller">The caller it is about.</param>
/// <param name="FileName">Its file name in the output folder's <c>complaints</c> folder.</param>
/// <param name="Calls">The calls it lists.</param>
/// <param name="Text">The text, field by field as the channel asks.</param>
internal sealed record Complaint(ComplaintChannel Channel, Caller Caller, string FileName, IReadOnlyList<ReceivedCall> Calls, string Text);
