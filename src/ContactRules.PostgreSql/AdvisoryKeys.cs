using System.Text;

namespace ContactRules.PostgreSql;

/// <summary>
/// The keys of the advisory locks that serialise a person's reservations across nodes, and the
/// evidence log's appends. A stable 64-bit hash (FNV-1a) of the schema and the person's id: the
/// same on every node and runtime (string.GetHashCode is randomised per process). Two people
/// whose keys collide only wait for each other; correctness does not depend on uniqueness.
/// </summary>
internal static class AdvisoryKeys
{
    internal static long Person(string schema, string contactId) => Fnv(schema + "\u0000" + contactId);

    internal static long Log(string schema) => Fnv(schema + "\u0000\u0000evidence-log");

    internal static long Migrations(string schema) => Fnv(schema + "\u0000\u0000migrations");

    private static long Fnv(string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }

            return (long)hash;
        }
    }
}
