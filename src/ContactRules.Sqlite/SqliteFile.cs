using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace ContactRules.Sqlite;

/// <summary>
/// What can be told about a ledger file from its bytes alone, before SQLite is allowed near it:
/// SQLite itself writes to a file as soon as it is asked to make it a WAL database, so an empty,
/// torn or foreign file must be refused first, and left exactly as it was.
/// </summary>
internal static class SqliteFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Refuses a file that cannot be a SQLite database whole; reads its header and length only.</summary>
    /// <exception cref="InvalidDataException">The file is empty, is not a SQLite database, or is shorter than its header says.</exception>
    internal static void Inspect(string fullPath)
    {
        var header = new byte[100];
        long length;
        int read;
        using (var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            length = file.Length;
            read = ReadUpTo(file, header);
        }

        if (length == 0)
        {
            throw NoLedger(fullPath, "it is empty");
        }

        if (read < header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Damaged(fullPath, "its header is not a SQLite database's");
        }

        // The page size (1 meaning 65,536), and the size in pages, valid when the change counter
        // and the "version valid for" number agree (https://www.sqlite.org/fileformat2.html).
        var storedPageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16, 2));
        var pageSize = storedPageSize == 1 ? 65536 : storedPageSize;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            throw Damaged(fullPath, $"its header names a page size of {pageSize} bytes");
        }

        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28, 4));
        var sizeValid = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24, 4)) == BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92, 4));
        if (length % pageSize != 0 || (sizeValid && pages > 0 && length < (long)pages * pageSize))
        {
            throw Damaged(fullPath, $"it is {length} bytes long where its header says {pages} pages of {pageSize} bytes: it was cut short");
        }
    }

    /// <summary>The file is empty or holds no ledger.</summary>
    internal static InvalidDataException NoLedger(string fullPath, string why)
        => new InvalidDataException(
            $"The file '{fullPath}' holds no ContactRules ledger: {why}. "
            + "A ledger file is written whole when created and never empty after: restore it from a backup, or move it away to start an empty ledger. The file was left as it was.");

    /// <summary>The file is damaged.</summary>
    internal static InvalidDataException Damaged(string fullPath, string why, Exception? inner = null)
        => new InvalidDataException($"The ledger file '{fullPath}' is damaged or is not a ledger ({why}). Restore it from a backup; nothing was read from it, and the file was left as it was.", inner);

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
