using System.Text.Json;
using ContactRules.Cli.Input;
using ContactRules.Json.Internal;
using NodaTime;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// The contract's instants, as every command of the tool reads them: ISO-8601 with <c>Z</c> or an
/// offset (<see cref="InstantText"/>). Wider than the library's reading, which takes back only
/// what it writes: the contract is written by people and scripts in their own offsets.
/// </summary>
internal sealed class ContractInstantSyntax : InstantSyntax
{
    internal static ContractInstantSyntax Instance { get; } = new();

    private ContractInstantSyntax()
    {
    }

    internal override string Expected => InstantText.Expected;

    internal override bool TryRead(JsonElement value, out Instant instant) => InstantText.TryParse(value.GetString()!, out instant);

    internal override string Problem(string text) => InstantText.Problem(text);
}
