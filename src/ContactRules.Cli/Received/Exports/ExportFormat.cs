namespace ContactRules.Cli.Received.Exports;

/// <summary>The kinds of export <c>contactrules received</c> reads, recognised from a file's content.</summary>
internal enum ExportFormat
{
    /// <summary>SMS Backup &amp; Restore's call log, <c>calls-*.xml</c> (root <c>&lt;calls&gt;</c>).</summary>
    AndroidCalls,

    /// <summary>SMS Backup &amp; Restore's messages, <c>sms-*.xml</c> (root <c>&lt;smses&gt;</c>).</summary>
    AndroidMessages,

    /// <summary>A plain CSV file with a header row (<c>instant</c>, <c>number</c>, <c>direction</c>, ...).</summary>
    PlainCsv,

    /// <summary>The iPhone's call history database, <c>CallHistory.storedata</c> (SQLite, table <c>ZCALLRECORD</c>).</summary>
    IPhoneCallHistory,
}
