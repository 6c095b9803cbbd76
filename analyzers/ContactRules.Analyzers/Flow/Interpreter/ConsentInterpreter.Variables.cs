using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Flow.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// Variables and members: what a read returns, what an assignment, a deconstruction or an
/// initializer changes, and the death of what was known of a variable that gets a new value.
/// </summary>
internal sealed partial class ConsentInterpreter
{
    private static bool IsThisOrStatic(IOperation? instance)
        => instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static ITypeSymbol? TypeOf(object variable) => variable switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    [MethodImpl(Jit.Optimized)]
    private AbstractValue ReadVariable(ISymbol variable, IOperation reference)
    {
        if (state.UnreadDecisions.Count > 0)
        {
            MarkRead(variable);
        }

        if (!state.Values.TryGetValue(variable, out var value))
        {
            value = Unassigned(variable);
        }

        if (value.Holders.Count > 0 && variable is ILocalSymbol local && model.HoldsPermit(local.Type))
        {
            UsePermit(reference, value.Holders);
        }

        if (value.Dials is { } dials)
        {
            UseDelegate(reference, dials);
        }

        return value;
    }

    /// <summary>
    /// What reading <paramref name="variable"/> gives when nothing was assigned to it here (a
    /// parameter, a field): about itself, a plain read of itself. One value per variable, reused.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private AbstractValue Unassigned(ISymbol variable)
    {
        if (!unassigned.TryGetValue(variable, out var value))
        {
            value = AsRead(AbstractValue.Empty, variable);
            unassigned[variable] = value;
        }

        return value;
    }

    /// <summary>
    /// <paramref name="value"/> as a read of <paramref name="variable"/> returns it: also about the
    /// variable itself, with the variable as its alias, and, for a permit or a reservation, as
    /// one of its holders. Variables keep their values in this form, so that a read copies nothing.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private AbstractValue AsRead(AbstractValue value, ISymbol variable)
        => value.AsReadOf(variable, variable is ILocalSymbol or IParameterSymbol && model.HoldsPermit(TypeOf(variable)));

    private AbstractValue ReadCapture(IFlowCaptureReferenceOperation reference)
    {
        if (!state.Values.TryGetValue(reference.Id, out var value))
        {
            return AbstractValue.Empty;
        }

        if (value.Holders.Count > 0)
        {
            UsePermit(reference, value.Holders);
        }

        if (value.Dials is { } dials)
        {
            UseDelegate(reference, dials);
        }

        return value;
    }

    private AbstractValue ReadField(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (field.ContainingType is { IsTupleType: true } tuple)
        {
            var value = Eval(reference.Instance);
            var index = TupleIndex(tuple, field);
            return !value.Elements.IsDefault && index >= 0 && index < value.Elements.Length ? value.Elements[index] : AbstractValue.FromRoots(value.Roots);
        }

        return IsThisOrStatic(reference.Instance) ? ReadVariable(field, reference) : ReadMember(Eval(reference.Instance), field);
    }

    private static int TupleIndex(INamedTypeSymbol tuple, IFieldSymbol field)
    {
        var elements = tuple.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i].Name == field.Name || elements[i].CorrespondingTupleField?.Name == field.Name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>c.Phone</c>: about <c>c</c>, and about that number of theirs.</summary>
    private AbstractValue ReadMember(AbstractValue instance, ISymbol member)
    {
        if (instance.Roots.Count == 0)
        {
            return AbstractValue.Empty;
        }

        if (!model.Numbers.IsNumber(member))
        {
            return AbstractValue.FromRoots(instance.Roots);
        }

        var roots = Sets.NoSubjects;
        foreach (var subject in instance.Roots)
        {
            roots = roots.Add(subject.Number is null ? subject.WithNumber(member.OriginalDefinition) : subject);
        }

        return AbstractValue.FromRoots(roots);
    }

