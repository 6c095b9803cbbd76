using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace ContactRules.Storage.Tests;

/// <summary>
/// The test worker (tests/ContactRules.Storage.TestWorker) run as a separate process: another
/// dialer on the same machine, or one to be killed between reserve and complete.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = new List<string>();
    private readonly StringWriter errors = new StringWriter();

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    public static ChildProcess Start(params string[] arguments) => StartAs(null, arguments);

    /// <summary>Starts the worker as another user (<c>runuser</c>, when the tests run as root), or as this one when <paramref name="user"/> is null.</summary>
    public static ChildProcess StartAs(string? user, params string[] arguments)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "ContactRules.Storage.TestWorker.dll");
        if (!File.Exists(worker))
        {
            throw new InvalidOperationException($"The test worker was not built next to the tests ({worker}).");
        }

        var start = new ProcessStartInfo(user is null ? "dotnet" : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (user is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add("dotnet");
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
            start.Environment["HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(worker);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test worker.");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child.lines)
                {
                    child.lines.Add(e.Data);
                    Monitor.PulseAll(child.lines);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child.errors)
                {
                    child.errors.WriteLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToList();
            }
        }
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/>.</summary>
    public string WaitForLine(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (lines)
        {
            while (true)
            {
                var found = lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (found is not null)
                {
                    return found;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || process.HasExited && !Monitor.Wait(lines, 200))
                {
                    throw new TimeoutException($"The worker wrote no '{prefix}' line within {timeout}. Output: {string.Join(" | ", lines)} Errors: {errors}");
                }

                Monitor.Wait(lines, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>Waits for the worker to end and returns its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            Kill();
            throw new TimeoutException($"The worker did not finish within {timeout}. Errors: {errors}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>Freezes the worker (SIGSTOP), as a hung machine would: its connections and locks stay.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen worker go on (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>Writes a line to the worker's input.</summary>
    public void Send(string line)
    {
        process.StandardInput.WriteLine(line);
        process.StandardInput.Flush();
    }

    /// <summary>Kills the worker at once (SIGKILL): no cleanup, no completion, as a crash would.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {process.Id}");
        kill.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
