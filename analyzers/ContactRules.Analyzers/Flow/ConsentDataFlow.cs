using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContactRules.Analyzers.Flow.Engine;
using ContactRules.Analyzers.Flow.Interpreter;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Flow.Rules;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow;

/// <summary>
/// The consent analysis of one code block: its graph, then the graphs of its lambdas (starting
/// from the facts where each is created, and, for a lambda handed a sequence's elements, what the
/// sequence knows of them) and of its local functions (starting from the facts at every call).
/// Wires the <see cref="GraphSolver"/>, the <see cref="ConsentInterpreter"/> and the rules.
/// </summary>
internal sealed class ConsentDataFlow : ILambdaHost
{
    private const int MaxSummaryDepth = 4;

    private readonly ConsentModel model;
    private readonly CancellationToken cancellationToken;
    private GraphSolver? solver;
    private readonly ConsentInterpreter interpreter;
    // Made when first needed: most blocks have no local function, and a structured one no graph.
    private Dictionary<IMethodSymbol, FlowState>? localFunctionEntries;
    private Dictionary<IMethodSymbol, ControlFlowGraph>? localFunctionOwners;
    private readonly List<(LambdaCode Lambda, FlowState State, AbstractValue? Element)> createdLambdas = new();
    private Dictionary<SyntaxNode, (AbstractValue? Element, LambdaSummary Summary)>? summaries;
    private readonly ISet<SyntaxNode> contactingFunctions;
    private int summaryDepth;
    private int analyzedLambdas;

    /// <param name="model">What is a dial, a check, a decision in this compilation.</param>
    /// <param name="rules">Who is told of contacts and exits.</param>
    /// <param name="contactingFunctions">
    /// The lambdas and local functions that contain a dial or a permit: the only ones whose own
    /// graphs can give the rules anything to report.
    /// </param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    public ConsentDataFlow(ConsentModel model, IFlowRules rules, ISet<SyntaxNode> contactingFunctions, CancellationToken cancellationToken)
    {
        this.model = model;
        this.contactingFunctions = contactingFunctions;
        this.cancellationToken = cancellationToken;
        interpreter = new ConsentInterpreter(model, this, rules);
    }

    /// <summary>
    /// A block in which nothing checks, decides or permits: every path holds no consent, so one
    /// walk of the operation tree (lambdas and local functions included) tells the rules of every
    /// contact, with no control-flow graph.
    /// </summary>
    public void RunWithoutEvidence(IOperation root) => interpreter.ReplayTree(root);

