using System;
using ContactRules.Storage;

namespace ContactRules.Sqlite;

/// <summary>One writer's work for the ledger's group commit, and its result.</summary>
internal sealed class SqliteWrite : GroupCommitWork
{
    internal SqliteWrite(bool flush, bool isolated, Func<object?> body)
    {
        Flush = flush;
        Isolated = isolated;
        Body = body;
    }

    /// <summary>True when the work must reach the disk before it returns (<c>synchronous=FULL</c> for its batch).</summary>
    internal bool Flush { get; }

    /// <summary>
    /// True when the work may fail after writing part of its rows, so that it needs a
    /// savepoint of its own; false when it either writes everything or fails before its
    /// first write (a reservation decides, then inserts once).
    /// </summary>
    internal bool Isolated { get; }

    internal Func<object?> Body { get; }

    internal object? Result { get; set; }
}
