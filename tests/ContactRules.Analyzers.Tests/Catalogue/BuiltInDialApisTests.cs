using System.IO;
using System.Linq;
using ContactRules.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>The built-in catalogue's Twilio ids name real members of the Twilio 8.2.0 assembly.</summary>
public class BuiltInDialApisTests
{
    [Fact]
    public void Every_built_in_Twilio_id_resolves_in_Twilio_8_2_0_and_names_the_contact()
    {
        // The Twilio package is a reference of this test project; its assembly is copied next to the tests.
        var twilio = MetadataReference.CreateFromFile(Path.Combine(System.AppContext.BaseDirectory, "Twilio.dll"));
        var compilation = CSharpCompilation.Create("CatalogueCheck", references: Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(twilio));
        Assert.Equal("8.2.0.0", compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "Twilio").Identity.Version.ToString());

        var twilioIds = BuiltInDialApis.All.Where(e => e.DocumentationCommentId.StartsWith("M:Twilio.", System.StringComparison.Ordinal)).ToArray();
        // CallResource.Create/CreateAsync and MessageResource.Create/CreateAsync: the four the issue names.
        Assert.Equal(4, twilioIds.Length);
        foreach (var entry in twilioIds)
        {
            var methods = DocumentationIds.Resolve(entry.DocumentationCommentId, compilation).Cast<IMethodSymbol>().ToArray();
            Assert.True(methods.Length > 0, entry.DocumentationCommentId + " resolves to nothing in Twilio 8.2.0");

            // Every overload either takes the number as 'to' or takes an options object carrying it.
            foreach (var method in methods)
            {
                Assert.True(
                    method.Parameters.Any(p => p.Name == "to") || method.Parameters.Any(p => p.Name == "options"),
                    DocumentationCommentId.CreateDeclarationId(method) + " has neither 'to' nor 'options'");
            }
        }
    }
}
