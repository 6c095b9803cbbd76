using System.Collections.Generic;
using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>Permits and decisions: opened, completed, handed over, read; and the code that escapes into lambdas.</summary>
internal sealed partial class ConsentInterpreter
{
    private AbstractValue? lambdaElement;

    private void MarkRead(ISymbol variable)
    {
        if (state.UnreadDecisions.Count > 0)
        {
            state.UnreadDecisions = state.UnreadDecisions.RemoveWhere(s => KeyComparer.Instance.Equals(s.Variable, variable));
        }
    }

    /// <summary>
    /// A permit that leaves the method's hands (passed to a method that is not a dial API, stored
    /// in a field, returned, captured) is the receiver's to complete: it is no longer tracked. One
    /// kept in a local is still this method's, through that local.
    /// </summary>
    private void UsePermit(IOperation reference, SmallSet<object> holders)
    {
        if (state.OpenPermits.Count == 0)
        {
            return;
        }

        var child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation invocation when invocation.Instance == child:
            case IMemberReferenceOperation member when member.Instance == child:
            case IIsNullOperation:
            case IBinaryOperation:
            case IIsPatternOperation:
            case IFlowCaptureOperation:
            case IExpressionStatementOperation:
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation } assignment when assignment.Value == child:
            case IArgumentOperation { Parent: IInvocationOperation dial } when model.GetDialTarget(dial.TargetMethod) is not null:
            case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } when model.GetDialTarget(constructor) is not null:
                return;
            default:
                Close(holders);
                return;
        }
    }

    private void Close(SmallSet<object> holders)
    {
        if (holders.Count == 0 || state.OpenPermits.Count == 0)
        {
            return;
        }

        state.OpenPermits = state.OpenPermits.RemoveWhere(s => holders.Contains(s.Variable));
    }

    private void OpenPermit(ISymbol variable, SyntaxNode site)
    {
        foreach (var open in state.OpenPermits)
        {
            if (open.Node != site && replaying && KeyComparer.Instance.Equals(open.Variable, variable))
            {
                rules?.OnPermitObtainedAgain(open);
            }
        }

        state.OpenPermits = state.OpenPermits.RemoveWhere(s => KeyComparer.Instance.Equals(s.Variable, variable)).Add(new Site(variable, site));
    }

    private void LambdaCreated(LambdaCode lambda)
    {
        EscapeInto(lambda.Syntax);
        CapturedDelegates(lambda.Syntax);
        if (replaying && rules is not null)
        {
            host.LambdaCreated(lambda, state.Clone(), lambdaElement);
        }
    }

    private void LocalFunctionCalled(IMethodSymbol method)
    {
        if (replaying && rules is not null)
        {
            host.LocalFunctionCalled(method, state.Clone());
        }
    }

    /// <summary>Permits referenced inside a lambda escape into it; decisions read there count as read.</summary>
    private void EscapeInto(SyntaxNode body)
    {
        if (state.OpenPermits.Count == 0 && state.UnreadDecisions.Count == 0)
        {
            return;
        }

        // The names that can matter: the holders of open permits, the locals holding a permit, the
        // unread decisions. Only those are looked for in the lambda.
        var wanted = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var open in state.OpenPermits)
        {
            if (open.Variable is ISymbol holder)
            {
                wanted.Add(holder.Name);
            }
        }

        if (state.OpenPermits.Count > 0)
        {
            foreach (var entry in state.Values)
            {
                if (entry.Key is ISymbol local && entry.Value.Holders.Count > 0)
                {
                    wanted.Add(local.Name);
                }
            }
        }

        foreach (var unread in state.UnreadDecisions)
        {
            if (unread.Variable is ISymbol variable)
            {
                wanted.Add(variable.Name);
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && wanted.Contains(token.ValueText))
            {
                names.Add(token.ValueText);
            }
        }

        foreach (var open in state.OpenPermits.ToArray())
        {
            if (Mentioned(open.Variable, names))
            {
                Close(Sets.Key(open.Variable));
            }
        }

        foreach (var unread in state.UnreadDecisions.ToArray())
        {
            if (unread.Variable is ISymbol variable && names.Contains(variable.Name))
            {
                MarkRead(variable);
            }
        }
    }

    /// <summary>True when the holder, or a local holding its permit (<c>var p = reservation.Permit</c>), is named.</summary>
    private bool Mentioned(object holder, HashSet<string> names)
    {
        if (holder is ISymbol symbol && names.Contains(symbol.Name))
        {
            return true;
        }

        foreach (var entry in state.Values)
        {
            if (entry.Key is ISymbol local && entry.Value.Holders.Contains(holder) && names.Contains(local.Name))
            {
                return true;
            }
        }

        return false;
    }
}
