using Xunit;

namespace ContactRules.Storage.Tests;

/// <summary>
/// Tests that assert bounds on time, run when no other test class runs: on a shared 2-core
/// machine, four dialer processes of another test would otherwise decide how long a thread waits
/// for a core.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
