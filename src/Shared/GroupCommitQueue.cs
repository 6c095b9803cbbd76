using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace ContactRules.Storage;

/// <summary>
/// Group commit for a ledger's writes in this process (compiled into each ledger package): a
/// writer queues its work; the first in line (the leader) runs everything queued in one batch,
/// in arrival order, and wakes each writer whose work is committed, and only those. Once its own
/// work is done, the leader hands the lead to the next writer in line, so that no caller keeps
/// running other callers' work after its own has returned. Synchronous and asynchronous writers
/// share one line: a synchronous leader runs the batch on its thread, an asynchronous one awaits
/// it, and an asynchronous writer waiting in line holds no thread.
/// </summary>
/// <remarks>
/// A writer's wait in line is bounded by the timeout: work that never started is dropped and the
/// writer gets a <see cref="TimeoutException"/> saying that nothing was written. An asynchronous
/// writer cancelled while in line is dropped the same way and gets an
/// <see cref="OperationCanceledException"/>. Work whose batch has started always runs to its
/// end (its statements have timeouts of their own): a commit is never reported as cancelled.
/// </remarks>
/// <typeparam name="TWork">The work a batch runs.</typeparam>
internal sealed class GroupCommitQueue<TWork>
    where TWork : GroupCommitWork
{
    private readonly Queue<TWork> queue = new Queue<TWork>();
    private readonly Action<List<TWork>> runBatch;
    private readonly Func<List<TWork>, Task> runBatchAsync;
    private readonly int maxBatch;
    private readonly int timeoutMilliseconds;
    private readonly string name;
    private bool draining;

    /// <param name="runBatch">Runs a batch on the calling thread; sets each work's result or failure, or throws for the whole batch.</param>
    /// <param name="runBatchAsync">The same, asynchronously.</param>
    /// <param name="maxBatch">The most work in one batch.</param>
    /// <param name="timeoutMilliseconds">The longest a writer waits in line.</param>
    /// <param name="name">The store, for messages.</param>
    internal GroupCommitQueue(Action<List<TWork>> runBatch, Func<List<TWork>, Task> runBatchAsync, int maxBatch, int timeoutMilliseconds, string name)
    {
        this.runBatch = runBatch;
        this.runBatchAsync = runBatchAsync;
        this.maxBatch = maxBatch;
        this.timeoutMilliseconds = timeoutMilliseconds;
        this.name = name;
    }

    /// <summary>Runs <paramref name="work"/> in turn; returns once it is committed, or throws its failure.</summary>
    internal void Run(TWork work)
    {
        if (!Enqueue(work))
        {
            var signal = work.Signal;
            if (!signal.Wait(timeoutMilliseconds))
            {
                lock (queue)
                {
                    if (work.TryAbandon())
                    {
                        throw TimedOut();
                    }
                }

                // Started, or handed the lead: either ends.
                signal.Wait();
            }

            if (signal.Result)
            {
                work.ThrowIfFailed();
                return;
            }
        }

        Drain(work);
        work.ThrowIfFailed();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in turn; completes once it is committed. Cancelling
    /// <paramref name="cancellationToken"/> while the work waits in line drops it.
    /// </summary>
    internal async Task RunAsync(TWork work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Enqueue(work))
        {
            bool done;
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                stop.CancelAfter(timeoutMilliseconds);
                using (stop.Token.Register(() => Abandon(work, cancellationToken)))
                {
                    done = await work.Signal.ConfigureAwait(false);
                }
            }

            if (done)
            {
                work.ThrowIfFailed();
                return;
            }
        }

        await DrainAsync(work).ConfigureAwait(false);
        work.ThrowIfFailed();
    }

    private void Abandon(TWork work, CancellationToken cancellationToken)
    {
        lock (queue)
        {
            if (!work.TryAbandon())
            {
                return;
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            work.Cancelled(cancellationToken);
        }
        else
        {
            work.Failed(TimedOut());
        }
    }

    private TimeoutException TimedOut()
        => new TimeoutException($"The ledger '{name}' was busy with other writes for longer than the operation timeout; nothing was written.");

    /// <returns>True when the caller leads.</returns>
    private bool Enqueue(TWork work)
    {
        lock (queue)
        {
            queue.Enqueue(work);
            if (draining)
            {
                return false;
            }

            draining = true;
            return true;
        }
    }

    private void Drain(TWork own)
    {
        var batch = new List<TWork>();
        while (Next(own, batch))
        {
            try
            {
                runBatch(batch);
            }
            catch (Exception failure)
            {
                FailAll(batch, failure);
            }

            Finish(batch);
        }
    }

    private async Task DrainAsync(TWork own)
    {
        var batch = new List<TWork>();
        while (Next(own, batch))
        {
            try
            {
                await runBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                FailAll(batch, failure);
            }

            Finish(batch);
        }
    }

    private static void FailAll(List<TWork> batch, Exception failure)
    {
        foreach (var work in batch)
        {
            work.Failure ??= failure;
        }
    }

    /// <summary>Fills the next batch, or hands the lead over once <paramref name="own"/> is finished.</summary>
    /// <returns>False when the leader is done.</returns>
    private bool Next(TWork own, List<TWork> batch)
    {
        batch.Clear();
        TWork? successor = null;
        lock (queue)
        {
            if (!own.IsFinished)
            {
                while (queue.Count > 0 && batch.Count < maxBatch)
                {
                    var next = queue.Dequeue();
                    if (next.TryStart())
                    {
                        batch.Add(next);
                    }
                }

                return true;
            }

            while (queue.Count > 0 && successor is null)
            {
                var next = queue.Peek();
                if (next.TryDesignateLeader())
                {
                    successor = next;
                }
                else
                {
                    queue.Dequeue();
                }
            }

            draining = successor is not null;
        }

        successor?.Lead();
        return false;
    }

    private void Finish(List<TWork> batch)
    {
        lock (queue)
        {
            foreach (var work in batch)
            {
                work.Finish();
            }
        }

        foreach (var work in batch)
        {
            work.Committed();
        }
    }
}

