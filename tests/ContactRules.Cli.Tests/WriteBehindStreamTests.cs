using System;
using System.IO;
using ContactRules.Cli.Output;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>The scrub's output written behind on a thread of its own: every byte, in order, and no failure lost.</summary>
public class WriteBehindStreamTests
{
    [Fact]
    public void Writes_of_every_size_arrive_whole_and_in_order()
    {
        // 7 MB in writes of 1 byte to 3 MiB: buffers of 1 MiB filled across writes, and writes
        // longer than several buffers, more than the four that may wait at once.
        var random = new Random(15);
        var expected = new MemoryStream();
        var inner = new RecordingStream();
        using (var stream = new WriteBehindStream(inner))
        {
            var sizes = new[] { 1, 2, 3, 100, 65_535, 1 << 20, (1 << 20) + 1, 3 << 20, 17, 999_999 };
            foreach (var size in sizes)
            {
                var chunk = new byte[size];
                random.NextBytes(chunk);
                stream.Write(chunk, 0, size);
                expected.Write(chunk, 0, size);
            }

            stream.Flush();
            Assert.Equal(expected.ToArray(), inner.Written.ToArray());
            Assert.True(inner.Flushes > 0);
            stream.Write(new byte[] { 42 });
        }

        // Disposing writes what came after the flush, then disposes the stream beneath.
        Assert.Equal(expected.Length + 1, inner.Written.Length);
        Assert.Equal(42, inner.Written.ToArray()[^1]);
        Assert.True(inner.Disposed);
    }

    [Fact]
    public void A_failure_of_the_file_is_thrown_to_the_writer_once_and_nothing_is_written_after_it()
    {
        // The disk fills after the first mebibyte: the second buffer's write fails on the
        // writing thread; the caller must hear of it (an IOException the scrub reports), and a
        // dispose in a finally block must not throw it a second time over the caller's handling.
        var inner = new RecordingStream { FailAfter = 1 << 20 };
        var stream = new WriteBehindStream(inner);
        var thrown = Assert.Throws<IOException>(() =>
        {
            var megabyte = new byte[1 << 20];
            for (var i = 0; i < 10; i++)
            {
                stream.Write(megabyte);
            }

            stream.Flush();
        });

        Assert.Equal("No space left on device", thrown.Message);
        stream.Dispose();
        Assert.Equal(1 << 20, inner.Written.Length);
        Assert.True(inner.Disposed);
    }

    [Fact]
    public void A_failure_on_the_last_buffer_is_thrown_by_the_dispose_when_nobody_heard_of_it()
    {
        var inner = new RecordingStream { FailAfter = 0 };
        var stream = new WriteBehindStream(inner);
        stream.Write(new byte[] { 1, 2, 3 });

        Assert.Throws<IOException>(() => stream.Dispose());
        Assert.True(inner.Disposed);
    }

    /// <summary>A stream that records what it is given, and fails like a full disk past a length.</summary>
    private sealed class RecordingStream : WriteOnlyStream
    {
        internal MemoryStream Written { get; } = new MemoryStream();

        internal int FailAfter { get; init; } = int.MaxValue;

        internal int Flushes { get; private set; }

        internal bool Disposed { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Written.Length + count > FailAfter)
            {
                throw new IOException("No space left on device");
            }

            Written.Write(buffer, offset, count);
        }

        public override void Flush() => Flushes++;

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
