using System.Text.Json;
using NodaTime;

namespace ContactRules.Json.Internal;

/// <summary>
/// Which texts a reader takes as instants. The library reads exactly what it writes (ISO-8601 in
/// UTC with <c>Z</c>, through NodaTime's own converter); the evaluate contract also accepts an
/// offset, and brings its own syntax.
/// </summary>
internal abstract class InstantSyntax
{
    /// <summary>What an instant looks like, for error messages ("an ISO-8601 instant ...").</summary>
    internal abstract string Expected { get; }

    /// <summary>Reads <paramref name="value"/>, a JSON string, as an instant.</summary>
    /// <returns>False when the text is not an instant in this syntax.</returns>
    internal abstract bool TryRead(JsonElement value, out Instant instant);

    /// <summary>What is wrong with <paramref name="text"/>, which <see cref="TryRead"/> refused, and what was expected.</summary>
    internal abstract string Problem(string text);
}
