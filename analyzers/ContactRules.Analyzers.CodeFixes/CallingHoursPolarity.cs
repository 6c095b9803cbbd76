using System;
using System.Collections.Generic;
using System.Linq;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// Whether a server-clock comparison holds inside the calling window (an "allowed now" test) or
/// outside it (a "too early, too late, not today" test), worked out by evaluating it over the
/// whole day (every quarter hour) or week, not from the look of its operator. A test true at night
/// (it holds at midnight or 23:00, or on a Saturday or Sunday) and false at noon (on Wednesday) is
/// a refusal; a test true at noon for at least six hours, and false at one end of the day, is an
/// allowance. Anything else (a lunch break, "at 9 o'clock", "on Mondays") cannot be told apart
/// from its opposite, and gets no fix: a wrong guess would dial exactly when the gate refuses.
/// </summary>
internal static class CallingHoursPolarity
{
    private const double Noon = 12;
    private const int Wednesday = 3;

    /// <summary>True when <paramref name="comparison"/> holds outside the window, false inside, null when it cannot be told.</summary>
    public static bool? HoldsOutsideWindow(ExpressionSyntax comparison, SemanticModel model)
    {
        var predicate = Predicate(comparison, model, out var scale);
        if (predicate is null)
        {
            return null;
        }

        if (scale == Scale.Days)
        {
            var days = Enumerable.Range(0, 7).Where(d => predicate(d)).ToArray();
            var weekend = days.Contains(0) || days.Contains(6);
            if (days.Length is 0 or 7)
            {
                return null;
            }

            if (weekend && !days.Contains(Wednesday))
            {
                return true;
            }

            return days.Contains(Wednesday) && days.Length >= 4 && (!days.Contains(0) || !days.Contains(6)) ? false : null;
        }

        var samples = Enumerable.Range(0, 96).Select(q => q / 4.0).Where(h => predicate(scale == Scale.WholeHours ? Math.Floor(h) : h)).ToArray();
        if (samples.Length is 0 or 96)
        {
            return null;
        }

        var night = samples.Contains(0) || samples.Contains(23.75);
        if (night && !samples.Contains(Noon))
        {
            return true;
        }

        var hours = samples.Length / 4.0;
        return samples.Contains(Noon) && hours >= 6 && (!samples.Contains(0) || !samples.Contains(23.75)) ? false : null;
    }

    private enum Scale
    {
        WholeHours,
        Hours,
        Days,
    }

