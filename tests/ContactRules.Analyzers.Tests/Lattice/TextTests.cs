using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Linq;
using Xunit;

namespace ContactRules.Analyzers.Tests.Lattice;

/// <summary>
/// How diagnostics quote code (<see cref="Text"/>): on one line, white space runs made one space,
/// at most <see cref="Text.MaxLength"/> characters, the node's own text without its trivia.
/// </summary>
public class TextTests
{
    [Theory]
    [InlineData("customer.Phone", "customer.Phone")]
    [InlineData("a + b", "a + b")]
    [InlineData("  customers[0]\r\n      .Phone  ", "customers[0] .Phone")]
    [InlineData("a\t\tb  c", "a b c")]
    [InlineData(" ", "")]
    [InlineData("", "")]
    public void Shorten_makes_one_line_of_single_spaces(string code, string quoted)
        => Assert.Equal(quoted, Text.Shorten(code));

    [Fact]
    public void Shorten_cuts_long_code_to_the_maximum_with_an_ellipsis()
    {
        var code = "customers.Where(c => c.Segment == segment).Select(c => c.Phone).First()";
        var quoted = Text.Shorten(code);

        Assert.Equal(Text.MaxLength, quoted.Length);
        Assert.Equal(code.Substring(0, Text.MaxLength - 3) + "...", quoted);
        Assert.Equal("x".PadRight(Text.MaxLength, 'y'), Text.Shorten("x".PadRight(Text.MaxLength, 'y')));
    }

    [Fact]
    public void Of_quotes_the_node_without_its_leading_and_trailing_trivia()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { Dial( /* who */ customer\n        .Phone // the number\n    ); } }");
        var argument = tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>().Single();

        Assert.Equal("customer .Phone", Text.Of(argument));
        Assert.Equal(Text.Shorten(argument.ToString()), Text.Of(argument));
    }
}
