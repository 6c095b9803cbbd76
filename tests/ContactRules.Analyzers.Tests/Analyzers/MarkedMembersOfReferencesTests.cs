using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactRules.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// A <c>[RequiresConsent]</c> property (setting it contacts someone) and a <c>[DialApi]</c>
/// constructor (creating the object places the call) are watched whether they are declared in the
/// compilation or in a referenced assembly, and whatever name the attribute is written with. The
/// analyzer skips property reads and object creations altogether when no such member can exist;
/// these tests pin that the skip never loses one.
/// </summary>
public sealed class MarkedMembersOfReferencesTests
{
    private const string Library = """
        using ContactRules;

        namespace Acme.Broadcast
        {
            public interface IVoiceBroadcast
            {
                /// <summary>Setting it starts the recorded call to that number.</summary>
                [RequiresConsent] string Recipient { get; set; }
                string Label { get; set; }
            }
        }
        """;

    private const string Consumer = """
        using Acme.Broadcast;
        using ContactRules;
        using Crm;

        public sealed class Campaign
        {
            private readonly ContactGate gate = null!;

            public void Unchecked(IVoiceBroadcast broadcast, Customer customer)
            {
                broadcast.Label = "renewal";
                broadcast.Recipient = customer.Phone;
            }

            public void LabelOnly(IVoiceBroadcast broadcast) => broadcast.Label = "renewal";
        }
        """;

    [Fact]
    public Task A_RequiresConsent_property_of_a_referenced_library_is_reported_like_one_declared_in_source()
        // Line 12 of the consumer: `broadcast.Recipient = customer.Phone;` with no check before it.
        => AssertReportedLikeSourceAsync("Acme.Broadcast", Library, Consumer, line: 12);

    private const string CallLibrary = """
        using ContactRules;

        namespace Acme.Calls
        {
            public sealed class OutboundCall
            {
                /// <summary>Creating the call dials the number.</summary>
                [DialApi] public OutboundCall(string number) { Number = number; }
                public string Number { get; }
            }
        }
        """;

    private const string CallConsumer = """
        using Acme.Calls;
        using Crm;

        public sealed class Reminder
        {
            public OutboundCall Unchecked(Customer customer) => new OutboundCall(customer.Phone);

            public string Plain(Customer customer) => new string(customer.Phone.ToCharArray());
        }
        """;

    [Fact]
    public Task A_DialApi_constructor_of_a_referenced_library_is_reported_like_one_declared_in_source()
        // Line 6 of the consumer: `new OutboundCall(customer.Phone)` with no check.
        => AssertReportedLikeSourceAsync("Acme.Calls", CallLibrary, CallConsumer, line: 6);

    [Fact]
    public async Task A_constructor_marked_through_a_global_alias_declared_in_another_file_is_reported()
    {
        const string Alias = "global using Dials = ContactRules.DialApiAttribute;";
        const string Library = """
            namespace Acme.Calls
            {
                public sealed class OutboundCall
                {
                    [Dials] public OutboundCall(string number) { }
                }
            }
            """;
        const string Consumer = """
            using Acme.Calls;
            using Crm;

            public sealed class Reminder
            {
                public OutboundCall Unchecked(Customer customer) => new OutboundCall(customer.Phone);
            }
            """;

        var diagnostics = await AnalyseAsync(Compile("Aliased", new[] { Stubs.ContactRules, Stubs.Crm, Alias, Library, Consumer }, Enumerable.Empty<MetadataReference>()));

        Assert.Equal(new[] { (6, DiagnosticIds.DialWithoutConsent) }, diagnostics);
    }

    /// <summary>
    /// The consumer gets CR0001 at <paramref name="line"/> and nothing else with the library
    /// compiled beside it, and exactly the same with the library, the ContactRules stubs and the
    /// CRM stubs each referenced as an assembly (the consumer's own text then never spells the
    /// attribute).
    /// </summary>
    private static async Task AssertReportedLikeSourceAsync(string libraryName, string library, string consumer, int line)
    {
        var fromSource = await AnalyseAsync(
            Compile("Source", new[] { Stubs.ContactRules, Stubs.Crm, library, consumer }, Enumerable.Empty<MetadataReference>()));

        var contactRules = Emit(Compile("ContactRules", new[] { Stubs.ContactRules }, Enumerable.Empty<MetadataReference>()));
        var crm = Emit(Compile("Crm", new[] { Stubs.Crm }, new[] { contactRules }));
        var libraryReference = Emit(Compile(libraryName, new[] { library }, new[] { contactRules }));
        var consumerCompilation = Compile("Consumer", new[] { consumer }, new[] { contactRules, crm, libraryReference });
        Assert.DoesNotContain(consumerCompilation.SyntaxTrees, t => t.ToString().Contains("RequiresConsent") || t.ToString().Contains("DialApi"));
        var fromMetadata = await AnalyseAsync(consumerCompilation);

        Assert.Equal(new[] { (line, DiagnosticIds.DialWithoutConsent) }, fromSource);
        Assert.Equal(fromSource, fromMetadata);
    }

    private static CSharpCompilation Compile(string name, string[] sources, System.Collections.Generic.IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, path: index == sources.Length - 1 ? name + ".cs" : $"{name}{index}.cs")),
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static MetadataReference Emit(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>The consumer file's diagnostics, as (line, id).</summary>
    private static async Task<(int Line, string Id)[]> AnalyseAsync(CSharpCompilation compilation)
    {
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConsentFlowAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Location.GetLineSpan().Path.EndsWith(".cs") && d.Location.SourceTree == compilation.SyntaxTrees.Last())
            .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .OrderBy(d => d.Item1)
            .ToArray();
    }
}