    private static Func<double, bool>? Predicate(ExpressionSyntax comparison, SemanticModel model, out Scale scale)
    {
        scale = Scale.WholeHours;
        switch (comparison)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Predicate(parenthesized.Expression, model, out scale);

            case BinaryExpressionSyntax binary:
                {
                    var leftClock = LooksLikeClock(binary.Left);
                    var clockOnLeft = leftClock != LooksLikeClock(binary.Right)
                        ? leftClock
                        : Value(binary.Right, model, out _) is not null;
                    var clock = clockOnLeft ? binary.Left : binary.Right;
                    scale = ScaleOf(model.GetTypeInfo(clock).Type);
                    var bound = Value(clockOnLeft ? binary.Right : binary.Left, model, out var boundName) ?? BoundValue(boundName, scale);
                    if (bound is not { } c)
                    {
                        return null;
                    }

                    var kind = binary.Kind();
                    if (!clockOnLeft)
                    {
                        kind = kind switch
                        {
                            SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
                            SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
                            SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
                            SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
                            _ => kind,
                        };
                    }

                    return Compare(kind, c);
                }

            case IsPatternExpressionSyntax isPattern:
                scale = ScaleOf(model.GetTypeInfo(isPattern.Expression).Type);
                return Pattern(isPattern.Pattern, model);

            default:
                return null;
        }
    }

    /// <summary>True for the clock side of a comparison: it reads the hour, day or time of day, or the clock itself.</summary>
    private static bool LooksLikeClock(ExpressionSyntax side)
        => side.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText is "Hour" or "DayOfWeek" or "TimeOfDay" or "Now" or "UtcNow" or "Today");

    private static Func<double, bool>? Compare(SyntaxKind kind, double c) => kind switch
    {
        SyntaxKind.LessThanExpression or SyntaxKind.LessThanToken => x => x < c,
        SyntaxKind.LessThanOrEqualExpression or SyntaxKind.LessThanEqualsToken => x => x <= c,
        SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanToken => x => x > c,
        SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.GreaterThanEqualsToken => x => x >= c,
        SyntaxKind.EqualsExpression => x => x == c,
        SyntaxKind.NotEqualsExpression => x => x != c,
        _ => null,
    };

    private static Func<double, bool>? Pattern(PatternSyntax pattern, SemanticModel model)
    {
        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return Pattern(parenthesized.Pattern, model);
            case UnaryPatternSyntax { Pattern: var inner } when Pattern(inner, model) is { } negated:
                return x => !negated(x);
            case BinaryPatternSyntax binary when Pattern(binary.Left, model) is { } left && Pattern(binary.Right, model) is { } right:
                return binary.IsKind(SyntaxKind.OrPattern) ? x => left(x) || right(x) : x => left(x) && right(x);
            case RelationalPatternSyntax relational when Value(relational.Expression, model, out _) is { } bound:
                return Compare(relational.OperatorToken.Kind(), bound);
            case ConstantPatternSyntax constant when Value(constant.Expression, model, out _) is { } value:
                return x => x == value;
            default:
                return null;
        }
    }

    private static Scale ScaleOf(ITypeSymbol? type) => type switch
    {
        { Name: "DayOfWeek" } => Scale.Days,
        { Name: "TimeSpan" or "TimeOnly" } => Scale.Hours,
        _ => Scale.WholeHours,
    };

    /// <summary>
    /// The value of a constant side in hours (or day number): an int or enum constant,
    /// <c>TimeSpan.FromHours(8)</c>, <c>TimeSpan.FromMinutes(30)</c>, <c>new TimeSpan(8, 30, 0)</c>,
    /// <c>new TimeOnly(21, 0)</c>. Otherwise the name of the member it reads, for a configured bound.
    /// </summary>
    private static double? Value(ExpressionSyntax expression, SemanticModel model, out string? boundName)
    {
        boundName = null;
        var constant = model.GetConstantValue(expression);
        if (constant.HasValue && constant.Value is IConvertible convertible and not string and not bool)
        {
            return convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
        }

        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var factory, Expression: var owner }, ArgumentList.Arguments: { Count: 1 } arguments }
                when model.GetTypeInfo(owner).Type?.Name == "TimeSpan" && Number(arguments[0].Expression, model) is { } amount:
                return factory switch
                {
                    "FromHours" => amount,
                    "FromMinutes" => amount / 60,
                    _ => null,
                };

            case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: >= 1 } arguments } creation
                when model.GetTypeInfo(creation).Type?.Name is "TimeSpan" or "TimeOnly":
                {
                    var parts = arguments.Select(a => Number(a.Expression, model)).ToArray();
                    if (parts.Any(p => p is null) || (model.GetTypeInfo(creation).Type?.Name == "TimeSpan" && parts.Length < 3))
                    {
                        return null;
                    }

                    return parts[0]!.Value + (parts.Length > 1 ? parts[1]!.Value / 60 : 0);
                }

            case MemberAccessExpressionSyntax access:
                boundName = access.Name.Identifier.ValueText;
                return null;

            case IdentifierNameSyntax name:
                boundName = name.Identifier.ValueText;
                return null;

            default:
                return null;
        }
    }

    private static double? Number(ExpressionSyntax expression, SemanticModel model)
        => model.GetConstantValue(expression) is { HasValue: true, Value: IConvertible value and not string and not bool }
            ? value.ToDouble(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>A configured bound (<c>options.StartHour</c>, <c>closesAt</c>) stands for a morning opening or an evening closing, by its name.</summary>
    private static double? BoundValue(string? name, Scale scale)
    {
        if (name is null)
        {
            return null;
        }

        // Any case: a field is camelCase (closesAt), a constant may be upper case (MAX_HOUR).
        var words = new HashSet<string>(NameWords.Of(name), StringComparer.OrdinalIgnoreCase);
        var opens = words.Overlaps(new[] { "Start", "Starts", "Open", "Opens", "Opening", "Begin", "Earliest", "From", "Min", "First" });
        var closes = words.Overlaps(new[] { "End", "Ends", "Close", "Closes", "Closing", "Stop", "Latest", "Until", "To", "Max", "Last", "Cutoff" });
        if (opens == closes)
        {
            return null;
        }

        return scale == Scale.Days ? (opens ? 1 : 6) : opens ? 8 : 20;
    }
}
