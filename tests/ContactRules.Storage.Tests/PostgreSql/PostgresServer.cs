using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Npgsql;

namespace ContactRules.Storage.Tests.PostgreSql;

/// <summary>
/// A throw-away PostgreSQL server for the tests: initdb into a temp folder, a free port on
/// 127.0.0.1 only, the unix socket in the same folder, run as the <c>postgres</c> user when the
/// tests run as root (initdb refuses root); stopped and deleted at the end. When the environment
/// variable <c>CONTACTRULES_TEST_POSTGRES</c> holds a connection string, that server is used
/// instead. No test is skipped for want of a server: when the binaries are missing, the fixture
/// fails with what to install.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string ConnectionStringVariable = "CONTACTRULES_TEST_POSTGRES";

    private readonly TempFolder? temp;
    private readonly string? binaries;
    private int schemas;

    public PostgresServer()
        : this(durable: false)
    {
    }

    /// <param name="durable">True to keep fsync on (benchmarks); tests turn it off, they never pull the plug.</param>
    internal PostgresServer(bool durable)
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        binaries = FindBinaries();
        temp = new TempFolder();
        var folder = temp.Path;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {folder}");
        }

        Port = FreePort();
        var data = Path.Combine(folder, "data");
        PgAsOwner(asRoot, "initdb", $"-D {data} -A trust -U postgres --no-sync -E UTF8 --locale=C");
        File.AppendAllText(
            Path.Combine(data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {Port}\nunix_socket_directories = '{folder}'\nmax_connections = 200\n"
            + (durable ? string.Empty : "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"));
        Data = data;
        AsRoot = asRoot;
        Start();
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";
    }

    public string ConnectionString { get; }

    public int Port { get; }

    private string? Data { get; }

    private bool AsRoot { get; }

    /// <summary>A schema name no other test uses, so that tests sharing the server never see each other's rows.</summary>
    public string NewSchema() => $"t{Environment.ProcessId}_{Interlocked.Increment(ref schemas)}_{Guid.NewGuid().ToString("N").Substring(0, 6)}";

    /// <summary>Stops the server now (fast shutdown: connections are cut), as a crash or an operator would.</summary>
    public void Stop() => PgAsOwner(AsRoot, "pg_ctl", $"-D {Data} -m fast -w stop");

    /// <summary>Starts the server again on the same port and data.</summary>
    public void Start() => PgAsOwner(AsRoot, "pg_ctl", $"-D {Data} -l {temp!.File("server.log")} -w -t 60 start");

    /// <summary>
    /// Freezes the server as a hung machine would: SIGSTOP to the postmaster and every backend
    /// (this test's own server only). Connections stay open; nothing answers.
    /// </summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen server go on (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>Runs SQL as the superuser (tampering, inspection).</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (temp is null)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            PgAsOwner(AsRoot, "pg_ctl", $"-D {Data} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped by a test.
        }

        temp.Dispose();
    }

    private void Signal(string signal)
    {
        if (Data is null)
        {
            throw new InvalidOperationException($"Only a server started by the tests can be frozen; unset {ConnectionStringVariable}.");
        }

        var postmaster = int.Parse(File.ReadLines(Path.Combine(Data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var processes = new List<int> { postmaster };
        processes.AddRange(ProcessTree.Children(postmaster));
        Run("kill", $"-{signal} {string.Join(" ", processes)}");
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries (initdb) were found in /usr/lib/postgresql/*/bin or on PATH. Install them (apt-get install -y postgresql; .ci/run does) or set {ConnectionStringVariable} to a connection string.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void PgAsOwner(bool asRoot, string tool, string arguments)
    {
        var path = Path.Combine(binaries!, tool);
        if (asRoot)
        {
            Run("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
