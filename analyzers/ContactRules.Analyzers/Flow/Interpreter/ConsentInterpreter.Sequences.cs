using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// Sequences: an element taken out of a sequence is a person of its own, and what a LINQ filter,
/// a selector or a <c>FirstOrDefault</c> predicate checked about each element holds for the
/// elements it yields.
/// </summary>
internal sealed partial class ConsentInterpreter
{
    /// <summary>
    /// An element taken at <paramref name="site"/>: a new root each time the taking runs (a loop's
    /// next element kills the facts of the previous one), with what the sequence knows of each
    /// element, its checks holding from now on.
    /// </summary>
    private AbstractValue Extract(IOperation site, AbstractValue sequence)
    {
        var root = new ElementRoot(site.Syntax);
        Kill(root);
        var element = sequence.Element ?? AbstractValue.Empty;
        var holds = Facts.About(element.Holds, ElementRoot.Self, root);
        if (holds.Count > 0)
        {
            state.Consented = Sets.Union(state.Consented, holds);
        }

        var value = element.Substitute(ElementRoot.Self, root);
        return value with { Roots = value.Roots.Add(new Subject(root, null)), Holds = Sets.NoConsents, Element = null, Alias = null };
    }

    /// <summary>The LINQ (and <c>List&lt;T&gt;</c>) methods whose meaning for elements is known; null for any other call.</summary>
    private AbstractValue? Sequences(IInvocationOperation invocation, AbstractValue sequence)
    {
        var element = sequence.Element ?? AbstractValue.Empty;
        switch (invocation.TargetMethod.Name)
        {
            case "Where":
            case "FindAll":
            case "TakeWhile":
                return Yielding(sequence, Filtered(invocation, element));
            case "First":
            case "FirstOrDefault":
            case "Single":
            case "SingleOrDefault":
            case "Last":
            case "LastOrDefault":
            case "Find":
            case "FindLast":
            case "ElementAt":
            case "ElementAtOrDefault":
            case "MinBy":
            case "MaxBy":
                return Extract(invocation, new AbstractValue { Element = Filtered(invocation, element) });
            case "Select":
                return Predicate(invocation) is { } selector && graph is not null
                    ? Yielding(sequence, Selected(host.Summarize(graph, selector, element)))
                    : Yielding(sequence, AbstractValue.Empty);
            case "ToList":
            case "ToArray":
            case "ToHashSet":
            case "ToImmutableArray":
            case "ToImmutableList":
            case "AsEnumerable":
            case "AsQueryable":
            case "AsParallel":
            case "AsReadOnly":
            case "OrderBy":
            case "OrderByDescending":
            case "ThenBy":
            case "ThenByDescending":
            case "Take":
            case "Skip":
            case "TakeLast":
            case "SkipLast":
            case "Distinct":
            case "DistinctBy":
            case "Reverse":
            case "GetEnumerator":
            case "GetAsyncEnumerator":
                return Yielding(sequence, element);
            default:
                return null;
        }
    }

    /// <summary>
    /// A selector's result: what it returns; and when that is about the element it was given
    /// (<c>x =&gt; x.Customer</c> after a filter), what held about that element still holds.
    /// </summary>
    private static AbstractValue Selected(LambdaSummary summary)
    {
        var returned = summary.Returned;
        if (summary.AtReturn.Count == 0 || !returned.Roots.Any(s => ReferenceEquals(s.Root, ElementRoot.Self)))
        {
            return returned;
        }

        return returned with { Holds = Sets.Union(returned.Holds, summary.AtReturn) };
    }

    private static AbstractValue Yielding(AbstractValue sequence, AbstractValue element)
        => new() { Roots = sequence.Roots, Element = element };

    /// <summary>The element after a predicate: it holds what the predicate checked when it returned true.</summary>
    private AbstractValue Filtered(IInvocationOperation invocation, AbstractValue element)
    {
        if (Predicate(invocation) is not { } predicate || graph is null)
        {
            return element;
        }

        var whenTrue = host.Summarize(graph, predicate, element).WhenTrue;
        return whenTrue.Count == 0 ? element : element with { Holds = Sets.Union(element.Holds, whenTrue) };
    }

    private static IFlowAnonymousFunctionOperation? Predicate(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (LambdaOf(argument.Value) is { } lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    private static IFlowAnonymousFunctionOperation? LambdaOf(IOperation value)
        => value switch
        {
            IFlowAnonymousFunctionOperation lambda => lambda,
            IDelegateCreationOperation creation => LambdaOf(creation.Target),
            IConversionOperation conversion => LambdaOf(conversion.Operand),
            _ => null,
        };
}
