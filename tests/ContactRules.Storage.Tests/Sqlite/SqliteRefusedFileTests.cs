using System;
using System.IO;
using ContactRules.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Sqlite;

/// <summary>
/// A file <see cref="SqliteContactLedger.Open"/> refuses is left exactly as it was: the same
/// bytes and the same modification time, so that what an operator restores or inspects is what
/// was there.
/// </summary>
public sealed class SqliteRefusedFileTests : IDisposable
{
    private readonly TempFolder folder = new TempFolder();

    private string Path => folder.File("ledger.db");

    [Fact]
    public void An_empty_file_is_refused_and_left_empty()
    {
        File.WriteAllBytes(Path, Array.Empty<byte>());
        var error = AssertRefusedUntouched<InvalidDataException>();
        Assert.Contains("it is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused_and_left_as_it_was()
    {
        Fill();
        using (var file = new FileStream(Path, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        var error = AssertRefusedUntouched<InvalidDataException>();
        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_refused_and_left_as_it_was()
    {
        Fill();
        using (var file = new FileStream(Path, FileMode.Open))
        {
            file.SetLength(60);
        }

        AssertRefusedUntouched<InvalidDataException>();
    }

    [Fact]
    public void A_foreign_database_is_refused_and_left_as_it_was()
    {
        using (var other = new SqliteConnection($"Data Source={Path};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);";
            command.ExecuteNonQuery();
        }

        var error = AssertRefusedUntouched<InvalidDataException>();
        Assert.Contains("holds no ContactRules ledger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_from_a_newer_version_is_refused_and_left_as_it_was()
    {
        Open().Dispose();
        using (var connection = new SqliteConnection($"Data Source={Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at_ticks) VALUES (99, 'future', 0)";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var error = AssertRefusedUntouched<InvalidDataException>();
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_garbled_header_is_refused_and_left_as_it_was()
    {
        Fill();
        using (var file = new FileStream(Path, FileMode.Open))
        {
            file.Write(new byte[100], 0, 100);
        }

        AssertRefusedUntouched<InvalidDataException>();
    }

    [Fact]
    public void A_file_damaged_inside_is_refused_by_the_quick_check_and_left_as_it_was()
    {
        Fill();
        // Page 3 onwards, past the header and the schema's root page: garbage in the tables.
        using (var file = new FileStream(Path, FileMode.Open))
        {
            file.Position = 3 * 4096;
            var noise = new byte[8192];
            new Random(7).NextBytes(noise);
            file.Write(noise, 0, noise.Length);
        }

        var error = AssertRefusedUntouched<InvalidDataException>();
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_this_process_cannot_write_is_refused_with_UnauthorizedAccessException_and_left_as_it_was()
    {
        Fill();
        var before = Snapshot();
        string line;
        if (Environment.UserName == "root")
        {
            // Root writes any file whatever its mode: open it as a user who may only read it.
            File.SetUnixFileMode(folder.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            using var child = ChildProcess.StartAs("nobody", "sqlite-open", Path);
            child.WaitForExit(TimeSpan.FromMinutes(1));
            line = string.Join(" | ", child.Lines) + child.Errors;
        }
        else
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            try
            {
                Open().Dispose();
                line = "opened";
            }
            catch (UnauthorizedAccessException failure)
            {
                line = "refused " + failure.GetType().FullName + ": " + failure.Message;
            }
        }

        Assert.StartsWith("refused System.UnauthorizedAccessException: ", line, StringComparison.Ordinal);
        Assert.Contains("cannot be written by this process", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    public void Dispose() => folder.Dispose();

    private TException AssertRefusedUntouched<TException>()
        where TException : Exception
    {
        var before = Snapshot();
        var error = Assert.Throws<TException>(() => Open());
        Assert.Contains(Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("left as it was", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        return error;
    }

    /// <summary>The file's bytes (as base64) and its last write time.</summary>
    private (string Bytes, DateTime Written) Snapshot() => (Convert.ToBase64String(File.ReadAllBytes(Path)), File.GetLastWriteTimeUtc(Path));

    private SqliteContactLedger Open()
        => SqliteContactLedger.Open(new SqliteContactLedgerOptions(Path, Hasher) { Clock = ClockAtTuesday() });

    /// <summary>Enough attempts for the file to span many pages; closed, so that the file is whole.</summary>
    private void Fill()
    {
        using (var ledger = Open())
        {
            for (var i = 0; i < 3000; i++)
            {
                ledger.Record("c-" + i, new ContactAttempt(Tuesday1030, AttemptOutcome.NoAnswer) { Caller = "acme", Subject = new string('x', 40) });
            }
        }

        SqliteConnection.ClearAllPools();
    }
}
