#if NETSTANDARD2_0
// The compiler needs this type to emit init-only setters; netstandard2.0 does not ship it.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
#endif
