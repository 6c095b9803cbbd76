using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// The connection a ledger thread keeps between its batches, outside the pool's line: the thread
/// never waits behind callers for a pooled connection (a pool whose callers block the thread
/// pool can take seconds to hand one over). A lost connection is dropped and the next batch opens
/// another, on whichever server is the primary by then.
/// </summary>
internal sealed class HeldConnection
{
    private readonly NpgsqlDataSource dataSource;
    private NpgsqlConnection? connection;

    internal HeldConnection(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>The open connection, opened anew when there is none or it broke.</summary>
    internal NpgsqlConnection Open()
    {
        if (connection is { State: System.Data.ConnectionState.Open } open && !open.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            return open;
        }

        Drop();
        connection = dataSource.OpenConnection();
        return connection;
    }

    /// <summary>Closes the connection, if any.</summary>
    internal void Drop()
    {
        connection?.Dispose();
        connection = null;
    }
}
