using System.Globalization;
using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.Judging;

namespace ContactRules.Cli.Received.Output;

/// <summary>The words the report and the complaints share for a call and a breach.</summary>
internal static class CallText
{
    /// <summary>How the call ended, as the person lived it: "answered, silent (3 s)", "missed", "text message".</summary>
    internal static string HowItEnded(ReceivedCall call, Language language)
    {
        if (!call.IsCall)
        {
            return language.T("SMS", "text message");
        }

        var seconds = call.Event.DurationSeconds is { } d ? $" ({d.ToString(CultureInfo.InvariantCulture)} s)" : string.Empty;
        if (call.Refusal)
        {
            return language.T($"décroché, vous avez refusé le démarchage{seconds}", $"answered, you turned the canvassing down{seconds}");
        }

        if (call.Silent)
        {
            return language.T($"décroché, silencieux : personne ne parlait{seconds}", $"answered, silent: nobody spoke{seconds}");
        }

        return call.Event.Answer switch
        {
            CallAnswer.Answered => language.T($"décroché{seconds}", $"answered{seconds}"),
            CallAnswer.AnsweredElsewhere => language.T($"décroché sur un autre appareil{seconds}", $"answered on another device{seconds}"),
            CallAnswer.Voicemail => language.T("messagerie vocale", "voicemail"),
            CallAnswer.Rejected => language.T("refusé sur le téléphone (non décroché)", "declined on the phone (not answered)"),
            CallAnswer.Blocked => language.T("bloqué par le téléphone", "blocked by the phone"),
            _ => language.T("manqué (non décroché)", "missed (not answered)"),
        };
    }

    /// <summary>The rule broken, in plain words: the person's words when listed, else the rule's own description.</summary>
    internal static string Rule(RuleViolation violation, ReceivedResult result, Language language)
        => RuleWords.Of(violation.RuleId, language)
            ?? (result.RuleOf(violation.RuleId)?.Metadata.Description is { Length: > 0 } description ? description : violation.Reason);

    /// <summary>The moment of <paramref name="call"/> in the person's zone, with its offset.</summary>
    internal static string Moment(ReceivedCall call, ReceivedResult result, Language language)
        => language.Moment(call.Event.At.InZone(result.Zone));
}
