using System;
using System.IO;
using System.Threading;

namespace ContactRules.Testing;

/// <summary>A folder of its own for one test (or one fixture), deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates an empty folder under the system's temporary folder.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contactrules-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> in the folder (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        for (var attempt = 1; Directory.Exists(Path); attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException) when (attempt < 3)
            {
                // A child process (a dialer killed mid-call, a server shutting down, Chromium's
                // helpers closing its profile) may still hold a file for an instant.
                Thread.Sleep(200);
            }
            catch (IOException)
            {
                // Still held: the system's temporary-file cleaner takes what is left.
                return;
            }
            catch (UnauthorizedAccessException)
            {
                // A file another user made in it (a PostgreSQL server run as its owner): left to
                // the same cleaner.
                return;
            }
        }
    }
}
