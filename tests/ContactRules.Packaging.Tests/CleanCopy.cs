using System;
using System.IO;
using System.Linq;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// A copy of the working tree as a fresh clone would have it: the repository's git history
/// (shared, so SourceLink still finds the commit) with the working tree's tracked and untracked,
/// not ignored, files laid over it. No bin/ or obj/ from earlier builds comes along, so a pack
/// that only works on an already-built tree fails here as it would for a user.
/// </summary>
internal static class CleanCopy
{
    public static string Make(string repository, string destination)
    {
        var (cloneExit, cloneOutput) = Git(Path.GetDirectoryName(destination)!, "clone", "--quiet", "--shared", "--no-checkout", repository, destination);
        if (cloneExit != 0)
        {
            throw new InvalidOperationException("git clone of the repository failed: " + cloneOutput);
        }

        var (listExit, files) = Git(repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        if (listExit != 0)
        {
            throw new InvalidOperationException("git ls-files failed: " + files);
        }

        foreach (var relative in files.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(repository, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree and not yet committed: a clone of this state has no such file
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }

        // The clone's index still describes its checked-out commit; refresh it so that the copy
        // reads as that commit plus the working tree's changes (what SourceLink and pack see).
        Git(destination, "reset", "--quiet");
        return destination;
    }

    private static (int ExitCode, string Output) Git(string workingDirectory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
