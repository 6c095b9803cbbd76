using System;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Flow.Rules;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>Calls, creations and properties: checks, decisions, reservations, permits, dials.</summary>
internal sealed partial class ConsentInterpreter
{
    private AbstractValue ReadProperty(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;
        if (symbol.Name == "Result" && property.Instance is { } task && ConsentModel.UnwrapTask(task.Type!) is var result && !ReferenceEquals(result, task.Type))
        {
            return Eval(task);
        }

        if (IsThisOrStatic(property.Instance) && property.Arguments.Length == 0 && model.GetDialTarget(symbol) is null && !IsCheckProperty(symbol))
        {
            return ReadVariable(symbol, property);
        }

        var instance = Eval(property.Instance);
        if (PropertyOf(instance, symbol) is { } known)
        {
            if (symbol.Name == KnownNames.Permit && known.Holders.Count > 0)
            {
                UsePermit(property, known.Holders);
            }

            return known;
        }

        if (model.GetDialTarget(symbol) is { } target)
        {
            Dial(property, target, instance, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<AbstractValue>(), symbol.ContainingType.Name + "." + symbol.Name);
            return AbstractValue.FromRoots(instance.Roots);
        }

        if (property.Arguments.Length > 0)
        {
            foreach (var argument in property.Arguments)
            {
                Eval(argument);
            }

            return model.IsCollection(property.Instance?.Type)
                ? Extract(property.Syntax, instance, property.Arguments.Length == 1 ? property.Arguments[0].Value : null)
                : AbstractValue.FromRoots(instance.Roots);
        }

        if (symbol.Name == "Current")
        {
            // The current item of an enumerator: a foreach's element.
            return Extract(property.Syntax, instance);
        }

        return ReadMember(instance, symbol);
    }

    private bool IsCheckProperty(IPropertySymbol property) => model.GetCheckKind(property) == CheckKind.Bool;

    /// <summary>
    /// The properties that decide: <c>IsAllowed</c>, <c>IsReserved</c>, a <c>[ConsentCheck]</c>
    /// bool, and a reservation's <c>Permit</c> and <c>Decision</c>, which carry its facts and its
    /// permit. Null for any other property.
    /// </summary>
    private AbstractValue? PropertyOf(AbstractValue instance, IPropertySymbol property)
    {
        if (ConsentModel.IsIsAllowed(property) || ConsentModel.IsIsReserved(property))
        {
            return AbstractValue.Condition(instance.Roots, instance.Grants ?? Sets.NoConsents, Sets.NoConsents, Sets.NoKeys, instance.Holders);
        }

        if (KnownNames.IsContactRulesType(property.ContainingType, KnownNames.ContactReservation) && property.Name is KnownNames.Permit or KnownNames.Decision)
        {
            return new AbstractValue { Roots = instance.Roots, Grants = instance.Grants ?? Sets.NoConsents, Holders = instance.Holders };
        }

        if (model.GetCheckKind(property) == CheckKind.Bool)
        {
            return AbstractValue.Condition(instance.Roots, Facts.For(instance.Roots, instance.Channels), Sets.NoConsents, Sets.NoKeys, Sets.NoKeys);
        }

        return null;
    }

    private AbstractValue Create(IObjectCreationOperation creation)
    {
        var arguments = EvalArguments(creation.Arguments, null);
        var roots = Sets.NoSubjects;
        foreach (var argument in arguments)
        {
            roots = Sets.Union(roots, argument.Roots);
        }

        if (creation.Initializer is not null)
        {
            roots = Sets.Union(roots, Eval(creation.Initializer).Roots);
        }

        if (creation.Constructor is { } constructor && model.GetDialTarget(constructor) is { } target)
        {
            Dial(creation, target, AbstractValue.Empty, creation.Arguments, arguments, constructor.ContainingType.Name);
        }

        return new AbstractValue { Roots = roots, Channels = ChannelsOf(creation.Arguments, arguments) };
    }

    private AbstractValue Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var instance = invocation.Instance is null ? AbstractValue.Empty : Eval(invocation.Instance);
        if (invocation.Instance is not null && IsAwaitPlumbing(method))
        {
            EvalArguments(invocation.Arguments, null);
            return instance;
        }

