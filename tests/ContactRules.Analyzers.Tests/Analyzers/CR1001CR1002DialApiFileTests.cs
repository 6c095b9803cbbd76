using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.DialApiFileAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR1001 and CR1002: a configured dial API that cannot be found would go unchecked.</summary>
public class CR1001CR1002DialApiFileTests
{
    private const string Source = "public class Empty { }";

    [Fact]
    public Task Well_formed_resolvable_lines_and_comments_are_accepted()
        => Verify.AnalyzeAsync(
            Source,
            ImmutableArray.Create(("/0/ContactRules.DialApis.txt", """
                // Our telephony
                M:Crm.Telephony.Place(System.String);use the consented queue

                M:Crm.IDialer.Send   // every overload
                T:Crm.Telephony
                M:Twilio.Rest.Api.V2010.Account.CallResource.Create(Twilio.Rest.Api.V2010.Account.CreateCallOptions)
                """)));

    [Fact]
    public Task Malformed_lines_are_reported_at_their_line()
        => Verify.AnalyzeAsync(
            Source,
            ImmutableArray.Create(("/0/ContactRules.DialApis.txt", """
                Crm.Telephony.Place
                P:Crm.Customer.Phone
                M:Crm.Telephony.Place(System.String
                M:Place
                """)),
            // Expected positions are the lines and columns of each id in the file above (1-based).
            new DiagnosticResult(DiagnosticIds.MalformedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan("/0/ContactRules.DialApis.txt", 1, 1, 1, 20),
            new DiagnosticResult(DiagnosticIds.MalformedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan("/0/ContactRules.DialApis.txt", 2, 1, 2, 21),
            new DiagnosticResult(DiagnosticIds.MalformedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan("/0/ContactRules.DialApis.txt", 3, 1, 3, 36).WithArguments("M:Crm.Telephony.Place(System.String", "a bracket is not closed"),
            new DiagnosticResult(DiagnosticIds.MalformedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan("/0/ContactRules.DialApis.txt", 4, 1, 4, 8));

    [Fact]
    public Task Lines_that_name_nothing_are_reported_at_their_line()
        => Verify.AnalyzeAsync(
            Source,
            ImmutableArray.Create(("/0/ContactRules.DialApis.Pbx.txt", """
                M:Crm.Telephony.Place(System.String)
                  M:Crm.Telephony.Place(System.Int32)
                T:Crm.Pbx
                """)),
            new DiagnosticResult(DiagnosticIds.UnresolvedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan("/0/ContactRules.DialApis.Pbx.txt", 2, 3, 2, 38).WithArguments("M:Crm.Telephony.Place(System.Int32)"),
            new DiagnosticResult(DiagnosticIds.UnresolvedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan("/0/ContactRules.DialApis.Pbx.txt", 3, 1, 3, 10));

    [Fact]
    public Task Other_additional_files_are_ignored()
        => Verify.AnalyzeAsync(Source, ImmutableArray.Create(("/0/BannedSymbols.txt", "not an id at all")));

    [Fact]
    public Task Assembly_level_ids_are_checked_like_lines()
        => Verify.AnalyzeAsync("""
            using ContactRules;
            [assembly: DialApi("M:Crm.Telephony.Place(System.String)")]
            [assembly: DialApi({|#0:"M:Crm.Telephony.Ring"|})]
            [assembly: DialApi({|#1:"Crm.Telephony.Place"|})]
            """,
            new DiagnosticResult(DiagnosticIds.UnresolvedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0),
            new DiagnosticResult(DiagnosticIds.MalformedDialApiLine, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1));
}