    /// <summary>
    /// A structured block (see <see cref="StructuredCode"/>), and its lambdas, walked on their
    /// operation trees with no control-flow graph. False when the walk met what it does not model
    /// (the rules were then told part of it, and the block must be analysed on its graph instead).
    /// </summary>
    public bool RunStructured(IOperation root)
    {
        if (!interpreter.RunStructured(root, FlowState.Initial(), null))
        {
            return false;
        }

        while (analyzedLambdas < createdLambdas.Count)
        {
            var (lambda, created, element) = createdLambdas[analyzedLambdas++];
            if (!interpreter.RunStructured(lambda.InTree!.Body, EntryOf(created, lambda.Symbol.Parameters, element), null))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Analyses <paramref name="graph"/> with its lambdas and local functions; the rules collect what they find.</summary>
    public void Run(ControlFlowGraph graph)
    {
        Analyze(graph, FlowState.Initial());
        DrainLambdas();

        // Local functions start from the meet of the states at their calls; a call found while
        // analysing another local function can narrow it, so iterate a bounded number of times.
        var analyzed = new Dictionary<IMethodSymbol, FlowState>(SymbolEqualityComparer.Default);
        for (var round = 0; round < 4; round++)
        {
            var any = false;
            foreach (var pair in localFunctionOwners?.ToArray() ?? System.Array.Empty<KeyValuePair<IMethodSymbol, ControlFlowGraph>>())
            {
                if (!IsContacting(pair.Key))
                {
                    continue;
                }

                var entry = EntryOf(localFunctionEntries is not null && localFunctionEntries.TryGetValue(pair.Key, out var called) ? called : FlowState.Initial(), pair.Key.Parameters, null);
                if (analyzed.TryGetValue(pair.Key, out var previous) && previous.SameAs(entry))
                {
                    continue;
                }

                analyzed[pair.Key] = entry;
                any = true;
                Analyze(pair.Value.GetLocalFunctionControlFlowGraph(pair.Key, cancellationToken), entry);
                DrainLambdas();
            }

            if (!any)
            {
                break;
            }
        }
    }

    public void LambdaCreated(LambdaCode lambda, FlowState state, AbstractValue? element)
    {
        if (contactingFunctions.Contains(lambda.Syntax))
        {
            createdLambdas.Add((lambda, state, element));
        }
    }

    public int LambdasCreated => createdLambdas.Count;

    public void ForgetLambdasAfter(int count) => createdLambdas.RemoveRange(count, createdLambdas.Count - count);

    private bool IsContacting(IMethodSymbol localFunction)
    {
        foreach (var reference in localFunction.DeclaringSyntaxReferences)
        {
            if (contactingFunctions.Contains(reference.GetSyntax(cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    public void LocalFunctionCalled(IMethodSymbol method, FlowState state)
    {
        var definition = method.OriginalDefinition;
        localFunctionEntries ??= new Dictionary<IMethodSymbol, FlowState>(SymbolEqualityComparer.Default);
        localFunctionEntries[definition] = localFunctionEntries.TryGetValue(definition, out var known)
            ? FlowState.Meet(known, state)!
            : state;
    }

    public LambdaSummary Summarize(LambdaCode lambda, AbstractValue? element)
    {
        if (summaries is not null && summaries.TryGetValue(lambda.Syntax, out var cached) && (cached.Element is null ? element is null : cached.Element.SameAs(element)))
        {
            return cached.Summary;
        }

        if (summaryDepth >= MaxSummaryDepth)
        {
            return LambdaSummary.Nothing;
        }

        summaryDepth++;
        try
        {
            var summary = ComputeSummary(lambda, element);
            (summaries ??= new Dictionary<SyntaxNode, (AbstractValue? Element, LambdaSummary Summary)>())[lambda.Syntax] = (element, summary);
            return summary;
        }
        finally
        {
            summaryDepth--;
        }
    }

    /// <summary>
    /// Runs the lambda on its own (facts of the enclosing code are not the element's business)
    /// and keeps, about its first parameter, what it returns and what holds when it returns true.
    /// </summary>
    private LambdaSummary ComputeSummary(LambdaCode code, AbstractValue? element)
    {
        var lambda = code.Symbol;
        if (lambda.Parameters.IsEmpty)
        {
            return LambdaSummary.Nothing;
        }

        var parameter = lambda.Parameters[0];
        var quiet = new ConsentInterpreter(model, this, rules: null);
        var isPredicate = ConsentModel.IsBoolLike(lambda.ReturnType);
        AbstractValue? returned = null;
        SmallSet<Consent>? whenTrue = null;
        SmallSet<Consent>? atReturn = null;
        var any = false;
        void OnReturn(FlowState state, AbstractValue value)
        {
            var stored = value.Stored(state.Consented, isPredicate);
            returned = returned is null ? stored : AbstractValue.Meet(returned, stored);
            atReturn = atReturn is null ? state.Consented : Sets.Intersect(atReturn, state.Consented);
            if (isPredicate)
            {
                whenTrue = any ? Sets.Either(whenTrue, stored.WhenTrue) : stored.WhenTrue;
                any = true;
            }
        }

        var entry = EntryOf(FlowState.Initial(), lambda.Parameters, element);
        if (code.Owner is { } owner)
        {
            quiet.Run(solver ??= new GraphSolver(), owner.GetAnonymousFunctionControlFlowGraph(code.InGraph!, cancellationToken), entry, OnReturn, cancellationToken);
        }
        else if (!quiet.RunStructured(code.InTree!.Body, entry, OnReturn))
        {
            // The lambda's body held what the walk does not model: so does the block.
            throw new StructuredWalkAbandoned();
        }

        return new LambdaSummary(
            returned?.Substitute(parameter, ElementRoot.Self) ?? AbstractValue.Empty,
            whenTrue is null ? Sets.NoConsents : Facts.About(whenTrue, parameter, ElementRoot.Self),
            atReturn is null ? Sets.NoConsents : Facts.About(atReturn, parameter, ElementRoot.Self));
    }

    private void Analyze(ControlFlowGraph graph, FlowState entry)
    {
        foreach (var localFunction in graph.LocalFunctions)
        {
            (localFunctionOwners ??= new Dictionary<IMethodSymbol, ControlFlowGraph>(SymbolEqualityComparer.Default))[localFunction] = graph;
        }

        interpreter.Run(solver ??= new GraphSolver(), graph, entry, null, cancellationToken);
    }

    private void DrainLambdas()
    {
        while (analyzedLambdas < createdLambdas.Count)
        {
            var (lambda, created, element) = createdLambdas[analyzedLambdas++];
            Analyze(lambda.Owner!.GetAnonymousFunctionControlFlowGraph(lambda.InGraph!, cancellationToken), EntryOf(created, lambda.Symbol.Parameters, element));
        }
    }

    /// <summary>
    /// The state a lambda or local function starts from: the enclosing facts, its parameters new
    /// (the first one an element of a sequence, when <paramref name="element"/> says what is
    /// known of it), and no permits or decisions of the enclosing code to answer for.
    /// </summary>
    private static FlowState EntryOf(FlowState outer, ImmutableArray<IParameterSymbol> parameters, AbstractValue? element)
    {
        var entry = outer.Clone();
        foreach (var parameter in parameters)
        {
            entry.Stale = entry.Stale.Add(parameter);
            entry.Consented = AbstractValue.Remove(entry.Consented, parameter);
            entry.Values = entry.Values.Remove(parameter);
        }

        if (element is not null && parameters.Length > 0)
        {
            var first = parameters[0];
            var value = element.Substitute(ElementRoot.Self, first);
            entry.Values = entry.Values.SetItem(first, (value with { Holds = Sets.NoConsents }).AsReadOf(first, holdsPermit: false));
            entry.Consented = Sets.Union(entry.Consented, Facts.About(element.Holds, ElementRoot.Self, first));
        }

        entry.OpenPermits = Sets.NoSites;
        entry.UnreadDecisions = Sets.NoSites;
        return entry;
    }
}
