using ContactRules.Storage;

namespace ContactRules.Sqlite;

/// <summary>The settings of a <see cref="SqliteContactLedger"/>: the file, and how hard each write is pushed to disk.</summary>
public sealed class SqliteContactLedgerOptions : ContactLedgerOptions
{
    /// <summary>Creates options for the ledger file at <paramref name="path"/>.</summary>
    /// <param name="path">The ledger file. Created (with its schema) when missing; every process sharing the ledger names the same file.</param>
    /// <param name="phoneNumbers">The keyed hash used for phone numbers in tables and logs.</param>
    public SqliteContactLedgerOptions(string path, PhoneNumberHasher phoneNumbers)
        : base(phoneNumbers)
    {
        Path = Internal.Preconditions.CheckNotEmpty(path, nameof(path));
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }

    /// <summary>
    /// When true, every write, attempts included, is flushed to the disk before it returns
    /// (SQLite <c>synchronous=FULL</c>), so that it survives a power cut. When false (the
    /// default), attempts and outcomes survive a crash of any process but may lose the last
    /// moments before a power cut or kernel crash (<c>synchronous=NORMAL</c> in WAL mode), which
    /// is many times faster. Consents, revocations and opt-outs are always flushed.
    /// </summary>
    public bool FlushEveryWrite { get; init; }

    /// <summary>
    /// When true (the default), opening an existing file runs SQLite's <c>quick_check</c>, so
    /// that a damaged file is refused with a clear error at once rather than at the first read
    /// that touches the damage. Takes about a second per few hundred megabytes.
    /// </summary>
    public bool CheckIntegrityOnOpen { get; init; } = true;
}
