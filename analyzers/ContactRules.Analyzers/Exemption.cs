using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers;

/// <summary>A <c>[RequestedContact]</c> declaration: the kind of requested contact and why.</summary>
/// <param name="Kind">The <c>RequestedContactKind</c> member's name.</param>
/// <param name="Reason">The reason given, trimmed; empty when none.</param>
/// <param name="Syntax">Where the attribute is written, for CR1003.</param>
internal sealed record Exemption(string Kind, string Reason, SyntaxNode? Syntax);
