namespace ContactRules.Hosting;

/// <summary>Where the gate keeps attempts, consents, opt-outs and its evidence log.</summary>
public enum ContactRulesStore
{
    /// <summary>The embedded default: one SQLite file, safe across restarts and processes on one machine.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL, for many dialer nodes sharing one ledger.</summary>
    PostgreSql = 1,

    /// <summary>This process's memory: for tests and tools; forgotten at exit.</summary>
    InMemory = 2,
}
