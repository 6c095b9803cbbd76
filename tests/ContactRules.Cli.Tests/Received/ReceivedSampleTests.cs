using System;
using System.IO;
using System.Linq;
using ContactRules.Cli.Received;
using NodaTime;
using ReceivedCalls;
using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// The sample export of samples/ReceivedCalls: it is the seeded generator's output, it tells the
/// seed story, and <c>contactrules received</c> finds in it what the law says, call by call.
/// </summary>
public class ReceivedSampleTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "ReceivedCalls", "export", name);

    [Fact]
    public void The_committed_sample_export_is_the_generators_output_byte_for_byte()
    {
        using var folder = new TempFolder();

        var written = SeedStoryExport.Write(folder.Path).ToList();

        Assert.Equal(SeedStoryExport.FileNames.Length, written.Count);
        foreach (var file in written)
        {
            Assert.True(
                File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Sample(Path.GetFileName(file)))),
                $"samples/ReceivedCalls/export/{Path.GetFileName(file)} is not the generator's output: run 'dotnet run --project samples/ReceivedCalls' and commit the files.");
        }
    }

    [Fact]
    public void The_sample_tells_the_seed_story_one_operator_two_numbers_three_weeks_two_to_five_calls_a_day_silent_calls()
    {
        var story = SeedStory.Build();

        var days = story.OperatorCalls.GroupBy(c => c.Local.Date).ToList();
        Assert.Equal(21, days.Count);
        Assert.Equal(new LocalDate(2026, 7, 27), days.Min(d => d.Key));
        Assert.Equal(new LocalDate(2026, 8, 16), days.Max(d => d.Key));
        Assert.All(days, d => Assert.InRange(d.Count(), 2, 5));
        Assert.Equal(SeedStory.SubcontractorNumbers.OrderBy(n => n), story.OperatorCalls.Select(c => c.Number).Distinct().OrderBy(n => n));
        Assert.True(story.OperatorCalls.Count(c => c.Type == 1 && c.Duration < 5) >= 10, "the dialers' silent calls");
    }

    [Fact]
    public void Received_on_the_sample_finds_of_each_operator_call_what_the_law_says()
    {
        var story = SeedStory.Build();
        using var stderr = new StringWriter();
        var options = new ReceivedOptions(new[] { Sample("calls-20260817093000.xml"), Sample("sms-20260817093000.xml") }, "fr", "unused")
        {
            Callers = Sample("callers.csv"),
            Facts = Sample("facts.json"),
        };

        var result = ReceivedCommand.Judge(options, stderr, out _);

        Assert.True(result is not null, stderr.ToString());
        Assert.Empty(result!.Problems);
        var operatorCalls = result.Callers.Single(c => c.Name == SeedStory.Operator).Calls.Where(c => c.IsCall).ToList();
        Assert.Equal(story.OperatorCalls.Count, operatorCalls.Count);
        Assert.Equal(
            SeedStoryLaw.OperatorCallRules(story),
            operatorCalls.Select(c => string.Join(" ", c.Decision!.Violations.Select(v => v.RuleId).OrderBy(id => id, StringComparer.Ordinal))).ToList());

        // The solar seller, never named: recognised by its 05 68 number (Arcep's ranges), no contract.
        // Tue 4 August 11:10 Paris: Bloctel (registered 12 March 2024); Wed 12 August 15:31: no consent.
        var solar = result.Callers.Single(c => c.Name == "+33568123456");
        Assert.Equal(new[] { "FR-LIST-01", "FR-CONS-01" }, solar.Calls.Select(c => string.Join(" ", c.Decision!.Violations.Select(v => v.RuleId))));

        // Three hidden calls, counted and not judged; the operator's three texts judged as texts.
        Assert.Equal(3, result.Count(Cli.Received.Judging.NotJudgedReason.HiddenNumber));
        Assert.Equal(3, result.Callers.Single(c => c.Name == SeedStory.Operator).Calls.Count(c => !c.IsCall && c.Decision is not null));
    }

    [Fact]
    public void Received_on_the_sample_writes_the_report_the_complaints_and_the_letters_and_exits_1()
    {
        using var folder = new TempFolder();

        var run = CliRun.Run(string.Empty, null, "received", Sample("calls-20260817093000.xml"), Sample("sms-20260817093000.xml"),
            "--policy", "fr", "--callers", Sample("callers.csv"), "--facts", Sample("facts.json"), "--out", folder.Path);

        Assert.Equal(Help.ExitCodes.Findings, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.True(File.Exists(folder.File("report.html")));
        Assert.Equal(
            new[]
            {
                "bloctel-33568123456.txt",
                "consent-proof-letter-33568123456.txt",
                "consent-proof-letter-horizon-telecom.txt",
                "signalconso-33568123456.txt",
                "signalconso-horizon-telecom.txt",
            },
            Directory.GetFiles(Path.Combine(folder.Path, "complaints")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

        // The contacts' names never leave the export; the person's own number is only where a form asks for it.
        var report = File.ReadAllText(folder.File("report.html"));
        foreach (var text in Directory.GetFiles(Path.Combine(folder.Path, "complaints")).Select(File.ReadAllText).Append(report))
        {
            Assert.DoesNotContain("Maman", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Julien", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(SeedStory.OwnNumber, report, StringComparison.Ordinal);
        Assert.Contains("Ligne appelée : " + SeedStory.OwnNumber, File.ReadAllText(Path.Combine(folder.Path, "complaints", "bloctel-33568123456.txt")), StringComparison.Ordinal);
        Assert.Equal("number,calls,messages,knownContact,namedAs\n+33671245893,13,0,yes,\n", File.ReadAllText(folder.File("other-numbers.csv")));
    }
}
