using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>The diagnostics of one code block, each reported once whichever graph (lambda, local function) found it.</summary>
internal sealed class Findings
{
    private readonly List<Finding> list = new();
    private HashSet<(string Id, SyntaxNode Node)>? seen;

    public IReadOnlyList<Finding> All => list;

    public int Count => list.Count;

    /// <summary>Forgets the findings after the first <paramref name="count"/> (a loop round the walk takes back).</summary>
    public void Truncate(int count)
    {
        for (var i = list.Count - 1; i >= count; i--)
        {
            seen!.Remove((list[i].Descriptor.Id, list[i].Node));
            list.RemoveAt(i);
        }
    }

    public void Add(DiagnosticDescriptor descriptor, SyntaxNode node, params object?[] arguments)
    {
        if ((seen ??= FindingKey.NewSet()).Add((descriptor.Id, node)))
        {
            list.Add(new Finding(descriptor, node, arguments));
        }
    }
}
