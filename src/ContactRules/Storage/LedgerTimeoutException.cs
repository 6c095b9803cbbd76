using System;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// A ledger operation did not finish within <see cref="ContactLedgerOptions.OperationTimeout"/>:
/// the caller is given its answer at the deadline, whatever the server or another process does.
/// The message says whether anything may have been written, because a dialer must know whether a
/// reservation it was refused can still count.
/// </summary>
internal sealed class LedgerTimeoutException : TimeoutException
{
    internal LedgerTimeoutException(string ledger, Duration timeout, bool mayHaveCommitted)
        : base(mayHaveCommitted
            ? $"The ledger '{ledger}' did not confirm the commit within the operation timeout of {timeout.TotalMilliseconds:0} ms. "
                + "The write may have been recorded: a reservation recorded this way counts as an attempt that was never completed (until the ledger's reservation expiry, if one is set)."
            : $"The ledger '{ledger}' did not answer within the operation timeout of {timeout.TotalMilliseconds:0} ms; nothing was recorded.")
    {
        MayHaveCommitted = mayHaveCommitted;
    }

    /// <summary>True when the commit was on its way when the deadline passed: it may have been recorded.</summary>
    internal bool MayHaveCommitted { get; }
}
