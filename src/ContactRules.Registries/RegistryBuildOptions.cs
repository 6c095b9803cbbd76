using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Registries;

/// <summary>How to read a registry export and what to record about it.</summary>
public sealed class RegistryBuildOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="registry">The register the export comes from.</param>
    /// <param name="snapshotAt">The date of the register version (the operator's download date).</param>
    public RegistryBuildOptions(ContactRegistry registry, Instant snapshotAt)
    {
        Registry = registry;
        SnapshotAt = snapshotAt;
    }

    /// <summary>The register the export comes from.</summary>
    public ContactRegistry Registry { get; }

    /// <summary>The date of the register version.</summary>
    public Instant SnapshotAt { get; }

    /// <summary>
    /// The country calling code put in front of numbers written without '+' (the US DNC export
    /// lists 10-digit numbers: use "1"); null when every number must be in E.164 form. National
    /// numbers are read as national significant numbers: without a trunk prefix such as France's 0.
    /// </summary>
    public string? DefaultCountryCode { get; init; }

    /// <summary>The zero-based column of the number in a comma-separated export; 0 by default.</summary>
    public int Column { get; init; }

    /// <summary>True when the first line is a header to skip.</summary>
    public bool HasHeader { get; init; }

    /// <summary>
    /// How many lines that are not phone numbers may be skipped (and reported) before the build
    /// fails; 0 by default, because a skipped line may be a protected number.
    /// </summary>
    public long MaxRejectedLines { get; init; }

    internal (ulong Value, int Digits) CountryCode()
    {
        if (DefaultCountryCode is null)
        {
            return (0, 0);
        }

        var code = DefaultCountryCode.TrimStart('+');
        Preconditions.CheckArgument(
            code.Length is >= 1 and <= 3 && code[0] != '0' && ulong.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
            nameof(DefaultCountryCode),
            $"DefaultCountryCode must be 1 to 3 digits not starting with 0 (for example \"1\" or \"33\"); got '{DefaultCountryCode}'.");
        return (ulong.Parse(code, System.Globalization.CultureInfo.InvariantCulture), code.Length);
    }
}