        var sequence = model.IsCollection(invocation.Instance?.Type) ? instance : null;
        var arguments = EvalArguments(invocation.Arguments, sequence);
        if (sequence is null)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (model.IsCollection(invocation.Arguments[i].Value.Type))
                {
                    sequence = arguments[i];
                    break;
                }
            }
        }

        var subjects = Sets.NoSubjects;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!IsCancellationToken(invocation.Arguments[i].Value.Type))
            {
                subjects = Sets.Union(subjects, arguments[i].Roots);
            }
        }

        if (subjects.Count == 0)
        {
            subjects = instance.Roots;
        }

        var channels = ChannelsOf(invocation.Arguments, arguments) | instance.Channels;
        var outPermit = StoreOutArguments(invocation, subjects, channels);

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            LocalFunctionCalled(method);
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && instance.Dials is { } through)
        {
            InvokeDelegate(invocation, through, arguments);
        }

        if (heldDelegates)
        {
            HandDelegates(invocation, sequence, arguments);
        }

        if (model.GetDialTarget(method) is { } target)
        {
            Dial(invocation, target, instance, invocation.Arguments, arguments, method.ContainingType.Name + "." + method.Name);
        }

        if (ConsentModel.IsPermitComplete(method))
        {
            Close(NullKeys(instance));
        }

        var facts = model.GetCallFacts(method);
        if ((facts & CallFacts.Decision) != 0 && model.IsCheckMany(method))
        {
            return Decisions(sequence ?? AbstractValue.Empty, channels);
        }

        if ((facts & CallFacts.Decision) != 0)
        {
            // A decision, or a reservation (which is both a decision and a permit).
            return new AbstractValue { Roots = subjects, Grants = Facts.For(subjects, channels), Site = invocation.Syntax, Channels = channels };
        }

        if ((facts & CallFacts.Check) != 0)
        {
            if (ConsentModel.IsTryReserve(method))
            {
                var grants = Facts.For(subjects, channels);
                var granted = outPermit is null ? grants : Sets.Union(grants, Facts.For(Sets.NoSubjects.Add(new Subject(outPermit, null)), channels));
                return AbstractValue.Condition(subjects, granted, Sets.NoConsents, Sets.NoKeys, outPermit is null ? Sets.NoKeys : Sets.Key(outPermit));
            }

            switch (model.GetCheckKind(method))
            {
                case CheckKind.Bool:
                    return AbstractValue.Condition(subjects, Facts.For(subjects, channels), Sets.NoConsents, Sets.NoKeys, Sets.NoKeys);
                case CheckKind.Guard:
                    // A guard returns only when its contact may be contacted; it throws otherwise.
                    state.Consented = Sets.Union(state.Consented, Facts.For(subjects, channels));
                    state.Stale = Sets.NoKeys;
                    return AbstractValue.Empty;
            }
        }

        if ((facts & CallFacts.Permit) != 0 && model.IsPermit(method.ReturnType))
        {
            return new AbstractValue { Roots = subjects, Grants = Facts.For(subjects, channels), Site = invocation.Syntax };
        }

        if (sequence is not null && Sequences(invocation, sequence, arguments) is { } fromSequence)
        {
            return fromSequence;
        }

        Reorders(invocation, instance, arguments);

        if (sequence is not null && !model.IsCollection(method.ReturnType))
        {
            // Something computed from a sequence (an element, a count) is not the sequence's people.
            subjects = Sets.NoSubjects;
            for (var i = 0; i < arguments.Length; i++)
            {
                if (!model.IsCollection(invocation.Arguments[i].Value.Type))
                {
                    subjects = Sets.Union(subjects, arguments[i].Roots);
                }
            }
        }

        if (subjects.Count > 0 && IsLookup(invocation))
        {
            // A person of its own, a new one each time the call runs.
            var looked = new LookupRoot(invocation.Syntax);
            Kill(looked);
            return new AbstractValue { Roots = Sets.NoSubjects.Add(new Subject(looked, null)), Channels = channels };
        }

        return subjects.Count == 0 && channels == Channels.None ? AbstractValue.Empty : new AbstractValue { Roots = subjects, Channels = channels };
    }

    /// <summary>
    /// A call that returns a record with phone numbers of its own given only ids and plain values
    /// (<c>customers.FindAsync(e.CustomerId)</c>): not a copy or a view of a record it was handed
    /// (<c>Normalize(customer)</c>, <c>e.GetCustomer()</c>) nor one found by a person's number
    /// (<c>FindByPhone(e.Phone)</c>), but another record, whose numbers are not those of the values
    /// it was looked up with.
    /// </summary>
    private bool IsLookup(IInvocationOperation invocation)
    {
        if (!model.IsPersonRecord(ConsentModel.UnwrapTask(invocation.TargetMethod.ReturnType)) || model.IsPersonRecord(invocation.Instance?.Type))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (model.IsPersonRecord(value.Type))
            {
                return false;
            }

            if (value is IMemberReferenceOperation { Member: var member } && model.Numbers.IsNumber(member))
            {
                // Found by the number (FindByPhone(e.Phone)): its number is the one it was found by.
                return false;
            }
        }

        return true;
    }

    /// <summary>A cancellation token names nobody: a check given one (<c>CheckAsync(request, ct)</c>) is not about it.</summary>
    private static bool IsCancellationToken(ITypeSymbol? type)
        => type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } };

    /// <summary><c>ConfigureAwait</c>, <c>WaitAsync</c>, <c>AsTask</c>, <c>GetAwaiter().GetResult()</c>: the awaited value passes through.</summary>
    private static bool IsAwaitPlumbing(IMethodSymbol method)
        => method.Name is "ConfigureAwait" or "WaitAsync" or "AsTask" or "GetAwaiter" or "GetResult"
           && method.ContainingNamespace is { Name: "Tasks" or "CompilerServices" };

    /// <summary>The <c>out</c> and <c>ref</c> arguments: a decision or a permit given by the call; returns the permit variable.</summary>
    private ISymbol? StoreOutArguments(IInvocationOperation invocation, SmallSet<Subject> subjects, Channels channels)
    {
        ISymbol? outPermit = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind is not (RefKind.Out or RefKind.Ref))
            {
                continue;
            }

            var variable = argument.Value switch
            {
                ILocalReferenceOperation l => (ISymbol)l.Local,
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation l } => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                _ => null,
            };
            if (variable is null)
            {
                continue;
            }

            var type = TypeOf(variable);
            if (model.IsDecision(type))
            {
                StoreVariable(variable, new AbstractValue { Roots = subjects, Grants = Facts.For(subjects, channels) });
            }
            else if (model.IsPermit(type))
            {
                StoreVariable(variable, new AbstractValue { Roots = subjects, Grants = Facts.For(subjects, channels) });
                if (variable is ILocalSymbol)
                {
                    OpenPermit(variable, invocation.Syntax);
                    outPermit = variable;
                }
            }
            else
            {
                StoreVariable(variable, AbstractValue.FromRoots(AbstractValue.Remove(subjects, variable)));
            }
        }

        return outPermit;
    }

    private AbstractValue[] EvalArguments(ImmutableArray<IArgumentOperation> arguments, AbstractValue? sequence)
    {
        var values = new AbstractValue[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.Parameter?.RefKind == RefKind.Out)
            {
                values[i] = AbstractValue.Empty;
                continue;
            }

            // A lambda handed a sequence's elements (ForEach, Select, Parallel.ForEach) starts
            // with what the sequence knows of each element.
            lambdaElement = sequence is not null && LambdaOf(argument.Value) is not null ? sequence.Element ?? AbstractValue.Empty : null;
            values[i] = Eval(argument.Value);
            lambdaElement = null;
            if (sequence is null && model.IsCollection(argument.Value.Type))
            {
                sequence = values[i];
            }
        }

        return values;
    }

    /// <summary>The channel the arguments speak of: a <c>ContactChannel</c> constant, or a request built with one.</summary>
    private Channels ChannelsOf(ImmutableArray<IArgumentOperation> arguments, AbstractValue[] values)
    {
        var channels = Channels.None;
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i].Value;
            if (ConsentModel.IsChannel(value.Type))
            {
                channels |= value.ConstantValue is { HasValue: true, Value: int constant } ? (constant == 1 ? Channels.Sms : Channels.Voice) : Channels.Any;
            }
            else
            {
                channels |= values[i].Channels;
            }
        }

        return channels;
    }

    private void Dial(IOperation dial, DialTarget target, AbstractValue receiver, ImmutableArray<IArgumentOperation> arguments, AbstractValue[] values, string name)
    {
        if (!replaying || rules is null)
        {
            return;
        }

        SyntaxNode? contactSyntax = null;
        var contact = Sets.NoSubjects;
        for (var i = 0; i < arguments.Length; i++)
        {
            var ordinal = arguments[i].Parameter?.Ordinal ?? -1;
            if (ordinal == target.PermitOrdinal && arguments[i].Value.ConstantValue is not { HasValue: true, Value: null })
            {
                // A permit is proof by its type.
                return;
            }

            if (target.ContactOrdinals.IsEmpty || target.ContactOrdinals.Contains(ordinal))
            {
                contact = Sets.Union(contact, values[i].Roots);
                if (arguments[i].ArgumentKind != ArgumentKind.DefaultValue)
                {
                    contactSyntax ??= arguments[i].Value.Syntax;
                }
            }
        }

        if (target.Requirement is { } requirement && !requirement.IsMet(arguments))
        {
            return;
        }

        if (arguments.Length == 0 || (contact.Count == 0 && target.ContactOrdinals.IsEmpty && contactSyntax is null))
        {
            contact = receiver.Roots;
            contactSyntax = dial switch
            {
                IMemberReferenceOperation { Instance: { IsImplicit: false } owner } => owner.Syntax,
                IInvocationOperation { Instance: { IsImplicit: false } owner } => owner.Syntax,
                _ => null,
            };
        }

        rules.OnDial(new DialSite(dial.Syntax, name, target, contact, contactSyntax), state);
    }
}
