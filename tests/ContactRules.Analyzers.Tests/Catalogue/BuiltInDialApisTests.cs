using System;
using System.IO;
using System.Linq;
using ContactRules.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>
/// The built-in catalogue's Twilio ids name real members of the Twilio 8.2.0 assembly (a reference
/// of this test project, copied next to it), with the parameters their requirements name.
/// </summary>
public class BuiltInDialApisTests
{
    private static readonly Lazy<CSharpCompilation> Twilio = new(() =>
    {
        var twilio = MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Twilio.dll"));
        return CSharpCompilation.Create("CatalogueCheck", references: Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(twilio));
    });

    [Fact]
    public void The_reference_is_Twilio_8_2_0()
        => Assert.Equal(
            "8.2.0.0",
            Twilio.Value.References.Select(Twilio.Value.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "Twilio").Identity.Version.ToString());

    [Fact]
    public void Every_built_in_Twilio_id_resolves_in_Twilio_8_2_0()
    {
        var twilioIds = BuiltInDialApis.All.Where(e => e.DocumentationCommentId.StartsWith("M:Twilio.", StringComparison.Ordinal)).ToArray();
        // REST calls and messages (4), TwiML Dial/Number/Client (6), Studio V2 and V1 executions and V1 engagements (6).
        Assert.Equal(16, twilioIds.Length);
        foreach (var entry in twilioIds)
        {
            Assert.True(DocumentationIds.Resolve(entry.DocumentationCommentId, Twilio.Value).Length > 0, entry.DocumentationCommentId + " resolves to nothing in Twilio 8.2.0");
        }
    }

    [Theory]
    [InlineData("M:Twilio.Rest.Api.V2010.Account.CallResource.Create")]
    [InlineData("M:Twilio.Rest.Api.V2010.Account.MessageResource.CreateAsync")]
    [InlineData("M:Twilio.Rest.Studio.V2.Flow.ExecutionResource.Create")]
    [InlineData("M:Twilio.Rest.Studio.V1.Flow.EngagementResource.CreateAsync")]
    public void REST_and_Studio_overloads_take_the_number_as_to_or_in_an_options_object(string id)
    {
        foreach (var method in DocumentationIds.Resolve(id, Twilio.Value).Cast<IMethodSymbol>())
        {
            Assert.True(
                method.Parameters.Any(p => p.Name == "to") || method.Parameters.Any(p => p.Name == "options" && p.Type.GetMembers("To").Length > 0),
                DocumentationCommentId.CreateDeclarationId(method) + " has neither 'to' nor options with To");
        }
    }

    [Fact]
    public void TwiML_overloads_either_name_whom_to_dial_or_append_an_element_built_earlier()
    {
        foreach (var entry in BuiltInDialApis.All.Where(e => e.DocumentationCommentId.StartsWith("M:Twilio.TwiML.", StringComparison.Ordinal)))
        {
            Assert.NotNull(entry.Requirement);
            var overloads = DocumentationIds.Resolve(entry.DocumentationCommentId, Twilio.Value).Cast<IMethodSymbol>().ToArray();
            Assert.Contains(overloads, m => m.Parameters.Any(p => p.Name == entry.Requirement!.Name));
            foreach (var method in overloads.Where(m => !m.Parameters.Any(p => p.Name == entry.Requirement!.Name)))
            {
                // Dial(Dial dial), Number(Number number), Client(Client client): one TwiML element, counted where it was built.
                var only = Assert.Single(method.Parameters);
                Assert.StartsWith("Twilio.TwiML.Voice.", only.Type.ToDisplayString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Twilio_Verify_exists_in_Twilio_8_2_0_and_is_deliberately_not_a_dial_API()
    {
        // One-time codes the person asked for: see docs/rules/CR0001.md, "What is not a dial API".
        Assert.NotEmpty(DocumentationIds.Resolve("M:Twilio.Rest.Verify.V2.Service.VerificationResource.Create", Twilio.Value));
        Assert.DoesNotContain(BuiltInDialApis.All, e => e.DocumentationCommentId.Contains(".Verify.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_entry_is_a_well_formed_method_id_listed_once()
    {
        Assert.All(BuiltInDialApis.All, e => Assert.Null(DialApiFile.Validate(e.DocumentationCommentId)));
        Assert.Equal(BuiltInDialApis.All.Length, BuiltInDialApis.All.Select(e => e.DocumentationCommentId).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("M:Twilio.Rest.Api.V2010.Account.CallResource.CreateAsync", "Voice")]
    [InlineData("M:Twilio.Rest.Api.V2010.Account.MessageResource.Create", "Sms")]
    [InlineData("M:Twilio.TwiML.Voice.Number.#ctor", "Voice")]
    [InlineData("M:Twilio.Rest.Studio.V2.Flow.ExecutionResource.CreateAsync", "Unknown")]
    public void Find_returns_the_entry_of_any_overload_with_its_channel(string id, string channel)
    {
        foreach (var method in DocumentationIds.Resolve(id, Twilio.Value).Cast<IMethodSymbol>())
        {
            var entry = BuiltInDialApis.Find(method);
            Assert.NotNull(entry);
            Assert.Equal(id, entry!.DocumentationCommentId);
            Assert.Equal(channel, entry.Channel.ToString());
        }
    }
}
