using System.Security.Cryptography;

namespace ContactRules.Storage;

/// <summary>Lower-case hexadecimal text of bytes, the spelling of every hash ContactRules stores.</summary>
internal static class Hex
{
    /// <summary>The SHA-256 of <paramref name="bytes"/>, in lower-case hexadecimal.</summary>
    internal static string Sha256(byte[] bytes)
    {
#if NET8_0_OR_GREATER
        return Of(SHA256.HashData(bytes));
#else
        using var sha = SHA256.Create();
        return Of(sha.ComputeHash(bytes));
#endif
    }

    internal static string Of(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
