using System.Collections.Generic;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.PostgreSql;

/// <summary>A reservation or a completion waiting for the node's writer thread, and its result.</summary>
internal abstract class PostgreSqlWrite : LedgerWork
{
    protected PostgreSqlWrite(string contactId, Duration timeout, System.Threading.CancellationToken cancellationToken)
        : base(timeout, cancellationToken)
    {
        ContactId = contactId;
    }

    internal string ContactId { get; }
}

/// <summary>A reservation: decided on the person's snapshot once the batch holds their lock.</summary>
internal sealed class ReserveWrite : PostgreSqlWrite
{
    internal ReserveWrite(PendingReservation reservation, long lockKey, Duration timeout)
        : base(reservation.ContactId, timeout, reservation.CancellationToken)
    {
        Reservation = reservation;
        LockKey = lockKey;
    }

    internal PendingReservation Reservation { get; }

    /// <summary>The person's advisory lock, which the batch tries to take before it reads.</summary>
    internal long LockKey { get; }

    internal ReservationResult Result { get; set; }

    /// <summary>
    /// True when the batch found the person's lock held by another node: the reservation goes
    /// back in line for the next batch, until its deadline, so that a batch never waits for a person.
    /// </summary>
    internal bool Contended { get; set; }
}

/// <summary>A completion: the reservation's real outcome.</summary>
internal sealed class CompleteWrite : PostgreSqlWrite
{
    internal CompleteWrite(string contactId, long attemptId, AttemptOutcome outcome, long completedAtTicks, Duration timeout, System.Threading.CancellationToken cancellationToken)
        : base(contactId, timeout, cancellationToken)
    {
        AttemptId = attemptId;
        Outcome = outcome;
        CompletedAtTicks = completedAtTicks;
    }

    internal long AttemptId { get; }

    internal AttemptOutcome Outcome { get; }

    internal long CompletedAtTicks { get; }

    /// <summary>True once the batch found the reservation still open and recorded the outcome.</summary>
    internal bool Completed { get; set; }
}

/// <summary>
/// A consent, revocation, opt-out or registry entry waiting for the node's facts thread: its
/// statements, run in a transaction that holds the evidence log's lock.
/// </summary>
internal sealed class FactWrite : LedgerWork
{
    internal FactWrite(System.Action<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction> body, Duration timeout)
        : base(timeout, System.Threading.CancellationToken.None)
    {
        Body = body;
    }

    internal System.Action<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction> Body { get; }
}

/// <summary>A read of one or many people waiting for the node's reader thread, and its result.</summary>
internal sealed class ReadWork : LedgerWork
{
    internal ReadWork(IReadOnlyList<Contact> contacts, Duration timeout, System.Threading.CancellationToken cancellationToken)
        : base(timeout, cancellationToken)
    {
        Contacts = contacts;
    }

    internal IReadOnlyList<Contact> Contacts { get; }

    internal IReadOnlyList<ContactSnapshot>? Result { get; set; }
}
