using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Internal;

namespace ContactRules;

/// <summary>
/// Tells whether a person's reply to a call or a message revokes their consent (FCC 24-24,
/// 47 CFR 64.1200(a)(10): a revocation by any reasonable means; the words STOP, QUIT, END,
/// REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE are revocations per se), with the usual opt-out words
/// of the languages of ContactRules' other packs. It never guesses: a reply that contains such a
/// word and says something else is reported <see cref="ReplyRevocation.Ambiguous"/>.
/// </summary>
/// <remarks>
/// <para>
/// The whole reply is read, without regard to case or accents, with surrounding spaces,
/// punctuation and symbols (emoji included) ignored: "STOP", " stop. ", "Arrêt !", "opt-out"
/// and "Stop stop" are revocations. A reply whose words are all revocation keywords is a
/// revocation; one that holds a revocation word among others ("stop calling me after 5", "Stop
/// by the store", "please unsubscribe me") is ambiguous, and so is one that holds a usual way of
/// refusing ("don't text me", "wrong number", "leave me alone", "ne plus", "keine", "no más").
/// Anything else has no revocation word, which is not a finding that it is not a revocation.
/// </para>
/// <para>
/// Keywords: English (FCC): STOP, QUIT, END, REVOKE, OPT OUT, CANCEL, UNSUBSCRIBE, STOP ALL;
/// French: ARRET, ARRETER, DESABONNER, DESINSCRIRE, STOP SMS; German: STOPP, ABMELDEN,
/// ABBESTELLEN; Spanish: BAJA, DAR DE BAJA, CANCELAR; Italian: CANCELLA, CANCELLAMI, DISISCRIVI;
/// Dutch: AFMELDEN, UITSCHRIJVEN. STOP is the usual keyword in every one of these languages.
/// </para>
/// </remarks>
public static class RevocationReplies
{
    private static readonly ImmutableArray<string[]> KeywordPhrases = new[]
    {
        // English, the FCC's per-se list (47 CFR 64.1200(a)(10)), and the industry's STOP ALL.
        "STOP", "QUIT", "END", "REVOKE", "OPT OUT", "OPTOUT", "CANCEL", "UNSUBSCRIBE", "STOP ALL", "STOPALL",

        // French.
        "ARRET", "ARRETER", "DESABONNER", "DESABONNEMENT", "DESINSCRIRE", "DESINSCRIPTION", "STOP SMS",

        // German.
        "STOPP", "ABMELDEN", "ABBESTELLEN",

        // Spanish.
        "BAJA", "DAR DE BAJA", "CANCELAR",

        // Italian.
        "CANCELLA", "CANCELLAMI", "DISISCRIVI", "DISISCRIVIMI",

        // Dutch.
        "AFMELDEN", "UITSCHRIJVEN",
    }.Select(Split).OrderByDescending(p => p.Length).ToImmutableArray();

    // Words and phrases that, inside a longer reply, may mean a revocation: the keywords' own
    // words, and the usual ways of refusing in the same languages.
    private static readonly ImmutableArray<string[]> CuePhrases = KeywordPhrases
        .Concat(new[]
        {
            "UNSUB", "REMOVE", "DONT", "DO NOT", "NO MORE", "LEAVE ME ALONE", "WRONG NUMBER", "NOT INTERESTED", "OPT",
            "NE PLUS", "PLUS JAMAIS", "DESINSCRIVEZ", "RETIREZ",
            "KEINE", "NICHT MEHR", "AUFHOREN", "AUFHOEREN",
            "NO MAS", "NO ME", "PARAR", "ALTO",
            "NON", "BASTA", "BASTA COSI",
            "NIET MEER", "GEEN", "AFMELDEN",
        }.Select(Split))
        .OrderByDescending(p => p.Length)
        .ToImmutableArray();

    /// <summary>The revocation keywords, upper-case and without accents, each matched as the whole reply.</summary>
    public static ImmutableArray<string> Keywords { get; } = KeywordPhrases.Select(p => string.Join(" ", p)).OrderBy(k => k, System.StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Classifies a reply.</summary>
    /// <param name="reply">The text of the reply, as received.</param>
    /// <returns>Whether it is a revocation, may be one, or holds no revocation word.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public static ReplyClassification Classify(string reply)
    {
        var words = Words(Preconditions.CheckNotNull(reply, nameof(reply)));
        if (words.Length == 0)
        {
            return new ReplyClassification(ReplyRevocation.NoRevocationWord, null, "The reply holds no word.");
        }

        if (AllKeywords(words) is { } keyword)
        {
            return new ReplyClassification(
                ReplyRevocation.Revocation,
                keyword,
                $"The whole reply is the revocation keyword {keyword}: record the revocation at the instant it was received.");
        }

        if (FirstCue(words) is { } cue)
        {
            return new ReplyClassification(
                ReplyRevocation.Ambiguous,
                cue,
                $"The reply contains \"{cue}\" among other words: it may be a revocation. A person must read it; until then, do not rely on the consent.");
        }

        return new ReplyClassification(
            ReplyRevocation.NoRevocationWord,
            null,
            "The reply holds no revocation word; a person may still revoke in other words.");
    }

    // The reply's words: upper-case, accents removed, apostrophes dropped (DON'T is DONT), and
    // every other character that is not a letter or a digit taken as a space.
    private static string[] Words(string reply)
    {
        var decomposed = reply.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c is '\'' or '\u2019' or '\u02BC')
            {
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        }

        return text.ToString().Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
    }

    private static string[] Split(string phrase) => phrase.Split(' ');

    // The first keyword when every word of the reply belongs to a keyword phrase; null otherwise.
    private static string? AllKeywords(string[] words)
    {
        string? first = null;
        var at = 0;
        while (at < words.Length)
        {
            var phrase = PhraseAt(KeywordPhrases, words, at);
            if (phrase is null)
            {
                return null;
            }

            first ??= string.Join(" ", phrase);
            at += phrase.Length;
        }

        return first;
    }

    private static string? FirstCue(string[] words)
    {
        for (var at = 0; at < words.Length; at++)
        {
            if (PhraseAt(CuePhrases, words, at) is { } phrase)
            {
                return string.Join(" ", phrase);
            }
        }

        return null;
    }

    // The longest phrase of the list that the words spell from position 'at', or null.
    private static string[]? PhraseAt(ImmutableArray<string[]> phrases, IReadOnlyList<string> words, int at)
    {
        foreach (var phrase in phrases)
        {
            if (at + phrase.Length > words.Count)
            {
                continue;
            }

            var match = true;
            for (var i = 0; i < phrase.Length && match; i++)
            {
                match = words[at + i] == phrase[i];
            }

            if (match)
            {
                return phrase;
            }
        }

        return null;
    }
}
