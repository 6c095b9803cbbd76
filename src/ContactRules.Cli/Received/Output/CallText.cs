using System.Globalization;
using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.Judging;
using ContactRules.Reports;

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

    /// <summary>What a form's "call or text?" field answers: <c>call</c> or <c>text</c>.</summary>
    internal static string CallOrText(ReceivedCall call, Language language) => call.IsCall ? language.T("appel", "call") : language.T("SMS", "text");

    /// <summary>A message's text on one line, cut to 160 characters, in the language's quotes (<c> : « … »</c>, <c>: "…"</c>); empty for a call or a message without text.</summary>
    internal static string Quote(ReceivedCall call, Language language)
    {
        if (call.IsCall || call.Event.Text is not { Length: > 0 } text)
        {
            return string.Empty;
        }

        var oneLine = text.ReplaceLineEndings(" ");
        oneLine = oneLine.Length <= 160 ? oneLine : oneLine.Substring(0, 157) + "...";
        return language.T($" : « {oneLine} »", $": \"{oneLine}\"");
    }

    /// <summary>
    /// The rule broken, in plain words: the person's words when <see cref="RuleWords"/> lists the
    /// rule, else the rule's own wording from its metadata (<see cref="RuleText"/>, in English).
    /// </summary>
    internal static string Rule(RuleViolation violation, ReceivedResult result, Language language)
        => RuleWords.Of(violation.RuleId, language) ?? RuleText.Of(result.Policy, violation).Description;

    /// <summary>The moment of <paramref name="call"/> in the person's zone, with its offset.</summary>
    internal static string Moment(ReceivedCall call, ReceivedResult result, Language language)
        => language.Moment(call.Event.At.InZone(result.Zone));
}
