using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Model;
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
    /// <summary>The element roots taken by index so far, under their origin and their index variable: a new value of either kills them.</summary>
    private Dictionary<object, HashSet<IndexedRoot>>? indexedRoots;

    /// <summary>
    /// An element taken at <paramref name="site"/>: a new root each time the taking runs (a loop's
    /// next element kills the facts of the previous one), with what the sequence knows of each
    /// element, its checks holding from now on. Taken by an index variable out of a sequence that
    /// follows a variable's positions (<c>decisions[i]</c>, <c>customers[i]</c>), it is the element
    /// at that position (see <see cref="IndexedRoot"/>): the same person each time until the index
    /// or the sequence changes.
    /// </summary>
    private AbstractValue Extract(SyntaxNode site, AbstractValue sequence, IOperation? index = null)
    {
        object root;
        if (IndexVariable(index) is { } position && (sequence.Origin ?? sequence.Alias) is { } origin)
        {
            root = Indexed(origin, position);
        }
        else
        {
            root = new ElementRoot(site);
            Kill(root);
        }

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
    private AbstractValue? Sequences(IInvocationOperation invocation, AbstractValue sequence, AbstractValue[] arguments)
    {
        var element = sequence.Element ?? AbstractValue.Empty;
        switch (invocation.TargetMethod.Name)
        {
            case "Zip":
                return Zip(invocation, arguments);
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
                return Extract(invocation.Syntax, new AbstractValue { Element = Filtered(invocation, element) });
            case "Select":
                return Predicate(invocation) is { } selector
                    ? Yielding(sequence, Selected(host.Summarize(selector, element)), aligned: true)
                    : Yielding(sequence, AbstractValue.Empty, aligned: true);
            case "ToList":
            case "ToArray":
            case "ToImmutableArray":
            case "ToImmutableList":
            case "AsEnumerable":
            case "AsReadOnly":
            case "Take":
                // The same elements at the same positions.
                return Yielding(sequence, element, aligned: true);
            case "ToHashSet":
            case "AsQueryable":
            case "AsParallel":
            case "OrderBy":
            case "OrderByDescending":
            case "ThenBy":
            case "ThenByDescending":
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

    /// <summary>
    /// A sequence of <paramref name="element"/>s made from <paramref name="sequence"/>; when
    /// <paramref name="aligned"/>, one per element of it at the same position, so that it follows
    /// the same origin.
    /// </summary>
    private static AbstractValue Yielding(AbstractValue sequence, AbstractValue element, bool aligned = false)
        => new() { Roots = sequence.Roots, Element = element, Origin = aligned ? sequence.Origin ?? sequence.Alias : null };

    /// <summary>
    /// <c>first.Zip(second)</c>: pairs by position. When both follow the same origin
    /// (<c>customers.Zip(gate.CheckMany(customers.Select(...).ToList()))</c>) a pair is one person's
    /// element and decision; otherwise what the second knows of its elements is about someone else.
    /// </summary>
    private AbstractValue? Zip(IInvocationOperation invocation, AbstractValue[] arguments)
    {
        if (Predicate(invocation) is not null)
        {
            return null;
        }

        AbstractValue? first = null;
        AbstractValue? second = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (model.IsCollection(invocation.Arguments[i].Value.Type))
            {
                if (first is null)
                {
                    first = arguments[i];
                }
                else
                {
                    second ??= arguments[i];
                }
            }
        }

        if (first is null || second is null)
        {
            return null;
        }

        var origin = first.Origin ?? first.Alias;
        var aligned = origin is not null && KeyComparer.Instance.Equals(origin, second.Origin ?? second.Alias);
        var pair = new AbstractValue
        {
            Elements = ImmutableArray.Create(
                ElementOf(first),
                aligned ? ElementOf(second) : (second.Element ?? AbstractValue.Empty).Without(ElementRoot.Self)),
        };
        return new AbstractValue { Roots = first.Roots, Element = pair, Origin = aligned ? origin : null };
    }

    /// <summary>What a sequence knows of its element, and that it is about the element.</summary>
    private static AbstractValue ElementOf(AbstractValue sequence)
    {
        var element = sequence.Element ?? AbstractValue.Empty;
        return element with { Roots = element.Roots.Add(new Subject(ElementRoot.Self, null)) };
    }

    /// <summary>
    /// <c>gate.CheckMany(requests)</c>: a decision per request, at its position, about the request
    /// and about whom the request is about, on the request's channel.
    /// </summary>
    private static AbstractValue Decisions(AbstractValue requests, Channels channels)
    {
        var request = ElementOf(requests);
        var element = new AbstractValue
        {
            Roots = request.Roots,
            Grants = Facts.For(request.Roots, channels | request.Channels),
            Channels = channels | request.Channels,
        };
        return new AbstractValue { Roots = requests.Roots, Element = element, Origin = requests.Origin ?? requests.Alias };
    }

    /// <summary>The index variable of <c>list[i]</c>; null for any other index.</summary>
    private static ISymbol? IndexVariable(IOperation? index)
    {
        while (index is IConversionOperation conversion)
        {
            index = conversion.Operand;
        }

        return index switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    /// <summary>The element at <paramref name="index"/> of <paramref name="origin"/>, remembered so that either's new value kills it.</summary>
    private IndexedRoot Indexed(object origin, ISymbol index)
    {
        var root = new IndexedRoot(origin, index);
        Remember(origin, root);
        Remember(index, root);
        return root;
    }

    private void Remember(object key, IndexedRoot root)
    {
        indexedRoots ??= new Dictionary<object, HashSet<IndexedRoot>>(KeyComparer.Instance);
        if (!indexedRoots.TryGetValue(key, out var roots))
        {
            roots = indexedRoots[key] = new HashSet<IndexedRoot>();
        }

        roots.Add(root);
    }

    /// <summary>
    /// <c>list.Sort()</c>, <c>Reverse()</c>, <c>Insert</c>, <c>Remove</c>, <c>Clear</c>,
    /// <c>Array.Sort(array)</c>, <c>Shuffle</c>: the lists it is given change their positions.
    /// </summary>
    private void Reorders(IInvocationOperation invocation, AbstractValue instance, AbstractValue[] arguments)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Sort":
            case "Reverse":
            case "Insert":
            case "InsertRange":
            case "Remove":
            case "RemoveAt":
            case "RemoveAll":
            case "RemoveRange":
            case "Clear":
            case "Shuffle":
                break;
            default:
                return;
        }

        if (method.IsExtensionMethod && model.IsCollection(method.ReturnType))
        {
            // LINQ's Reverse: a new sequence, the old one unchanged.
            return;
        }

        if (model.IsCollection(invocation.Instance?.Type) && (instance.Alias ?? instance.Origin) is { } list)
        {
            Reordered(list);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (model.IsCollection(invocation.Arguments[i].Value.Type) && (arguments[i].Alias ?? arguments[i].Origin) is { } argument)
            {
                Reordered(argument);
            }
        }
    }

    /// <summary>
    /// The elements of <paramref name="sequence"/> changed places or were replaced (<c>Sort</c>,
    /// <c>Insert</c>, <c>list[i] = ...</c>): what was known of its positions dies, the sequences that
    /// followed them no longer do, and neither does it follow its own origin.
    /// </summary>
    private void Reordered(object sequence)
    {
        if (indexedRoots is not null && indexedRoots.TryGetValue(sequence, out var roots))
        {
            foreach (var root in roots.ToArray())
            {
                Kill(root);
            }
        }

        ValueMap.Builder? values = null;
        foreach (var entry in state.Values)
        {
            if (entry.Value.Origin is { } origin && (KeyComparer.Instance.Equals(origin, sequence) || KeyComparer.Instance.Equals(entry.Key, sequence)))
            {
                values ??= state.Values.ToBuilder();
                values[entry.Key] = entry.Value with { Origin = null };
            }
        }

        if (values is not null)
        {
            state.Values = values.ToImmutable();
        }
    }

    /// <summary>The element after a predicate: it holds what the predicate checked when it returned true.</summary>
    private AbstractValue Filtered(IInvocationOperation invocation, AbstractValue element)
    {
        if (Predicate(invocation) is not { } predicate)
        {
            return element;
        }

        var whenTrue = host.Summarize(predicate, element).WhenTrue;
        return whenTrue.Count == 0 ? element : element with { Holds = Sets.Union(element.Holds, whenTrue) };
    }

    private LambdaCode? Predicate(IInvocationOperation invocation)
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

    /// <summary>
    /// The lambda <paramref name="value"/> is, in the graph being analysed or in the structured
    /// walk; null for anything else (and for the tree's lambdas in the replay without evidence).
    /// </summary>
    private LambdaCode? LambdaOf(IOperation value)
        => value switch
        {
            IFlowAnonymousFunctionOperation lambda when graph is not null => new LambdaCode(graph, lambda),
            IAnonymousFunctionOperation lambda when walking => new LambdaCode(lambda),
            IDelegateCreationOperation creation => LambdaOf(creation.Target),
            IConversionOperation conversion => LambdaOf(conversion.Operand),
            _ => null,
        };
}
