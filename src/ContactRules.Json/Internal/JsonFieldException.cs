using System;

namespace ContactRules.Json.Internal;

/// <summary>
/// A value that cannot be mapped: which property (by its path), and what is wrong with it, in
/// words that say what was found and what was expected. Each front end words it its own way: the
/// converters as a <see cref="System.Text.Json.JsonException"/>, the evaluate command as the
/// <c>error</c> of a line.
/// </summary>
internal sealed class JsonFieldException : Exception
{
    private JsonFieldException(string path, string problem, bool isMissing)
        : base(isMissing ? $"Missing required property '{path}'; expected {problem}." : $"Property '{path}': {problem}.")
    {
        Path = path;
        Problem = problem;
        IsMissing = isMissing;
    }

    /// <summary>The path of the property, from the value being read (<c>$.consents[0].channel</c> or, without root, <c>consents[0].channel</c>).</summary>
    internal string Path { get; }

    /// <summary>What is wrong and what was expected; for a missing property, only what was expected.</summary>
    internal string Problem { get; }

    /// <summary>True when the property is absent.</summary>
    internal bool IsMissing { get; }

    internal static JsonFieldException Field(string path, string problem) => new(path, problem, isMissing: false);

    internal static JsonFieldException Missing(string path, string expected) => new(path, expected, isMissing: true);
}
