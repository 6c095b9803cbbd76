using System.Collections.Immutable;
using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Flow.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// Dial APIs used as delegates. A method group of a dial API (<c>sms.SendAsync</c>,
/// <c>dialer.Dial</c>) kept in a local is a dial where the local is called (<c>send(number)</c>),
/// checked like the dial API itself; handed to a method together with a sequence
/// (<c>numbers.ForEach(dialer.Dial)</c>, <c>Parallel.ForEach(numbers, dialer.Dial)</c>) it dials
/// each element, reported at the method group; handed anywhere else (an argument without a
/// sequence, a field, a return value, a lambda that captures the local) it dials someone nobody
/// can name, reported at the method group as a contact without a check.
/// </summary>
internal sealed partial class ConsentInterpreter
{
    /// <summary>True once a dial API's method group was seen: only then do lambdas look for captured ones.</summary>
    private bool heldDelegates;

    /// <summary>The method group <paramref name="reference"/> of a dial API.</summary>
    private AbstractValue MethodGroup(IMethodReferenceOperation reference, DialTarget target)
    {
        Eval(reference.Instance);
        var method = reference.Method;
        var value = new AbstractValue { Dials = new DelegateDial(target, method.ContainingType.Name + "." + method.Name, reference.Syntax) };
        heldDelegates = true;
        UseDelegate(reference, value.Dials);
        return value;
    }

    /// <summary>A use of a delegate that may be a dial API's: kept, called, or handed on (judged by the call); anything else lets it escape.</summary>
    private void UseDelegate(IOperation use, DelegateDial dials)
    {
        var child = use;
        var parent = use.Parent;
        while (parent is IConversionOperation or IDelegateCreationOperation or IConditionalOperation or ICoalesceOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation } assignment when assignment.Value == child:
            case IVariableInitializerOperation:
            case IFlowCaptureOperation:
            case IInvocationOperation invocation when invocation.Instance == child:
            case IArgumentOperation { Parent: IInvocationOperation }:
                return;
            default:
                Escapes(dials);
                return;
        }
    }

    /// <summary><c>send(number)</c>: the dial API's call, with the delegate's arguments in its parameters' places.</summary>
    private void InvokeDelegate(IInvocationOperation invocation, DelegateDial dials, AbstractValue[] arguments)
        => Dial(invocation, dials.Target with { Requirement = null }, AbstractValue.Empty, invocation.Arguments, arguments, dials.Name);

    /// <summary>
    /// Method groups handed to <paramref name="invocation"/>: with a sequence (<c>ForEach</c>,
    /// <c>Select</c>, <c>Parallel.ForEach</c>) each element is contacted, as a lambda handed the
    /// same sequence would contact it; without one, nobody can say whom they will contact.
    /// </summary>
    private void HandDelegates(IInvocationOperation invocation, AbstractValue? sequence, AbstractValue[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Dials is not { } dials)
            {
                continue;
            }

            var ordinals = dials.Target.ContactOrdinals;
            if (sequence is null || ReferenceEquals(sequence, arguments[i]) || !(ordinals.IsEmpty || ordinals.Contains(0)))
            {
                Escapes(dials);
                continue;
            }

            var element = Extract(dials.Syntax, sequence);
            if (replaying && rules is not null)
            {
                rules.OnDial(new DialSite(dials.Syntax, dials.Name, dials.Target, element.Roots, SequenceSyntax(invocation, sequence, arguments)), state);
            }
        }
    }

    /// <summary>The delegate leaves for code that will call it with whoever: a contact nobody checked, at the method group.</summary>
    private void Escapes(DelegateDial dials)
    {
        if (replaying && rules is not null)
        {
            rules.OnDial(new DialSite(dials.Syntax, dials.Name, dials.Target, Sets.NoSubjects, null), state);
        }
    }

    /// <summary>Locals holding a dial API's method group that a lambda captures: it may call them with anyone.</summary>
    private void CapturedDelegates(SyntaxNode body)
    {
        if (!heldDelegates)
        {
            return;
        }

        ImmutableHashSet<string>? names = null;
        foreach (var entry in state.Values)
        {
            if (entry.Value.Dials is { } dials && entry.Key is ILocalSymbol local)
            {
                names ??= body.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToImmutableHashSet();
                if (names.Contains(local.Name))
                {
                    Escapes(dials);
                }
            }
        }
    }

    private static SyntaxNode? SequenceSyntax(IInvocationOperation invocation, AbstractValue sequence, AbstractValue[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (ReferenceEquals(arguments[i], sequence))
            {
                return invocation.Arguments[i].Value.Syntax;
            }
        }

        return invocation.Instance?.Syntax;
    }
}
