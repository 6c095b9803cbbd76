using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ContactRules.Cli.Output;

/// <summary>
/// A write-only stream that gathers what it is given into buffers of 1 MiB and writes each full
/// buffer to the stream beneath on a thread of its own, in order. A scrub's output file is a
/// large share of its run (190 MB for a million rows with a ledger: the kernel's copy into the
/// page cache alone was an eighth of the CPU, all of it on the thread that decides the rows,
/// docs/benchmarks-scrub.md); written behind, it overlaps the decisions of the next rows.
/// </summary>
/// <remarks>
/// At most <see cref="Depth"/> buffers wait to be written, so memory stays bounded (a few MiB)
/// whatever the list's size. A failure of the stream beneath (a full disk) is never lost: the
/// next <see cref="Write(ReadOnlySpan{byte})"/>, <see cref="Flush"/> or the dispose throws it, and
/// nothing is written after it.
/// </remarks>
internal sealed class WriteBehindStream : WriteOnlyStream
{
    private const int BufferSize = 1 << 20;
    private const int Depth = 4;

    private readonly Stream inner;
    private readonly Thread writer;

    // Guarded by 'gate': the buffers handed to the writing thread, the buffers it gave back, and
    // how it ended.
    private readonly object gate = new object();
    private readonly Queue<(byte[] Buffer, int Count)> full = new Queue<(byte[] Buffer, int Count)>();
    private readonly Stack<byte[]> free = new Stack<byte[]>();
    private Exception? failure;
    private bool completing;

    // Only the writing caller's.
    private byte[] current = new byte[BufferSize];
    private int used;
    private bool failureThrown;
    private bool disposed;

    /// <summary>Writes behind into <paramref name="inner"/>, which it owns (disposing this disposes it).</summary>
    internal WriteBehindStream(Stream inner)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        writer = new Thread(WriteBuffers) { IsBackground = true, Name = "contactrules output" };
        writer.Start();
    }

    public override bool CanWrite => !disposed;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (!buffer.IsEmpty)
        {
            var taken = Math.Min(buffer.Length, current.Length - used);
            buffer.Slice(0, taken).CopyTo(current.AsSpan(used));
            used += taken;
            buffer = buffer.Slice(taken);
            if (used == current.Length)
            {
                HandOff();
            }
        }
    }

    /// <summary>Writes everything given so far to the stream beneath, waits for it, and flushes that stream.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        HandOff();
        lock (gate)
        {
            while (full.Count > 0)
            {
                Monitor.Wait(gate);
            }

            ThrowIfFailed();
        }

        // The writing thread is idle: nothing is queued, and only this caller queues.
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing || disposed)
        {
            base.Dispose(disposing);
            return;
        }

        try
        {
            // A failure already thrown to the caller is not thrown again from a dispose in a
            // finally block (it would hide the caller's own handling of it).
            if (!failureThrown)
            {
                Flush();
            }
        }
        finally
        {
            disposed = true;
            lock (gate)
            {
                completing = true;
                Monitor.PulseAll(gate);
            }

            writer.Join();
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Queues the current buffer for the writing thread (waiting while <see cref="Depth"/> buffers wait already).</summary>
    private void HandOff()
    {
        if (used == 0)
        {
            lock (gate)
            {
                ThrowIfFailed();
            }

            return;
        }

        lock (gate)
        {
            while (full.Count >= Depth && failure is null)
            {
                Monitor.Wait(gate);
            }

            ThrowIfFailed();
            full.Enqueue((current, used));
            current = free.Count > 0 ? free.Pop() : new byte[BufferSize];
            Monitor.PulseAll(gate);
        }

        used = 0;
    }

    /// <summary>Throws the stream beneath's failure, if any; called under the lock.</summary>
    private void ThrowIfFailed()
    {
        if (failure is { } thrown)
        {
            failureThrown = true;
            ExceptionDispatchInfo.Capture(thrown).Throw();
        }
    }

    /// <summary>The writing thread: each queued buffer in order, until disposed; nothing more after a failure.</summary>
    private void WriteBuffers()
    {
        while (true)
        {
            (byte[] Buffer, int Count) next;
            lock (gate)
            {
                while (full.Count == 0 && !completing)
                {
                    Monitor.Wait(gate);
                }

                if (full.Count == 0)
                {
                    return;
                }

                next = full.Peek();
            }

            Exception? failed = null;
            if (Volatile.Read(ref failure) is null)
            {
                try
                {
                    inner.Write(next.Buffer, 0, next.Count);
                }
                catch (Exception e)
                {
                    failed = e;
                }
            }

            lock (gate)
            {
                failure ??= failed;
                full.Dequeue();
                free.Push(next.Buffer);
                Monitor.PulseAll(gate);
            }
        }
    }
}
