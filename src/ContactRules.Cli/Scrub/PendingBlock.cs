using System;
using System.Collections.Generic;
using ContactRules.Cli.Csv;
using ContactRules.Storage;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// The rows of a list waiting for their block to be read from the ledger together: each row's
/// fields copied into one buffer reused from block to block, its line, and the person to read
/// (contact id and number). A row's request is built only once the ledger has answered, and only
/// for a person with something stored or a decision not yet kept (a list of millions of rows
/// repeats a few hundred combinations, and most people have nothing stored).
/// </summary>
internal sealed class PendingBlock
{
    private readonly int fieldCount;
    private readonly int capacity;
    private readonly int[] starts;
    private readonly int[] lengths;
    private readonly long[] lines;
    private readonly Contact[] contacts;
    private readonly string[] numbers;
    private readonly Row row;
    private byte[] bytes = new byte[1 << 16];
    private int used;

    internal PendingBlock(int capacity, int fieldCount)
    {
        this.capacity = capacity;
        this.fieldCount = fieldCount;
        starts = new int[capacity * fieldCount];
        lengths = new int[capacity * fieldCount];
        lines = new long[capacity];
        contacts = new Contact[capacity];
        numbers = new string[capacity];
        row = new Row(this);
    }

    /// <summary>The ledger's answer for the block's people, once asked: their snapshots, or why they could not be read.</summary>
    internal LedgerRead? Snapshots { get; set; }

    /// <summary>The rows waiting.</summary>
    internal int Count { get; private set; }

    internal bool IsFull => Count == capacity;

    /// <summary>The people of the rows.</summary>
    internal ReadOnlySpan<Contact> Contacts => contacts.AsSpan(0, Count);

    /// <summary>The people of the rows, for the ledger's bulk read.</summary>
    internal IReadOnlyList<Contact> ContactList => new ArraySegment<Contact>(contacts, 0, Count);

    /// <summary>The numbers of the rows, E.164, for the registries' batch lookup.</summary>
    internal ReadOnlySpan<string> Numbers => numbers.AsSpan(0, Count);

    internal long Line(int index) => lines[index];

    /// <summary>Row <paramref name="index"/>'s fields (valid until the next <see cref="Fields"/> call).</summary>
    internal RowFields Fields(int index)
    {
        row.Index = index;
        return row;
    }

    /// <summary>Copies the reader's row into the block.</summary>
    internal void Add(CsvReader reader, string number, string? contactId)
    {
        var index = Count++;
        for (var f = 0; f < fieldCount; f++)
        {
            var field = f < reader.FieldCount ? reader[f] : ReadOnlySpan<byte>.Empty;
            if (used + field.Length > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + field.Length));
            }

            field.CopyTo(bytes.AsSpan(used));
            starts[(index * fieldCount) + f] = used;
            lengths[(index * fieldCount) + f] = field.Length;
            used += field.Length;
        }

        lines[index] = reader.Line;
        numbers[index] = number;

        // The ledger finds a person by id, and their registry entries by number.
        contacts[index] = new Contact(contactId ?? number) { PhoneNumber = number };
    }

    internal void Clear()
    {
        Snapshots = null;
        // The ledger's read of the block has finished (Complete waited for it).
        Array.Clear(contacts, 0, Count);
        Array.Clear(numbers, 0, Count);
        Count = 0;
        used = 0;
    }

    private sealed class Row : RowFields
    {
        private readonly PendingBlock block;

        internal Row(PendingBlock block)
        {
            this.block = block;
        }

        internal int Index { get; set; }

        internal override int Count => block.fieldCount;

        internal override ReadOnlySpan<byte> this[int column]
        {
            get
            {
                var at = (Index * block.fieldCount) + column;
                return new ReadOnlySpan<byte>(block.bytes, block.starts[at], block.lengths[at]);
            }
        }
    }
}
