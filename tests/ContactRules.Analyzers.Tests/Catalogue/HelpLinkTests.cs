using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>
/// Every rule's help link is the one base address followed by the rule's page in this repository
/// (RS1015 asks for a page that does not move), and every page it names exists.
/// </summary>
public class HelpLinkTests
{
    [Fact]
    public void Every_descriptor_links_to_its_own_page_under_the_single_base_address()
    {
        var descriptors = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToArray();

        // Ten rules: CR0001-CR0007 and CR1001-CR1003 (DiagnosticIds.cs).
        Assert.Equal(10, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in descriptors)
        {
            Assert.Equal(Descriptors.RepositoryBase + "docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(Uri.IsWellFormedUriString(descriptor.HelpLinkUri, UriKind.Absolute), descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "docs", "rules", descriptor.Id + ".md")), descriptor.Id + " has no page");
        }
    }

    [Fact]
    public void Release_tracking_links_are_relative_and_name_existing_pages()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "analyzers", "ContactRules.Analyzers");
        var links = Regex.Matches(File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")), @"\[Documentation\]\(([^)]+)\)")
            .Cast<Match>()
            .Select(m => m.Groups[1].Value)
            .ToArray();

        Assert.Equal(10, links.Length);
        foreach (var link in links)
        {
            Assert.False(Uri.IsWellFormedUriString(link, UriKind.Absolute), link);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(folder, link))), link);
        }
    }
}
