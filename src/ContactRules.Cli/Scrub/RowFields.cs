using System;
using ContactRules.Cli.Csv;

namespace ContactRules.Cli.Scrub;

/// <summary>The fields of one row of a call list, wherever they are held: in the reader, or copied into a block waiting for the ledger.</summary>
internal abstract class RowFields
{
    /// <summary>The field of <paramref name="column"/> (from 0), as UTF-8 bytes.</summary>
    internal abstract ReadOnlySpan<byte> this[int column] { get; }

    /// <summary>The number of fields.</summary>
    internal abstract int Count { get; }
}

/// <summary>The row the reader is on.</summary>
internal sealed class ReaderFields : RowFields
{
    private readonly CsvReader reader;

    internal ReaderFields(CsvReader reader)
    {
        this.reader = reader;
    }

    internal override ReadOnlySpan<byte> this[int column] => reader[column];

    internal override int Count => reader.FieldCount;
}
