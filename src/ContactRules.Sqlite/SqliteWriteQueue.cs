using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace ContactRules.Sqlite;

/// <summary>
/// Group commit for the ledger's writes in this process: writers queue their work; the first in
/// line runs everything queued in one immediate transaction, each piece of work in a savepoint of
/// its own, and releases every writer after the commit. Work runs in arrival order, so each
/// reservation still decides on every reservation recorded before it; a writer returns only when
/// its work is committed. One transaction for many writes is what lets a file that every process
/// must lock in turn keep up with many dialer threads.
/// </summary>
internal sealed class SqliteWriteQueue
{
    private const int MaxBatch = 256;

    private readonly Queue<Work> queue = new Queue<Work>();
    private readonly Action<List<Work>> runBatch;
    private readonly int timeoutMilliseconds;
    private bool draining;

    internal SqliteWriteQueue(Action<List<Work>> runBatch, int timeoutMilliseconds)
    {
        this.runBatch = runBatch;
        this.timeoutMilliseconds = timeoutMilliseconds;
    }

    internal T Run<T>(bool flush, bool isolated, Func<SqliteTransaction, T> body, string ledgerName)
    {
        var work = new Work(flush, isolated, transaction => body(transaction)!);
        var lead = false;
        lock (queue)
        {
            queue.Enqueue(work);
            if (!draining)
            {
                draining = true;
                lead = true;
            }
        }

        if (lead)
        {
            Drain(work);
        }
        else
        {
            Wait(work, ledgerName);
        }

        if (work.Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return (T)work.Result!;
    }

    /// <summary>
    /// Runs batches until <paramref name="own"/> is done, then hands the lead to a waiting writer,
    /// so that no caller keeps running other callers' work while its own has returned.
    /// </summary>
    private void Drain(Work own)
    {
        var batch = new List<Work>();
        while (true)
        {
            batch.Clear();
            lock (queue)
            {
                if (own.State == WorkState.Done)
                {
                    draining = false;
                    Monitor.PulseAll(queue);
                    return;
                }

                while (queue.Count > 0 && batch.Count < MaxBatch)
                {
                    var next = queue.Dequeue();
                    if (next.State == WorkState.Queued)
                    {
                        next.State = WorkState.Running;
                        batch.Add(next);
                    }
                }
            }

            try
            {
                runBatch(batch);
            }
            catch (Exception failure)
            {
                foreach (var work in batch)
                {
                    work.Failure ??= failure;
                }
            }

            lock (queue)
            {
                foreach (var work in batch)
                {
                    work.State = WorkState.Done;
                }

                Monitor.PulseAll(queue);
            }
        }
    }

    private void Wait(Work work, string ledgerName)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        lock (queue)
        {
            while (work.State != WorkState.Done)
            {
                var left = timeoutMilliseconds - waited.ElapsedMilliseconds;
                if (work.State == WorkState.Queued && left <= 0)
                {
                    // Never started: it is dropped, and the caller is told nothing was written.
                    work.State = WorkState.Abandoned;
                    throw new TimeoutException($"The ledger '{ledgerName}' was busy with other writes for longer than the operation timeout; nothing was written.");
                }

                if (work.State == WorkState.Queued && !draining)
                {
                    // The previous leader finished between our enqueue and now: lead ourselves.
                    draining = true;
                    Monitor.Exit(queue);
                    try
                    {
                        Drain(work);
                    }
                    finally
                    {
                        Monitor.Enter(queue);
                    }

                    continue;
                }

                // A started batch always ends: its statements have their own timeouts.
                Monitor.Wait(queue, work.State == WorkState.Queued ? (int)Math.Max(1, left) : 100);
            }
        }
    }

    internal enum WorkState
    {
        Queued,
        Running,
        Done,
        Abandoned,
    }

    /// <summary>One writer's work and its outcome.</summary>
    internal sealed class Work
    {
        internal Work(bool flush, bool isolated, Func<SqliteTransaction, object> body)
        {
            Flush = flush;
            Isolated = isolated;
            Body = body;
        }

        internal bool Flush { get; }

        /// <summary>
        /// True when the work may fail after writing part of its rows, so that it needs a
        /// savepoint of its own; false when it either writes everything or fails before its
        /// first write (a reservation decides, then inserts once).
        /// </summary>
        internal bool Isolated { get; }

        internal Func<SqliteTransaction, object> Body { get; }

        internal WorkState State { get; set; }

        internal object? Result { get; set; }

        internal Exception? Failure { get; set; }
    }
}