/// <summary>One writer's work in a <see cref="GroupCommitQueue{TWork}"/>, its state and its outcome.</summary>
internal abstract class GroupCommitWork
{
    private const int Queued = 0;
    private const int Leading = 1;
    private const int Running = 2;
    private const int Done = 3;
    private const int Abandoned = 4;

    private readonly TaskCompletionSource<bool> signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    private int state;

    /// <summary>The failure of this work alone, or of its whole batch.</summary>
    internal Exception? Failure { get; set; }

    /// <summary>Completes true when the work is committed (or failed), false when its writer must lead.</summary>
    internal Task<bool> Signal => signal.Task;

    internal bool IsFinished => state is Done or Abandoned;

    internal void ThrowIfFailed()
    {
        if (Failure is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    // The transitions below run under the queue's lock.
    internal bool TryStart()
    {
        if (state is Queued or Leading)
        {
            state = Running;
            return true;
        }

        return false;
    }

    internal bool TryDesignateLeader()
    {
        if (state == Queued)
        {
            state = Leading;
            return true;
        }

        return false;
    }

    /// <summary>Drops work still waiting in line; a designated leader runs its work.</summary>
    internal bool TryAbandon()
    {
        if (state == Queued)
        {
            state = Abandoned;
            return true;
        }

        return false;
    }

    internal void Finish() => state = Done;

    // The signals below run outside the lock.
    internal void Lead() => signal.TrySetResult(false);

    internal void Committed() => signal.TrySetResult(true);

    internal void Cancelled(CancellationToken cancellationToken) => signal.TrySetCanceled(cancellationToken);

    internal void Failed(Exception failure) => signal.TrySetException(failure);
}
