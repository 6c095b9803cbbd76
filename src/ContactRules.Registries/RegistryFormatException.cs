using System;

namespace ContactRules.Registries;

/// <summary>
/// A registry file or export that cannot be trusted: torn, corrupted, of another format, or with
/// lines that are not phone numbers. ContactRules never reads such a file as an empty list.
/// </summary>
public sealed class RegistryFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, where, and what was expected.</param>
    public RegistryFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, where, and what was expected.</param>
    /// <param name="inner">The underlying failure.</param>
    public RegistryFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
