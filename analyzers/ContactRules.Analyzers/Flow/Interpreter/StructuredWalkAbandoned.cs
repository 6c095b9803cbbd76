using System;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// The structured walk met, at run time, what it does not model (a loop that does not converge, an
/// enumerator whose calls matter): the block is analysed on its control-flow graph instead.
/// </summary>
internal sealed class StructuredWalkAbandoned : Exception
{
}
