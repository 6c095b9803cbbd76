using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow;

/// <summary>A diagnostic the flow analysis wants to report, before de-duplication.</summary>
internal sealed record Finding(DiagnosticDescriptor Descriptor, SyntaxNode Node, object?[] Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Node.GetLocation(), Arguments);

    public (string Id, SyntaxNode Node) Key => (Descriptor.Id, Node);
}
