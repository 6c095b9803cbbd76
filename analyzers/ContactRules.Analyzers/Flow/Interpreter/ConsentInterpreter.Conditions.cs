using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>Conditions: comparisons, patterns and null tests, with what each side of them proves.</summary>
internal sealed partial class ConsentInterpreter
{
    private AbstractValue Binary(IBinaryOperation binary)
    {
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            var negate = binary.OperatorKind == BinaryOperatorKind.NotEquals;
            if (ConstantOf(binary.RightOperand) is { } right)
            {
                return Compare(Eval(binary.LeftOperand), binary.LeftOperand.Type, right, negate);
            }

            if (ConstantOf(binary.LeftOperand) is { } left)
            {
                return Compare(Eval(binary.RightOperand), binary.RightOperand.Type, left, negate);
            }
        }

        var leftValue = Eval(binary.LeftOperand);
        var rightValue = Eval(binary.RightOperand);
        return new AbstractValue { Roots = Sets.Union(leftValue.Roots, rightValue.Roots), Channels = leftValue.Channels | rightValue.Channels };
    }

    private static Optional<object?>? ConstantOf(IOperation operation)
    {
        var constant = operation.ConstantValue;
        return constant.HasValue && (constant.Value is null || constant.Value is bool) ? constant : null;
    }

    private AbstractValue Compare(AbstractValue value, ITypeSymbol? type, Optional<object?> constant, bool negate)
    {
        var result = constant.Value is bool b ? (b ? value : value.Negate()) : IsNull(value, type);
        return negate ? result.Negate() : AbstractValue.Condition(result.Roots, result.WhenTrue, result.WhenFalse, result.NullWhenTrue, result.NullWhenFalse);
    }

    /// <summary><c>x is null</c>: when false, a permit is there (and allows); when true, whatever held it holds no permit.</summary>
    private AbstractValue IsNull(AbstractValue value, ITypeSymbol? type)
        => AbstractValue.Condition(value.Roots, Sets.NoConsents, NonNullFacts(value, type), NullKeys(value), Sets.NoKeys);

    private SmallSet<Consent> NonNullFacts(AbstractValue value, ITypeSymbol? type)
        => model.IsPermit(type) && value.Grants is { } grants ? grants : Sets.NoConsents;

    private static SmallSet<object> NullKeys(AbstractValue value)
        => value.Alias is null ? value.Holders : value.Holders.Add(value.Alias);

    private AbstractValue Pattern(AbstractValue value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                if (constant.Value.ConstantValue is { HasValue: true } c)
                {
                    return c.Value switch
                    {
                        bool b => b ? value : value.Negate(),
                        null => IsNull(value, pattern.InputType),
                        _ => AbstractValue.FromRoots(value.Roots),
                    };
                }

                return AbstractValue.FromRoots(value.Roots);
            case INegatedPatternOperation negated:
                return Pattern(value, negated.Pattern).Negate();
            case IDeclarationPatternOperation declaration:
                if (declaration.DeclaredSymbol is ILocalSymbol declared)
                {
                    StoreVariable(declared, value);
                }

                return NotNull(value, pattern.InputType, Sets.NoConsents);
            case ITypePatternOperation:
                return NotNull(value, pattern.InputType, Sets.NoConsents);
            case IRecursivePatternOperation recursive:
                {
                    if (recursive.DeclaredSymbol is ILocalSymbol recursiveDeclared)
                    {
                        StoreVariable(recursiveDeclared, value);
                    }

                    SmallSet<Consent>? whenTrue = Sets.NoConsents;
                    SmallSet<Consent>? whenFalse = Sets.NoConsents;
                    var count = 0;
                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        var result = Pattern(MemberOf(value, sub.Member), sub.Pattern);
                        whenTrue = Sets.Both(whenTrue, result.WhenTrue);
                        whenFalse = result.WhenFalse;
                        count++;
                    }

                    var notNull = NotNull(value, pattern.InputType, Sets.NoConsents);
                    return AbstractValue.Condition(value.Roots, Sets.Both(whenTrue, notNull.WhenTrue), count == 1 ? whenFalse : Sets.NoConsents, Sets.NoKeys, notNull.NullWhenFalse);
                }

            case IBinaryPatternOperation binary:
                {
                    var left = Pattern(value, binary.LeftPattern);
                    var right = Pattern(value, binary.RightPattern);
                    return binary.OperatorKind == BinaryOperatorKind.And
                        ? AbstractValue.Condition(value.Roots, Sets.Both(left.WhenTrue, right.WhenTrue), Sets.Either(left.WhenFalse, right.WhenFalse), Sets.Intersect(left.NullWhenTrue, right.NullWhenTrue), Sets.Union(left.NullWhenFalse, right.NullWhenFalse))
                        : AbstractValue.Condition(value.Roots, Sets.Either(left.WhenTrue, right.WhenTrue), Sets.Both(left.WhenFalse, right.WhenFalse), Sets.Union(left.NullWhenTrue, right.NullWhenTrue), Sets.Intersect(left.NullWhenFalse, right.NullWhenFalse));
                }

            default:
                return AbstractValue.FromRoots(value.Roots);
        }
    }

    /// <summary>A pattern that only matches a value that is there: a permit that is there allows.</summary>
    private AbstractValue NotNull(AbstractValue value, ITypeSymbol? type, SmallSet<Consent> whenTrue)
        => AbstractValue.Condition(value.Roots, Sets.Union(whenTrue, NonNullFacts(value, type)), Sets.NoConsents, Sets.NoKeys, NullKeys(value));

    /// <summary>What a property pattern's member reads: <c>{ IsAllowed: true }</c>, <c>{ Permit: { } permit }</c>.</summary>
    private AbstractValue MemberOf(AbstractValue value, IOperation member)
        => member switch
        {
            IPropertyReferenceOperation { Property: var property } => PropertyOf(value, property) ?? ReadMember(value, property),
            IFieldReferenceOperation { Field: { ContainingType: { IsTupleType: true } tuple } field } when !value.Elements.IsDefault && TupleIndex(tuple, field) is var index && index >= 0 && index < value.Elements.Length
                => value.Elements[index],
            IFieldReferenceOperation { Field: var field } => ReadMember(value, field),
            _ => AbstractValue.FromRoots(value.Roots),
        };
}
