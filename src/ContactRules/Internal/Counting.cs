using ContactRules.Rules;

namespace ContactRules.Internal;

internal static class Counting
{
    /// <summary>
    /// True when <paramref name="attempt"/> falls under the same counting key as the request.
    /// An unknown caller or subject on either side cannot be told apart, so it counts.
    /// </summary>
    internal static bool SameKey(CountingKey key, ContactRequest request, in ContactAttempt attempt)
    {
        if ((key & CountingKey.Caller) != 0 && request.Caller is { } caller && attempt.Caller is { } attemptCaller
            && !string.Equals(caller, attemptCaller, System.StringComparison.Ordinal))
        {
            return false;
        }

        if ((key & CountingKey.Subject) != 0 && request.Subject is { } subject && attempt.Subject is { } attemptSubject
            && !string.Equals(subject, attemptSubject, System.StringComparison.Ordinal))
        {
            return false;
        }

        return (key & CountingKey.Channel) == 0 || attempt.Channel == request.Channel;
    }
}
