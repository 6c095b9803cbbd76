using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>The diagnostics of one code block, each reported once whichever graph (lambda, local function) found it.</summary>
internal sealed class Findings
{
    private readonly List<Finding> list = new();
    private readonly HashSet<(string, SyntaxNode)> seen = new();

    public IReadOnlyList<Finding> All => list;

    public void Add(DiagnosticDescriptor descriptor, SyntaxNode node, params object?[] arguments)
    {
        if (seen.Add((descriptor.Id, node)))
        {
            list.Add(new Finding(descriptor, node, arguments));
        }
    }
}
