using System.Linq;
using ContactRules.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>
/// Which server-clock comparisons hold outside the calling window (true: they refuse), inside it
/// (false: they allow), or cannot be told (null: no fix), in every shape CR0004 finds or may find.
/// </summary>
public class CallingHoursPolarityTests
{
    [Theory]
    // Whole hours: too early, too late, or both.
    [InlineData("now.Hour < 8", true)]
    [InlineData("now.Hour >= 21", true)]
    [InlineData("now.Hour > 19", true)]
    [InlineData("8 > now.Hour", true)]
    [InlineData("now.Hour is < 8 or >= 21", true)]
    [InlineData("now.Hour is not (>= 8 and < 21)", true)]
    // Whole hours: within the window.
    [InlineData("now.Hour >= 8", false)]
    [InlineData("now.Hour < 21", false)]
    [InlineData("now.Hour is >= 9 and < 20", false)]
    [InlineData("21 > now.Hour", false)]
    // Days.
    [InlineData("now.DayOfWeek == DayOfWeek.Sunday", true)]
    [InlineData("now.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday", true)]
    [InlineData("now.DayOfWeek != DayOfWeek.Sunday", false)]
    [InlineData("now.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)", false)]
    // Time of day, TimeOnly.
    [InlineData("now.TimeOfDay < TimeSpan.FromHours(8)", true)]
    [InlineData("now.TimeOfDay >= new TimeSpan(20, 30, 0)", true)]
    [InlineData("now.TimeOfDay < TimeSpan.FromMinutes(1230)", false)]
    [InlineData("TimeOnly.FromDateTime(now) >= new TimeOnly(21, 0)", true)]
    [InlineData("TimeOnly.FromDateTime(now) < new TimeOnly(9, 30)", true)]
    // Configured bounds, by name.
    [InlineData("now.Hour < options.StartHour", true)]
    [InlineData("now.Hour >= options.StartHour", false)]
    [InlineData("now.Hour >= options.EndHour", true)]
    [InlineData("now.Hour < closesAt", false)]
    [InlineData("now.Hour < options.Limit", null)]
    // Cannot be told from their opposite.
    [InlineData("now.Hour == 12", null)]
    [InlineData("now.Hour == 9", null)]
    [InlineData("now.Hour is >= 12 and < 14", null)]
    [InlineData("now.DayOfWeek == DayOfWeek.Monday", null)]
    [InlineData("now.Hour != 3", null)]
    [InlineData("now.Hour >= 0", null)]
    public void Polarity(string comparison, bool? holdsOutsideWindow)
    {
        var source = $$"""
            using System;
            public sealed class Options { public int StartHour { get; set; } public int EndHour { get; set; } public int Limit { get; set; } }
            public static class Probe
            {
                public static bool Test(DateTime now, Options options, int closesAt) => {{comparison}};
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Polarity", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var expression = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
        Assert.Equal(holdsOutsideWindow, CallingHoursPolarity.HoldsOutsideWindow(expression, compilation.GetSemanticModel(tree)));
    }
}
