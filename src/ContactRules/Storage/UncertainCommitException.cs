using System;
using System.IO;

namespace ContactRules.Storage;

/// <summary>
/// The connection to the ledger was lost after a commit was sent and before it was confirmed
/// (the server stopped, the network failed): the write may or may not have been recorded. A
/// reservation recorded this way counts as an attempt never completed; the caller is told so.
/// </summary>
internal sealed class UncertainCommitException : IOException
{
    internal UncertainCommitException(string ledger, Exception failure)
        : base(
            $"The connection to the ledger '{ledger}' was lost after the commit was sent and before it was confirmed ({failure.Message}). "
                + "The write may have been recorded: a reservation recorded this way counts as an attempt that was never completed (until the ledger's reservation expiry, if one is set).",
            failure)
    {
    }
}
