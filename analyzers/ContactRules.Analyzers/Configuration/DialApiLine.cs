using Microsoft.CodeAnalysis.Text;

namespace ContactRules.Analyzers.Configuration;

/// <summary>One meaningful line of a <c>ContactRules.DialApis.txt</c> file.</summary>
/// <param name="Id">The documentation-comment id, trimmed.</param>
/// <param name="Message">The text after <c>;</c>, appended to the CR0001 message; null when absent.</param>
/// <param name="Error">Why the line is malformed; null when well formed.</param>
/// <param name="Span">Where the id is in the file.</param>
/// <param name="LineSpan">The same, in lines and columns.</param>
internal sealed record DialApiLine(string Id, string? Message, string? Error, TextSpan Span, LinePositionSpan LineSpan);
