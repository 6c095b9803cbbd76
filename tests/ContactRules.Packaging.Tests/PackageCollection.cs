using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>The tests that share one packed package.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed ContactRules package";
}
