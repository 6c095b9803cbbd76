using System;
using System.Threading;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Sqlite;

/// <summary>One caller's write for the ledger's writer thread, and its result.</summary>
internal sealed class SqliteWrite : LedgerWork
{
    internal SqliteWrite(Duration timeout, CancellationToken cancellationToken, bool flush, bool reservation, Func<object?> body)
        : base(timeout, cancellationToken)
    {
        Flush = flush;
        IsReservation = reservation;
        Body = body;
    }

    /// <summary>True when the work must reach the disk before it returns (<c>synchronous=FULL</c> for its batch).</summary>
    internal bool Flush { get; }

    /// <summary>True for a reservation: its batch reports the commit steps (<see cref="ReservationStep"/>).</summary>
    internal bool IsReservation { get; }

    internal Func<object?> Body { get; }

    internal object? Result { get; set; }
}
