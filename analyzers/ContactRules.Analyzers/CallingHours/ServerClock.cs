using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.CallingHours;

/// <summary>
/// What reads the server's clock as a time of day (the <c>Hour</c> of <c>DateTime</c>'s static
/// <c>Now</c>, the <c>TimeOfDay</c> of <c>DateTimeOffset</c>'s static <c>UtcNow</c>, a
/// <c>TimeOnly</c> made from either, the <c>Hour</c> of <c>TimeProvider.GetLocalNow()</c>, and
/// locals holding any of them), and the comparisons of
/// such a reading with a bound: a constant, a configured field, property or option, a
/// <c>TimeSpan</c> or <c>TimeOnly</c>, <c>IsBetween</c>.
/// </summary>
internal static class ServerClock
{
    /// <summary>
    /// False when a file's text cannot name a clock's member: every one of
    /// <see cref="IsClockIdentifier"/>'s names contains <c>Now</c> or is <c>Today</c>.
    /// </summary>
    public static bool MaySpellClock(string text)
        => text.IndexOf("Now", StringComparison.Ordinal) >= 0 || text.IndexOf("Today", StringComparison.Ordinal) >= 0;

    /// <summary>The identifiers the analyzer binds: everything else is skipped by a string comparison.</summary>
    public static bool IsClockIdentifier(string name)
        => name is "Now" or "UtcNow" or "Today" or "GetLocalNow" or "GetUtcNow";

    /// <summary>True for the static <c>Now</c>, <c>UtcNow</c> and <c>Today</c> of <c>DateTime</c> and <c>DateTimeOffset</c>, <c>TimeProvider.GetLocalNow</c> and the like.</summary>
    public static bool IsClockSymbol(ISymbol? symbol)
        => symbol switch
        {
            IPropertySymbol { IsStatic: true, Name: "Now" or "UtcNow" or "Today" } property => IsDateType(property.ContainingType),
            IMethodSymbol { Name: "GetLocalNow" or "GetUtcNow" } method => IsTimeProvider(method.ContainingType),
            _ => false,
        };

    public static bool IsServerClockComparison(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                // A bound on the other side (a constant, a configured hour, a TimeSpan), never a second clock reading.
                return (IsTimeOfDay(binary.LeftOperand) && !IsTimeOfDay(binary.RightOperand))
                       || (IsTimeOfDay(binary.RightOperand) && !IsTimeOfDay(binary.LeftOperand));
            case IIsPatternOperation pattern:
                return Compares(pattern.Pattern) && IsTimeOfDay(pattern.Value);
            case IInvocationOperation { TargetMethod.Name: "IsBetween" or "CompareTo", Instance: { } instance }:
                return IsTimeOfDay(instance);
            default:
                return false;
        }
    }

    /// <summary>A pattern that compares (<c>&gt;= 8 and &lt; 20</c>, <c>DayOfWeek.Sunday</c>), not one that only names (<c>var now</c>).</summary>
    private static bool Compares(IPatternOperation pattern) => pattern switch
    {
        IRelationalPatternOperation or IConstantPatternOperation => true,
        INegatedPatternOperation negated => Compares(negated.Pattern),
        IBinaryPatternOperation binary => Compares(binary.LeftPattern) || Compares(binary.RightPattern),
        IRecursivePatternOperation recursive => recursive.PropertySubpatterns.Any(p => Compares(p.Pattern)),
        _ => false,
    };

    /// <summary>The server clock's hour, day of week or time of day.</summary>
    public static bool IsTimeOfDay(IOperation operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Hour" or "DayOfWeek" or "TimeOfDay", Instance: { } instance } part when IsDateType(part.Property.ContainingType):
                return IsNow(instance, allowLocal: true);
            case IPropertyReferenceOperation { Property.Name: "Hours" or "TotalHours" or "Minutes" or "TotalMinutes", Instance: { } instance } part when part.Property.ContainingType.Name == "TimeSpan":
                return IsTimeOfDay(instance);
            case IPropertyReferenceOperation { Property.Name: "Hour" or "Minute", Instance: { } instance } part when part.Property.ContainingType.Name == "TimeOnly":
                return IsTimeOfDay(instance);
            case IInvocationOperation { TargetMethod: { Name: "FromDateTime" or "FromTimeSpan", ContainingType.Name: "TimeOnly" }, Arguments: { Length: > 0 } arguments }:
                return IsNow(arguments[0].Value, allowLocal: true) || IsTimeOfDay(arguments[0].Value);
            case ILocalReferenceOperation local:
                return Initializer(local) is { } value && IsTimeOfDay(value);
            default:
                return false;
        }
    }

    private static bool IsNow(IOperation operation, bool allowLocal)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation { Instance: null } now:
                return IsClockSymbol(now.Property);
            case IInvocationOperation invocation when IsClockSymbol(invocation.TargetMethod):
                return true;
            case IInvocationOperation { TargetMethod.Name: "ToLocalTime" or "ToUniversalTime", Instance: { } converted }:
                return IsNow(converted, allowLocal);
            case ILocalReferenceOperation when allowLocal:
                return Initializer((ILocalReferenceOperation)operation) is { } value && IsNow(value, allowLocal: false);
            default:
                return false;
        }
    }

    /// <summary>The value a local was declared with, in the same tree.</summary>
    private static IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (local.SemanticModel is not { } semanticModel)
        {
            return null;
        }

        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && semanticModel.SyntaxTree == initializer.SyntaxTree
                && semanticModel.GetOperation(initializer) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsDateType(INamedTypeSymbol? type)
        => type is { Name: "DateTime" or "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool IsTimeProvider(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type is { Name: "TimeProvider", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }
}
