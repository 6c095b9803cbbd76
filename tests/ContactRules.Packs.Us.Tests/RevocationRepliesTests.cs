using Xunit;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// Which replies revoke consent (47 CFR 64.1200(a)(10); US-REVOKE-01): the whole reply a keyword,
/// in any case, with or without accents and surrounding spaces, punctuation or emoji; a keyword
/// among other words is ambiguous, never guessed. Replies shaped like real ones.
/// </summary>
public class RevocationRepliesTests
{
    [Theory]
    // The FCC's seven words, as people type them.
    [InlineData("STOP", "STOP")]
    [InlineData("stop", "STOP")]
    [InlineData("  Stop.  ", "STOP")]
    [InlineData("STOP!!!", "STOP")]
    [InlineData("\"stop\"", "STOP")]
    [InlineData("Stop 🛑", "STOP")]
    [InlineData("\tquit\n", "QUIT")]
    [InlineData("End", "END")]
    [InlineData("REVOKE", "REVOKE")]
    [InlineData("opt out", "OPT OUT")]
    [InlineData("Opt-Out", "OPT OUT")]
    [InlineData("OPTOUT", "OPTOUT")]
    [InlineData("cancel.", "CANCEL")]
    [InlineData("Unsubscribe", "UNSUBSCRIBE")]
    [InlineData("stop all", "STOP ALL")]
    [InlineData("Stop stop STOP", "STOP")]
    [InlineData("stop, unsubscribe", "STOP")]
    // The other packs' languages, accents or not.
    [InlineData("Arrêt", "ARRET")]
    [InlineData("ARRET", "ARRET")]
    [InlineData("arrêter", "ARRETER")]
    [InlineData("Désabonner", "DESABONNER")]
    [InlineData("STOP SMS", "STOP SMS")]
    [InlineData("Stopp", "STOPP")]
    [InlineData("abmelden!", "ABMELDEN")]
    [InlineData("Baja", "BAJA")]
    [InlineData("dar de baja", "DAR DE BAJA")]
    [InlineData("Cancella", "CANCELLA")]
    [InlineData("afmelden", "AFMELDEN")]
    public void US_REVOKE_01_a_reply_that_is_a_keyword_is_a_revocation(string reply, string word)
    {
        var classification = RevocationReplies.Classify(reply);
        Assert.Equal(ReplyRevocation.Revocation, classification.Revocation);
        Assert.True(classification.IsRevocation);
        Assert.Equal(word, classification.Word);
    }

    [Theory]
    [InlineData("stop calling me after 5", "STOP")]
    [InlineData("Stop by the store", "STOP")]
    [InlineData("please stop", "STOP")]
    [InlineData("STOP 2", "STOP")]
    [InlineData("Cancel my appointment", "CANCEL")]
    [InlineData("see you at the end of the month", "END")]
    [InlineData("Don't text me again", "DONT")]
    [InlineData("do not contact me", "DO NOT")]
    [InlineData("wrong number", "WRONG NUMBER")]
    [InlineData("Remove me from your list", "REMOVE")]
    [InlineData("Non merci", "NON")]
    [InlineData("ne plus m'appeler", "NE PLUS")]
    [InlineData("Keine Werbung", "KEINE")]
    [InlineData("no más mensajes", "NO MAS")]
    [InlineData("quiero darme de baja", "BAJA")]
    public void US_REVOKE_01_a_keyword_among_other_words_is_ambiguous_never_guessed(string reply, string word)
    {
        var classification = RevocationReplies.Classify(reply);
        Assert.Equal(ReplyRevocation.Ambiguous, classification.Revocation);
        Assert.False(classification.IsRevocation);
        Assert.Equal(word, classification.Word);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Yes")]
    [InlineData("What time is my appointment?")]
    [InlineData("Thanks! 👍")]
    [InlineData("stopping by later")]
    public void US_REVOKE_01_a_reply_without_a_revocation_word_says_so_and_no_more(string reply)
    {
        var classification = RevocationReplies.Classify(reply);
        Assert.Equal(ReplyRevocation.NoRevocationWord, classification.Revocation);
        Assert.Null(classification.Word);
    }

    [Fact]
    public void US_REVOKE_01_the_keywords_include_the_FCC_seven()
    {
        foreach (var word in new[] { "STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE" })
        {
            Assert.Contains(word, RevocationReplies.Keywords);
        }
    }
}
