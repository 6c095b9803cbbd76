using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using ContactRules.Storage;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// The ledger's bulk read of one block's people, made by whichever thread comes to it first: a
/// thread-pool thread it was started on (while the scrub parses the next block), or the scrub's
/// own thread when it needs the answer before that thread has begun.
/// </summary>
/// <remarks>
/// On a machine whose cores are all busy a thread-pool thread may not run for several
/// milliseconds, a block's whole work: waiting for it made the overlapped scrub slower than the
/// one that reads on its own thread (docs/benchmarks-scrub.md, 6 December 2026: 2.4 s against
/// 1.5 s a million rows). Read here when nobody has begun, the scrub never waits for a thread
/// that has not run; it waits only for a read already under way.
/// </remarks>
internal sealed class LedgerRead : IThreadPoolWorkItem
{
    private readonly Func<(IReadOnlyList<ContactSnapshot>? Snapshots, Exception? Failure)> read;
    private readonly object gate = new object();
    private int claimed;
    private bool finished;
    private (IReadOnlyList<ContactSnapshot>? Snapshots, Exception? Failure) answer;
    private ExceptionDispatchInfo? thrown;

    /// <param name="read">The read; its failures to read are part of its answer.</param>
    internal LedgerRead(Func<(IReadOnlyList<ContactSnapshot>? Snapshots, Exception? Failure)> read)
    {
        this.read = read;
    }

    /// <summary>Lets a thread-pool thread make the read, ahead of <see cref="Answer"/>.</summary>
    internal void Start() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    /// <summary>The answer: read on this thread if no other has begun, otherwise waited for.</summary>
    internal (IReadOnlyList<ContactSnapshot>? Snapshots, Exception? Failure) Answer()
    {
        if (!TryRead())
        {
            lock (gate)
            {
                while (!finished)
                {
                    Monitor.Wait(gate);
                }
            }
        }

        thrown?.Throw();
        return answer;
    }

    void IThreadPoolWorkItem.Execute() => TryRead();

    private bool TryRead()
    {
        if (Interlocked.Exchange(ref claimed, 1) != 0)
        {
            return false;
        }

        try
        {
            answer = read();
        }
        catch (Exception e)
        {
            // Thrown to the scrub's thread, as a task would have.
            thrown = ExceptionDispatchInfo.Capture(e);
        }

        lock (gate)
        {
            finished = true;
            Monitor.PulseAll(gate);
        }

        return true;
    }
}