    private void AssignTo(IOperation target, AbstractValue value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                StoreVariable(local.Local, value);
                return;
            case IParameterReferenceOperation parameter:
                StoreVariable(parameter.Parameter, value);
                return;
            case IFieldReferenceOperation field when IsThisOrStatic(field.Instance):
                StoreVariable(field.Field, value);
                return;
            case IPropertyReferenceOperation property when property.Arguments.Length == 0 && IsThisOrStatic(property.Instance):
                if (model.GetDialTarget(property.Property) is { } setterTarget)
                {
                    Dial(property, setterTarget, AbstractValue.Empty, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<AbstractValue>(), property.Property.ContainingType.Name + "." + property.Property.Name);
                }

                StoreVariable(property.Property, value);
                return;
            case IMemberReferenceOperation member:
                {
                    var owner = Eval(member.Instance);
                    if (member is IPropertyReferenceOperation { Property: var p } && model.GetDialTarget(p) is { } memberTarget)
                    {
                        Dial(member, memberTarget, owner, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<AbstractValue>(), p.ContainingType.Name + "." + p.Name);
                    }

                    // An initializer (lowered by the graph onto a flow capture) or a plain assignment.
                    SetMember(member.Instance is IFlowCaptureReferenceOperation capture ? capture.Id : owner.Alias, member.Member, value);
                    if (member is IPropertyReferenceOperation { Arguments.Length: > 0 } && model.IsCollection(member.Instance?.Type) && (owner.Alias ?? owner.Origin) is { } list)
                    {
                        // list[i] = other: another element at that position.
                        Reordered(list);
                    }

                    return;
                }

            case IDiscardOperation:
                return;
            default:
                {
                    var owner = AbstractValue.Empty;
                    foreach (var child in target.ChildOperations)
                    {
                        var evaluated = Eval(child);
                        if (owner.Alias is null)
                        {
                            owner = evaluated;
                        }
                    }

                    SetMember(owner.Alias, null, value);
                    if (target is IArrayElementReferenceOperation && (owner.Alias ?? owner.Origin) is { } array)
                    {
                        Reordered(array);
                    }

                    return;
                }
        }
    }

    /// <summary><c>var (c, d) = pair</c>: each part gets its part of the tuple.</summary>
    private void Deconstruct(IOperation target, AbstractValue value)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                Deconstruct(declaration.Expression, value);
                return;
            case ITupleOperation tuple:
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    var part = !value.Elements.IsDefault && i < value.Elements.Length ? value.Elements[i] : AbstractValue.FromRoots(value.Roots);
                    Deconstruct(tuple.Elements[i], part);
                }

                return;
            default:
                AssignTo(target, value);
                return;
        }
    }

    private AbstractValue Tuple(ITupleOperation tuple)
    {
        var elements = ImmutableArray.CreateBuilder<AbstractValue>(tuple.Elements.Length);
        var roots = Sets.NoSubjects;
        foreach (var element in tuple.Elements)
        {
            var value = Eval(element) with { Alias = null };
            elements.Add(value);
            roots = Sets.Union(roots, value.Roots);
        }

        return new AbstractValue { Roots = roots, Elements = elements.MoveToImmutable() };
    }

    /// <summary>
    /// <c>options.To = c.Phone</c>: the object now derives from <c>c</c> as well. Setting a phone
    /// number replaces the number it is about: <c>new Contact(c.Id) { PhoneNumber = c.Phone }</c>
    /// is about that number of <c>c</c>, and <c>lead with { Phone = "+33..." }</c> is about
    /// nobody the check of <c>lead</c> covered.
    /// </summary>
    private void SetMember(object? owner, ISymbol? member, AbstractValue value)
    {
        if (owner is null)
        {
            return;
        }

        var known = state.Values.TryGetValue(owner, out var found) ? found : owner is ISymbol variable ? Unassigned(variable) : AbstractValue.Empty;
        SmallSet<Subject> roots;
        if (member is not null && model.Numbers.IsNumber(member))
        {
            roots = Sets.NoSubjects;
            foreach (var subject in known.Roots)
            {
                if (subject.Number is not null)
                {
                    roots = roots.Add(subject);
                }
            }

            foreach (var subject in value.Roots)
            {
                roots = roots.Add(subject.Number is null ? subject.WithNumber(member.OriginalDefinition) : subject);
            }

            if (owner is ISymbol self)
            {
                // The variable is still itself; only the number it is about changed.
                roots = roots.Add(new Subject(self, null));
            }
        }
        else if (value.Roots.Count > 0)
        {
            roots = Sets.Union(known.Roots, value.Roots);
        }
        else
        {
            return;
        }

        state.Values = state.Values.SetItem(owner, known with { Roots = roots });
    }

    private void StoreVariable(ISymbol variable, AbstractValue value)
    {
        Kill(variable);
        var type = TypeOf(variable);
        var stored = value.Without(variable).Stored(state.Consented, type?.SpecialType == SpecialType.System_Boolean);
        var holdsPermit = model.HoldsPermit(type);
        if (holdsPermit && stored.Grants is { } grants)
        {
            // The permit's own request: permit.Request.Contact is whom it allows.
            stored = stored with { Grants = Sets.Union(grants, Facts.For(Sets.NoSubjects.Add(new Subject(variable, null)), Facts.ChannelsOf(grants))) };
        }

        state.Values = state.Values.SetItem(variable, AsRead(stored, variable));
        if (variable is ILocalSymbol && value.Site is { } site && value.Grants is not null && value.Holders.Count == 0)
        {
            if (holdsPermit)
            {
                OpenPermit(variable, site);
            }
            else if (model.IsDecision(type))
            {
                state.UnreadDecisions = state.UnreadDecisions.Add(new Site(variable, site));
            }
        }
    }

    /// <summary>The variable (or element) gets a new value: what was known of the old one dies.</summary>
    private void Kill(object root)
    {
        if (indexedRoots is { Count: > 0 } && indexedRoots.TryGetValue(root, out var taken))
        {
            // i++ or customers = ...: customers[i] is another element now.
            foreach (var element in taken.ToArray())
            {
                Kill(element);
            }
        }

        var old = Sets.NoConsents;
        if (state.Consented.Count > 0)
        {
            foreach (var consent in state.Consented)
            {
                if (KeyComparer.Instance.Equals(consent.Root, root))
                {
                    old = old.Add(consent);
                }
            }
        }

        var consented = old.Count == 0 ? state.Consented : state.Consented.Except(old);
        ValueMap.Builder? values = null;
        foreach (var entry in state.Values)
        {
            if (!entry.Value.Mentions(root))
            {
                continue;
            }

            values ??= state.Values.ToBuilder();

            // What was derived from a consented contact stays consented after the contact moves
            // on: `var to = c.Phone; c = next;` still allows dialing `to`, for that number only.
            if (old.Count > 0 && entry.Key is ISymbol derived && !KeyComparer.Instance.Equals(derived, root))
            {
                foreach (var subject in entry.Value.Roots)
                {
                    if (!KeyComparer.Instance.Equals(subject.Root, root))
                    {
                        continue;
                    }

                    foreach (var consent in old)
                    {
                        if (Coverage.SameNumber(consent.Number, subject.Number, model.Numbers))
                        {
                            consented = consented.Add(new Consent(new Subject(derived, null), consent.Channel));
                        }
                    }
                }
            }

            values[entry.Key] = entry.Value.Without(root);
        }

        if (values is not null)
        {
            values.Remove(root);
            state.Values = values.ToImmutable();
        }
        else if (state.Values.ContainsKey(root))
        {
            state.Values = state.Values.Remove(root);
        }

        state.Consented = consented;
        state.Stale = state.Stale.Add(root);
        if (state.UnreadDecisions.Count > 0 && root is ISymbol variable)
        {
            MarkRead(variable);
        }
    }
}
