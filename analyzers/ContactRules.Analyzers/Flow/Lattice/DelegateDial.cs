using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// A dial API turned into a delegate (<c>Func&lt;string, Task&gt; send = sms.SendAsync</c>,
/// <c>numbers.ForEach(dialer.Dial)</c>): calling the delegate calls the dial API.
/// </summary>
/// <param name="Target">What the model knows of the dial API.</param>
/// <param name="Name">How messages name it: <c>ISmsSender.SendAsync</c>.</param>
/// <param name="Syntax">The method group, where a delegate that escapes is reported.</param>
internal sealed record DelegateDial(DialTarget Target, string Name, SyntaxNode Syntax);
