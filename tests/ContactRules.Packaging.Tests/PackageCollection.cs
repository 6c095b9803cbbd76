using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>The tests that share one package feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Packed ContactRules package";
}
