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
/// A throw-away highly available PostgreSQL on this machine, made by pg_auto_failover (Debian
/// package <c>postgresql-15-auto-failover</c>): a monitor, a primary and a synchronous standby,
/// each on a free port of 127.0.0.1, run as the <c>postgres</c> user when the tests run as root.
/// The monitor's health checks are shortened (a second instead of five, a node unhealthy after
/// two seconds instead of twenty) so that a failover takes seconds, not half a minute.
/// </summary>
public sealed class PostgresHighAvailability : IDisposable
{
    private readonly TempFolder temp;
    private readonly string folder;
    private readonly bool asRoot = Environment.UserName == "root";
    private readonly string binaries;
    private readonly Dictionary<int, Process> keepers = new Dictionary<int, Process>();
    private Process? monitor;

    public PostgresHighAvailability()
    {
        binaries = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("No PostgreSQL server binaries in /usr/lib/postgresql/*/bin: apt-get install -y postgresql postgresql-15-auto-failover (.ci/run does).");
        if (!File.Exists("/usr/bin/pg_autoctl"))
        {
            throw new InvalidOperationException("pg_autoctl is missing: apt-get install -y postgresql-15-auto-failover (.ci/run does).");
        }

        temp = new TempFolder();
        folder = temp.Path;
        if (asRoot)
        {
            Run("chown", "postgres:postgres " + folder);
        }

        try
        {
            MonitorPort = FreePort();
            NodePorts = new[] { FreePort(), FreePort() };
            AutoCtl($"create monitor --pgdata {Data("monitor")} --pgport {MonitorPort} --hostname 127.0.0.1 --auth trust --no-ssl --pgctl {binaries}/pg_ctl", wait: true);
            monitor = AutoCtl($"run --pgdata {Data("monitor")}", wait: false);
            WaitFor(() => Monitor("SELECT 1") == 1, TimeSpan.FromMinutes(1), "the monitor to start");
            foreach (var setting in new[] { "health_check_period = 1000", "health_check_timeout = 1000", "health_check_max_retries = 1", "health_check_retry_delay = 500", "node_considered_unhealthy_timeout = 2000", "primary_demote_timeout = 2000" })
            {
                MonitorExecute("ALTER SYSTEM SET pgautofailover." + setting);
            }

            MonitorExecute("SELECT pg_reload_conf()");
            var uri = $"postgres://autoctl_node@127.0.0.1:{MonitorPort}/pg_auto_failover?sslmode=disable";
            for (var i = 0; i < NodePorts.Count; i++)
            {
                var port = NodePorts[i];
                keepers[port] = AutoCtl($"create postgres --pgdata {Data("node" + port)} --pgport {port} --hostname 127.0.0.1 --auth trust --no-ssl --pgctl {binaries}/pg_ctl --monitor {uri} --run", wait: false);
                var nodes = i + 1;
                WaitFor(() => Monitor($"SELECT count(*) FROM pgautofailover.node WHERE reportedstate IN ('primary', 'secondary', 'single') AND reportedstate = goalstate") == nodes, TimeSpan.FromMinutes(3), $"node {nodes} to join");
            }

            WaitFor(() => Monitor("SELECT count(*) FROM pgautofailover.node WHERE reportedstate = 'secondary' AND goalstate = 'secondary'") == 1, TimeSpan.FromMinutes(2), "the standby to be synchronous");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int MonitorPort { get; }

    public IReadOnlyList<int> NodePorts { get; }

    /// <summary>What a dialer node is given: every node, and only the primary is used.</summary>
    public string ConnectionString
        => $"Host={string.Join(",", NodePorts.Select(p => "127.0.0.1:" + p))};Username=postgres;Database=postgres;Target Session Attributes=primary;Host Recheck Seconds=1";

    /// <summary>The port of the node the monitor says is the primary now.</summary>
    public int PrimaryPort => (int)Monitor("SELECT nodeport FROM pgautofailover.node WHERE reportedstate IN ('primary', 'wait_primary', 'single') ORDER BY nodeid LIMIT 1");

    /// <summary>The node's setting, read on that node.</summary>
    public string Setting(int port, string name)
    {
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand("SELECT current_setting($1)", connection);
        command.Parameters.AddWithValue(name);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// The primary's machine is lost: SIGKILL to its postmaster, its backends and its keeper
    /// (which would otherwise restart it), as a power cut would.
    /// </summary>
    public int KillPrimary()
    {
        var port = PrimaryPort;
        var pids = new List<int>();
        var postmaster = File.ReadLines(Path.Combine(Data("node" + port), "postmaster.pid")).First();
        pids.Add(int.Parse(postmaster, System.Globalization.CultureInfo.InvariantCulture));
        pids.AddRange(ProcessTree.Descendants(pids[0]));
        pids.Add(keepers[port].Id);
        pids.AddRange(ProcessTree.Descendants(keepers[port].Id));
        // One signal for all: a short-lived helper process may end meanwhile (kill then fails for
        // it alone); what matters is that the postmaster is gone.
        using (var kill = Process.Start(new ProcessStartInfo("kill", "-KILL " + string.Join(" ", pids.Distinct())) { RedirectStandardError = true, UseShellExecute = false })!)
        {
            kill.StandardError.ReadToEnd();
            kill.WaitForExit(60_000);
        }

        WaitFor(() => !Directory.Exists("/proc/" + pids[0]) || File.ReadAllText("/proc/" + pids[0] + "/stat").Contains(") Z ", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the primary's postmaster to die");
        return port;
    }

    /// <summary>Waits until another node than <paramref name="lost"/> is the primary and accepts writes.</summary>
    public int WaitForPromotion(int lost, TimeSpan timeout)
    {
        var promoted = NodePorts.Single(p => p != lost);
        WaitFor(
            () =>
            {
                using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={promoted};Username=postgres;Database=postgres;Pooling=false;Timeout=2");
                connection.Open();
                using var command = new NpgsqlCommand("SELECT NOT pg_is_in_recovery()", connection);
                return command.ExecuteScalar() is true ? 1 : 0;
            },
            1,
            timeout,
            "the standby to be promoted");
        return promoted;
    }

    public void Dispose()
    {
        foreach (var process in keepers.Values.Append(monitor).OfType<Process>())
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }

        // A postmaster outlives its keeper's process tree when it was started apart.
        foreach (var data in Directory.Exists(folder) ? Directory.GetDirectories(folder) : Array.Empty<string>())
        {
            var pid = Path.Combine(data, "postmaster.pid");
            if (File.Exists(pid) && int.TryParse(File.ReadLines(pid).FirstOrDefault(), out var postmaster))
            {
                try
                {
                    Run("kill", "-KILL " + postmaster);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }

        NpgsqlConnection.ClearAllPools();
        temp.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
        => WaitFor(() => condition() ? 1 : 0, 1, timeout, what);

    private static void WaitFor(Func<long> value, long expected, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        while (watch.Elapsed < timeout)
        {
            try
            {
                if (value() == expected)
                {
                    return;
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                last = e;
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException($"Waited {timeout} for {what}." + (last is null ? string.Empty : " Last error: " + last.Message));
    }

    private string Data(string name) => Path.Combine(folder, name);

    private long Monitor(string sql)
    {
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={MonitorPort};Username=postgres;Database=pg_auto_failover;Pooling=false;Timeout=5");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void MonitorExecute(string sql)
    {
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={MonitorPort};Username=postgres;Database=pg_auto_failover;Pooling=false;Timeout=5");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs pg_autoctl as the server's owner, with its state files in the test's folder.</summary>
    private Process AutoCtl(string arguments, bool wait)
    {
        var environment = $"XDG_CONFIG_HOME={folder}/config XDG_DATA_HOME={folder}/data XDG_RUNTIME_DIR={folder}/run PG_CONFIG={binaries}/pg_config";
        var command = $"env {environment} /usr/bin/pg_autoctl {arguments}";
        var start = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {command}")
            : new ProcessStartInfo("env", $"{environment} /usr/bin/pg_autoctl {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var log = new StreamWriter(Path.Combine(folder, "autoctl-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pg_autoctl.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (wait)
        {
            if (!process.WaitForExit(180_000) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pg_autoctl {arguments} failed; see the logs in {folder}.");
            }

            process.WaitForExit();
            process.Dispose();
        }

        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, UseShellExecute = false }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {error.Result}");
        }
    }
}
