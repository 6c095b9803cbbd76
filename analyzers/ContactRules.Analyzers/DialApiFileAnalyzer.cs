using System.Collections.Immutable;
using ContactRules.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers;

/// <summary>
/// CR1001 and CR1002: a dial API the configuration names but the analyzers cannot find is a dial
/// that is never checked, so a bad line is reported at that line rather than ignored.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DialApiFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CR1001MalformedDialApiLine,
        Descriptors.CR1002UnresolvedDialApiLine);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterAdditionalFileAction(static file =>
            {
                if (!KnownNames.IsDialApiFile(file.AdditionalFile.Path) || file.AdditionalFile.GetText(file.CancellationToken) is not { } text)
                {
                    return;
                }

                foreach (var line in DialApiFile.Parse(text))
                {
                    var location = Location.Create(file.AdditionalFile.Path, line.Span, line.LineSpan);
                    if (line.Error is not null)
                    {
                        file.ReportDiagnostic(Diagnostic.Create(Descriptors.CR1001MalformedDialApiLine, location, line.Id, line.Error));
                    }
                    else if (DocumentationIds.Resolve(line.Id, file.Compilation).IsEmpty)
                    {
                        file.ReportDiagnostic(Diagnostic.Create(Descriptors.CR1002UnresolvedDialApiLine, location, line.Id));
                    }
                }
            });

            start.RegisterSyntaxNodeAction(static node => CheckAssemblyAttribute(node), SyntaxKind.Attribute);
        });
    }

    /// <summary><c>[assembly: DialApi("id")]</c> follows the same rules as a line of the file.</summary>
    private static void CheckAssemblyAttribute(SyntaxNodeAnalysisContext context)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.Parent is not AttributeListSyntax { Target.Identifier.ValueText: "assembly" }
            || attribute.ArgumentList is not { Arguments.Count: 1 } arguments
            || !attribute.Name.ToString().Contains("DialApi")
            || context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type is not { } type
            || !KnownNames.IsContactRulesType(type, KnownNames.DialApiAttribute)
            || context.SemanticModel.GetConstantValue(arguments.Arguments[0].Expression, context.CancellationToken) is not { HasValue: true, Value: string id })
        {
            return;
        }

        id = id.Trim();
        var location = arguments.Arguments[0].GetLocation();
        if (DialApiFile.Validate(id) is { } error)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR1001MalformedDialApiLine, location, id, error));
        }
        else if (DocumentationIds.Resolve(id, context.Compilation).IsEmpty)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR1002UnresolvedDialApiLine, location, id));
        }
    }
}
