using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>A diagnostic the flow rules want to report.</summary>
internal sealed record Finding(DiagnosticDescriptor Descriptor, SyntaxNode Node, object?[] Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Node.GetLocation(), Arguments);
}
