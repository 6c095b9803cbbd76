using ContactRules.Internal;

namespace ContactRules;

/// <summary>
/// What a reply to a call or message says about the person's consent, as
/// <see cref="RevocationReplies.Classify(string)"/> reads it: a revocation, an ambiguous reply to
/// be read by a person, or a reply with no revocation word.
/// </summary>
public sealed class ReplyClassification
{
    internal ReplyClassification(ReplyRevocation revocation, string? word, string explanation)
    {
        Revocation = revocation;
        Word = word;
        Explanation = Preconditions.CheckNotEmpty(explanation, nameof(explanation));
    }

    /// <summary>Whether the reply is a revocation, may be one, or holds no revocation word.</summary>
    public ReplyRevocation Revocation { get; }

    /// <summary>
    /// The revocation keyword or word found, upper-case and without accents (for example
    /// <c>OPT OUT</c>, <c>ARRET</c>); null when none was found.
    /// </summary>
    public string? Word { get; }

    /// <summary>Why the reply was classified so, in a sentence for the person who reviews replies.</summary>
    public string Explanation { get; }

    /// <summary>True when the whole reply is a revocation keyword: record the revocation at the instant the reply was received.</summary>
    public bool IsRevocation => Revocation == ReplyRevocation.Revocation;

    /// <inheritdoc />
    public override string ToString() => Word is null ? Revocation.ToString() : $"{Revocation} ({Word})";
}
