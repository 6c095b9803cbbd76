using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>One contact made, as the interpreter saw it.</summary>
/// <param name="Syntax">The call, creation or property access that contacts.</param>
/// <param name="Name">How messages name the API: <c>IDialer.Dial</c>.</param>
/// <param name="Target">What the model knows of the API.</param>
/// <param name="Contact">Whom it contacts: the subjects of its contact argument (or receiver).</param>
/// <param name="ContactSyntax">The contact argument as written, when there is one.</param>
internal sealed record DialSite(SyntaxNode Syntax, string Name, DialTarget Target, SmallSet<Subject> Contact, SyntaxNode? ContactSyntax);
