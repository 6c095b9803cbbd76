using System;
using System.Security.Cryptography;
using System.Text;
using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// Turns an E.164 number into a keyed hash (HMAC-SHA256 with a key only the operator holds), so
/// that logs and evidence can name a number without disclosing it: the same number always gives
/// the same hash under one key, and without the key a hash cannot be traced back by trying every
/// number in a numbering plan (which a plain hash of a 10-digit number would allow in seconds).
/// </summary>
/// <remarks>
/// Keep the key outside the database it protects (a secret store, an environment variable). A
/// changed key changes every hash: old log entries then no longer match new ones.
/// </remarks>
public sealed class PhoneNumberHasher
{
    /// <summary>The fewest key bytes accepted: HMAC-SHA256 is as strong as its key, up to 32 bytes.</summary>
    public const int MinimumKeyLength = 16;

    private readonly byte[] key;

    /// <summary>Creates a hasher with a secret key.</summary>
    /// <param name="key">The secret key: at least <see cref="MinimumKeyLength"/> random bytes (32 recommended). It is copied.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public PhoneNumberHasher(byte[] key)
    {
        Preconditions.CheckNotNull(key, nameof(key));
        Preconditions.CheckArgument(
            key.Length >= MinimumKeyLength,
            nameof(key),
            $"A phone-number hashing key needs at least {MinimumKeyLength} random bytes (32 recommended); got {key.Length}.");
        this.key = (byte[])key.Clone();
    }

    /// <summary>Creates a hasher from a base64-encoded secret key (for example from an environment variable).</summary>
    /// <param name="base64Key">The key in base64: at least <see cref="MinimumKeyLength"/> bytes once decoded.</param>
    /// <returns>The hasher.</returns>
    /// <exception cref="ArgumentException">The text is not base64, or the key is too short.</exception>
    public static PhoneNumberHasher FromBase64(string base64Key)
    {
        Preconditions.CheckNotEmpty(base64Key, nameof(base64Key));
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The phone-number hashing key must be base64 text (for example the output of `openssl rand -base64 32`).", nameof(base64Key));
        }

        return new PhoneNumberHasher(bytes);
    }

    /// <summary>
    /// The keyed hash of <paramref name="phoneNumber"/>: 64 lower-case hexadecimal characters.
    /// </summary>
    /// <param name="phoneNumber">The number in E.164 form (<c>+</c>, country code, digits).</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentException">The number is not in E.164 form: hashing two spellings of one number differently would hide a match.</exception>
    public string Hash(string phoneNumber)
    {
        Preconditions.CheckNotNull(phoneNumber, nameof(phoneNumber));
        Preconditions.CheckArgument(
            E164.IsValid(phoneNumber),
            nameof(phoneNumber),
            "Only E.164 numbers ('+' then 2 to 15 digits, no leading zero) are hashed, so that one number always has one hash.");
        var data = Encoding.ASCII.GetBytes(phoneNumber);
#if NET8_0_OR_GREATER
        var mac = HMACSHA256.HashData(key, data);
#else
        byte[] mac;
        using (var hmac = new HMACSHA256(key))
        {
            mac = hmac.ComputeHash(data);
        }
#endif
        return Hex.Of(mac);
    }

    /// <inheritdoc />
    public override string ToString() => "PhoneNumberHasher (HMAC-SHA256)";
}
