using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// One caller's work for a ledger's writer (a reservation, a completion, a read), with the
/// deadline its caller waits for, and the states that decide what the caller may be told when the
/// deadline passes.
/// </summary>
/// <remarks>
/// <para>
/// Queued, then Running once a batch has taken it, then Committing once the batch sends the
/// commit that carries it, then Done. The caller's deadline (or cancellation) moves a work that is
/// still Queued or Running to Abandoned: the batch leaves it out, so nothing of it is ever
/// written, and the caller is told so. A work already Committing may be recorded whatever
/// happens next (the commit is on its way): the caller is told that it may have been.
/// </para>
/// <para>
/// Every transition is one compare-and-swap, so that the batch and the waiting caller always
/// agree on which side won.
/// </para>
/// </remarks>
internal abstract class LedgerWork
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int Committing = 2;
    private const int Done = 3;
    private const int Abandoned = 4;

    private readonly TaskCompletionSource<bool> signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    // A synchronous caller blocks on this event without spinning first (Task.Wait spins): dozens
    // of dialer threads spinning on two cores would take them from the ledger's own thread.
    private readonly ManualResetEventSlim finished = new ManualResetEventSlim(false, 0);
    private readonly long deadline;
    private int state;

    /// <param name="timeout">The longest the caller waits, from now.</param>
    /// <param name="cancellationToken">The caller's token: honoured until the work is committing.</param>
    protected LedgerWork(Duration timeout, CancellationToken cancellationToken)
    {
        Timeout = timeout;
        deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        CancellationToken = cancellationToken;
    }

    /// <summary>The longest the caller waits.</summary>
    internal Duration Timeout { get; }

    /// <summary>The caller's token.</summary>
    internal CancellationToken CancellationToken { get; }

    /// <summary>The failure of this work alone, or of its whole batch.</summary>
    internal Exception? Failure { get; set; }

    /// <summary>True once the work was left out (deadline passed or cancelled) before its commit.</summary>
    internal bool IsAbandoned => Volatile.Read(ref state) == Abandoned;

    /// <summary>The time left before the caller's deadline; zero once it has passed.</summary>
    internal TimeSpan Remaining
    {
        get
        {
            var left = deadline - Stopwatch.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(left * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        }
    }

    /// <summary>The time left before the caller's deadline, in whole milliseconds (rounded up), for waits.</summary>
    internal int RemainingMilliseconds => (int)Math.Min(int.MaxValue, Math.Ceiling(Remaining.TotalMilliseconds));

    /// <summary>Completes when the work is done (or failed).</summary>
    internal Task Signal => signal.Task;

    /// <summary>A batch takes the work; false when it was abandoned meanwhile.</summary>
    internal bool TryStart() => Interlocked.CompareExchange(ref state, Running, Queued) == Queued;

    /// <summary>Puts a started work back in line (its person was busy elsewhere); false when it was abandoned meanwhile.</summary>
    internal bool TryRequeue() => Interlocked.CompareExchange(ref state, Queued, Running) == Running;

    /// <summary>
    /// The batch is about to send the commit that carries this work: from now on the caller can
    /// no longer be told that nothing was written. False when the caller gave up first: the
    /// batch must leave the work out.
    /// </summary>
    internal bool TryCommit() => Interlocked.CompareExchange(ref state, Committing, Running) == Running;

    /// <summary>Marks the work finished (its result or <see cref="Failure"/> set) and wakes its caller.</summary>
    internal void Finish()
    {
        var previous = Volatile.Read(ref state);
        while (previous != Abandoned && previous != Done)
        {
            var seen = Interlocked.CompareExchange(ref state, Done, previous);
            if (seen == previous)
            {
                break;
            }

            previous = seen;
        }

        finished.Set();
        signal.TrySetResult(true);
    }

    /// <summary>Waits, on the caller's thread, until the work is finished or the deadline passes.</summary>
    internal void Wait(string ledger)
    {
        try
        {
            if (finished.Wait(RemainingMilliseconds, CancellationToken))
            {
                ThrowIfFailed();
                return;
            }
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            if (TryAbandon())
            {
                throw;
            }

            // Committing: the caller's token no longer stops it; its deadline does.
            if (finished.Wait(RemainingMilliseconds))
            {
                ThrowIfFailed();
                return;
            }
        }

        GiveUp(ledger);
    }

    /// <summary>Waits without a thread until the work is finished or the deadline passes.</summary>
    internal async Task WaitAsync(string ledger)
    {
        if (!Signal.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
            var delay = Task.Delay(RemainingMilliseconds, stop.Token);
            var first = await Task.WhenAny(Signal, delay).ConfigureAwait(false);
            stop.Cancel();
            if (first != Signal && CancellationToken.IsCancellationRequested && TryAbandon())
            {
                throw new OperationCanceledException(CancellationToken);
            }

            if (first != Signal && !Signal.IsCompleted)
            {
                // Committing when the token was cancelled: wait for the deadline only.
                if (CancellationToken.IsCancellationRequested && Remaining > TimeSpan.Zero)
                {
                    await Task.WhenAny(Signal, Task.Delay(RemainingMilliseconds)).ConfigureAwait(false);
                }

                if (!Signal.IsCompleted)
                {
                    GiveUp(ledger);
                }
            }
        }

        ThrowIfFailed();
    }

    internal void ThrowIfFailed()
    {
        if (Failure is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private bool TryAbandon()
    {
        var previous = Volatile.Read(ref state);
        while (previous is Queued or Running)
        {
            var seen = Interlocked.CompareExchange(ref state, Abandoned, previous);
            if (seen == previous)
            {
                return true;
            }

            previous = seen;
        }

        return false;
    }

    private void GiveUp(string ledger)
    {
        if (TryAbandon())
        {
            throw new LedgerTimeoutException(ledger, Timeout, mayHaveCommitted: false);
        }

        if (Signal.IsCompleted)
        {
            ThrowIfFailed();
            return;
        }

        throw new LedgerTimeoutException(ledger, Timeout, mayHaveCommitted: true);
    }
}
