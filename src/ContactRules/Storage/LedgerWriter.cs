using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ContactRules.Storage;

/// <summary>
/// Group commit on a thread of the ledger's own (shared by the durable ledgers through
/// InternalsVisibleTo): callers queue their work and wait for it with their deadline; the thread
/// takes everything queued, up to a batch, runs it in one transaction in arrival order, and wakes
/// each caller whose work is done.
/// </summary>
/// <remarks>
/// <para>
/// Why a thread of its own: a caller never does the store's I/O itself, so whatever the store
/// does (a server frozen mid-statement, a file lock held by a stuck process), every caller is
/// answered at its deadline, synchronous or asynchronous alike; and the thread does synchronous
/// I/O that never needs the thread pool, so callers blocking pool threads can never stall it.
/// Synchronous and asynchronous callers share the same batches.
/// </para>
/// <para>
/// A caller whose deadline passes, or whose token is cancelled, before its work is committing is
/// told that nothing was written, and the batch leaves the work out (see <see cref="LedgerWork"/>).
/// A batch may put a work back in line (<see cref="LedgerWork.TryRequeue"/>: its person was
/// locked by another node): it is tried again in the next batch, until its deadline.
/// </para>
/// </remarks>
/// <typeparam name="TWork">The work a batch runs.</typeparam>
internal sealed class LedgerWriter<TWork> : IDisposable
    where TWork : LedgerWork
{
    /// <summary>How long the thread waits before retrying work that was put back in line, when nothing else is queued.</summary>
    private const int RetryPauseMilliseconds = 2;

    private readonly Queue<TWork> queue = new Queue<TWork>();
    private readonly List<TWork> retries = new List<TWork>();
    private readonly Action<List<TWork>> runBatch;
    private readonly Func<TWork, bool> isRetry;
    private readonly int maxBatch;
    private readonly string name;
    private readonly Thread thread;
    private bool stopping;

    /// <param name="name">The ledger, for messages and the thread's name.</param>
    /// <param name="maxBatch">The most work in one batch.</param>
    /// <param name="runBatch">Runs a batch; sets each work's result or <see cref="LedgerWork.Failure"/>, or throws for the whole batch.</param>
    /// <param name="isRetry">True for a work the batch put back in line.</param>
    internal LedgerWriter(string name, int maxBatch, Action<List<TWork>> runBatch, Func<TWork, bool>? isRetry = null)
    {
        this.name = name;
        this.maxBatch = maxBatch;
        this.runBatch = runBatch;
        this.isRetry = isRetry ?? (_ => false);
        thread = new Thread(Loop) { IsBackground = true, Name = "ContactRules ledger writer" };
        thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> in turn; returns once it is done, or throws its failure or a timeout.</summary>
    internal void Run(TWork work)
    {
        Enqueue(work);
        work.Wait(name);
    }

    /// <summary>Runs <paramref name="work"/> in turn without holding a thread; see <see cref="Run"/>.</summary>
    internal Task RunAsync(TWork work)
    {
        Enqueue(work);
        return work.WaitAsync(name);
    }

    /// <summary>Stops the thread once the work queued is done, waiting for it at most <paramref name="timeout"/>.</summary>
    internal void Stop(TimeSpan timeout)
    {
        lock (queue)
        {
            stopping = true;
            Monitor.PulseAll(queue);
        }

        thread.Join(timeout);
    }

    public void Dispose() => Stop(TimeSpan.FromSeconds(10));

    private void Enqueue(TWork work)
    {
        work.CancellationToken.ThrowIfCancellationRequested();
        lock (queue)
        {
            if (stopping)
            {
                throw new ObjectDisposedException(name);
            }

            queue.Enqueue(work);
            Monitor.Pulse(queue);
        }
    }

    private void Loop()
    {
        var batch = new List<TWork>();
        while (true)
        {
            lock (queue)
            {
                if (retries.Count > 0)
                {
                    // Work put back in line goes first, in its order; when nothing new came, give
                    // the other node a moment to finish with the person.
                    if (queue.Count == 0 && !stopping)
                    {
                        Monitor.Wait(queue, RetryPauseMilliseconds);
                    }

                    foreach (var retry in retries)
                    {
                        if (stopping)
                        {
                            retry.Failure = new ObjectDisposedException(name);
                            retry.Finish();
                        }
                        else if (retry.TryStart())
                        {
                            batch.Add(retry);
                        }
                    }

                    retries.Clear();
                }

                while (queue.Count == 0 && batch.Count == 0 && !stopping)
                {
                    Monitor.Wait(queue);
                }

                while (queue.Count > 0 && batch.Count < maxBatch)
                {
                    var next = queue.Dequeue();
                    if (next.TryStart())
                    {
                        batch.Add(next);
                    }
                }

                if (stopping && batch.Count == 0)
                {
                    return;
                }
            }

            if (batch.Count == 0)
            {
                continue;
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

            foreach (var work in batch)
            {
                if (work.Failure is null && isRetry(work) && work.TryRequeue())
                {
                    retries.Add(work);
                }
                else
                {
                    work.Finish();
                }
            }

            batch.Clear();
        }
    }
}
