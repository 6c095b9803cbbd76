using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Cli.Received.Judging;
using ContactRules.Cli.Received.Output;
using NodaTime;

namespace ContactRules.Cli.Received.Complaints;

/// <summary>What every complaint text draws on: the result, the caller, the calls it lists, the language.</summary>
internal sealed class ComplaintContext
{
    internal ComplaintContext(ReceivedResult result, Caller caller, IReadOnlyList<ReceivedCall> calls, Language language)
    {
        Result = result;
        Caller = caller;
        Calls = calls;
        Language = language;
    }

    internal ReceivedResult Result { get; }

    internal Caller Caller { get; }

    internal IReadOnlyList<ReceivedCall> Calls { get; }

    internal Language Language { get; }

    /// <summary>The person's own number, or a placeholder for them to fill in.</summary>
    internal string OwnNumber => Result.OwnNumber?.Display ?? Language.T("[votre numéro de téléphone]", "[your phone number]");

    /// <summary>The company's name when the person named it, else a placeholder: a number alone names no one.</summary>
    internal string Company => Caller.Entry is null ? Language.T("[nom du professionnel, s'il est connu]", "[the company's name, if known]") : Caller.Name;

    /// <summary>The caller's sector, or a placeholder.</summary>
    internal string Sector => Caller.Sector ?? Language.T("[secteur d'activité de l'appelant]", "[the caller's line of business]");

    internal ZonedDateTime Local(ReceivedCall call) => call.Event.At.InZone(Result.Zone);

    /// <summary>The zone line every text starts with, so that no time is read in another zone.</summary>
    internal string ZoneLine
        => Language.T($"Heures locales, fuseau {Result.Zone.Id} (décalage UTC indiqué pour chaque appel).", $"Local times, zone {Result.Zone.Id} (UTC offset given for each call).");

    /// <summary>The registration with <paramref name="registry"/>, in words, or null.</summary>
    internal string? Registration(ContactRegistry registry)
    {
        var registration = Result.Facts.Registrations.LastOrDefault(r => r.Registry == registry);
        if (registration is null)
        {
            return null;
        }

        var date = Language.ShortDate(registration.RegisteredAt.DateIn(Result.Zone));
        return registration.EffectiveAt is { } effective
            ? Language.T($"inscrit le {date}, inscription effective le {Language.ShortDate(effective.DateIn(Result.Zone))}", $"registered on {date}, effective {Language.ShortDate(effective.DateIn(Result.Zone))}")
            : Language.T($"inscrit le {date}", $"registered on {date}");
    }

    /// <summary>The answer to a form's "is your number registered?": <c>yes, registered on …</c>, or <c>no</c>.</summary>
    internal string RegisteredAnswer(ContactRegistry registry)
        => Registration(registry) is { } registered ? Language.T($"oui, {registered}", $"yes, {registered}") : Language.T("non", "no");

    /// <summary>The registration with <paramref name="registry"/> in words, or a placeholder for the person to fill in.</summary>
    internal string RegistrationOrPlaceholder(ContactRegistry registry)
        => Registration(registry) ?? Language.T("[date de votre inscription]", "[date of your registration]");

    /// <summary>The rules a call broke, each in plain words with its citation.</summary>
    internal string Rules(ReceivedCall call, Func<string, bool>? only = null)
        => string.Join(Language.T(" ; ", "; "), call.Decision!.Violations.Where(v => only is null || only(v.RuleId))
            .Select(v => $"{LowerFirst(CallText.Rule(v, Result, Language).TrimEnd('.'))} ({v.RuleId}, {v.Citation})"));

    private static string LowerFirst(string text)
        => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text.Substring(1) : text;

    /// <summary>The first lines of every text: the channel's title, the caller, the zone.</summary>
    internal StringBuilder Start(string title)
    {
        var text = new StringBuilder();
        text.Append(title).Append('\n').Append('=', title.Length).Append("\n\n");
        return text;
    }

    /// <summary>"No. 3/12", the heading of one entry.</summary>
    internal string Entry(int index)
        => $"{Language.T("N°", "No.")} {index.ToString(CultureInfo.InvariantCulture)}/{Calls.Count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A number of calls in words.</summary>
    internal string Count(int calls) => Language.T(
        calls == 1 ? "1 appel ou message" : $"{calls.ToString(CultureInfo.InvariantCulture)} appels ou messages",
        calls == 1 ? "1 call or message" : $"{calls.ToString(CultureInfo.InvariantCulture)} calls or messages");
}
