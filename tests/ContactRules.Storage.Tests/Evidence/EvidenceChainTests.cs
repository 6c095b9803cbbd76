using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;

namespace ContactRules.Storage.Tests.Evidence;

/// <summary>The chain check itself, on entries held in a list (a file-like log kept in write order).</summary>
public sealed class EvidenceChainTests
{
    [Fact]
    public void An_untouched_log_is_intact()
    {
        var (entries, head) = Log(6);
        var verdict = EvidenceChain.Verify(entries, head);
        Assert.True(verdict.IsIntact);
        Assert.Equal(6, verdict.EntriesChecked);
        Assert.True(EvidenceChain.Verify(new List<EvidenceLogEntry>(), LogHead.Empty).IsIntact);
    }

    [Fact]
    public void A_changed_payload_names_its_entry_as_altered()
    {
        var (entries, head) = Log(6);
        var e = entries[2];
        entries[2] = new EvidenceLogEntry(e.Sequence, e.At, e.Kind, e.Payload.Replace("\"allowed\":false", "\"allowed\":true", System.StringComparison.Ordinal), e.PreviousHash, e.Hash);
        AssertVerdict(entries, head, LogProblem.Altered, 3);
    }

    [Fact]
    public void A_changed_entry_hashed_again_is_still_named()
    {
        var (entries, head) = Log(6);
        var e = entries[2];
        var forged = "{\"forged\":true}";
        entries[2] = new EvidenceLogEntry(e.Sequence, e.At, e.Kind, forged, e.PreviousHash, EvidenceChain.ComputeHash(e.Sequence, e.At, e.Kind, forged, e.PreviousHash));
        AssertVerdict(entries, head, LogProblem.Altered, 3);
    }

    [Fact]
    public void A_removed_entry_is_named_as_missing()
    {
        var (entries, head) = Log(6);
        entries.RemoveAt(3);
        AssertVerdict(entries, head, LogProblem.Missing, 4);
    }

    [Fact]
    public void Entries_removed_at_the_end_are_found_through_the_head()
    {
        var (entries, head) = Log(6);
        entries.RemoveRange(4, 2);
        AssertVerdict(entries, head, LogProblem.Missing, 5);
    }

    [Fact]
    public void Two_swapped_entries_are_named_as_reordered()
    {
        var (entries, head) = Log(6);
        (entries[1], entries[2]) = (entries[2], entries[1]);
        AssertVerdict(entries, head, LogProblem.Reordered, 2);
    }

    [Fact]
    public void An_entry_moved_to_the_end_is_named_as_reordered()
    {
        var (entries, head) = Log(6);
        var moved = entries[1];
        entries.RemoveAt(1);
        entries.Add(moved);
        AssertVerdict(entries, head, LogProblem.Reordered, 2);
    }

    [Fact]
    public void The_hash_covers_every_field_and_the_link()
    {
        var at = Instant.FromUtc(2026, 3, 10, 9, 30);
        var hash = EvidenceChain.ComputeHash(1, at, "decision", "{}", EvidenceChain.GenesisHash);
        Assert.Equal(64, hash.Length);
        Assert.NotEqual(hash, EvidenceChain.ComputeHash(2, at, "decision", "{}", EvidenceChain.GenesisHash));
        Assert.NotEqual(hash, EvidenceChain.ComputeHash(1, at + Duration.FromTicks(1), "decision", "{}", EvidenceChain.GenesisHash));
        Assert.NotEqual(hash, EvidenceChain.ComputeHash(1, at, "consent", "{}", EvidenceChain.GenesisHash));
        Assert.NotEqual(hash, EvidenceChain.ComputeHash(1, at, "decision", "{ }", EvidenceChain.GenesisHash));
        Assert.NotEqual(hash, EvidenceChain.ComputeHash(1, at, "decision", "{}", new string('1', 64)));
        // Length prefixes keep field boundaries: moving a character from one field to the next changes the hash.
        Assert.NotEqual(EvidenceChain.ComputeHash(1, at, "ab", "c", EvidenceChain.GenesisHash), EvidenceChain.ComputeHash(1, at, "a", "bc", EvidenceChain.GenesisHash));
    }

    private static void AssertVerdict(List<EvidenceLogEntry> entries, LogHead head, LogProblem problem, long sequence)
    {
        var verdict = EvidenceChain.Verify(entries, head);
        Assert.False(verdict.IsIntact);
        Assert.Equal(problem, verdict.Problem);
        Assert.Equal(sequence, verdict.FirstBadSequence);
        Assert.Contains(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Message, System.StringComparison.Ordinal);
    }

    private static (List<EvidenceLogEntry> Entries, LogHead Head) Log(int count)
    {
        var entries = new List<EvidenceLogEntry>();
        var head = LogHead.Empty;
        for (var i = 0; i < count; i++)
        {
            var entry = EvidenceChain.Next(head, Instant.FromUtc(2026, 3, 10, 9, 30) + Duration.FromSeconds(i), "decision", $"{{\"contact\":\"c-{i}\",\"allowed\":false}}");
            entries.Add(entry);
            head = new LogHead(entry.Sequence, entry.Hash);
        }

        return (entries, head);
    }
}
