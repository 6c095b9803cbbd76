using Xunit;

namespace ContactRules.Storage.Tests.PostgreSql;

/// <summary>The test classes that share one throw-away server (each test in a schema of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
