using System;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// A case line that cannot be decided because its input is wrong. The message says, in plain
/// words, which field, what was found and what was expected; it becomes the <c>error</c> of the
/// line's output.
/// </summary>
internal sealed class CaseFormatException : Exception
{
    internal CaseFormatException(string message)
        : base(message)
    {
    }

    internal static CaseFormatException Field(string path, string problem) => new($"field '{path}': {problem}");
}
