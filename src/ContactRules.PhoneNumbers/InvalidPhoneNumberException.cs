using System;

namespace ContactRules.PhoneNumbers;

/// <summary>
/// A phone number could not be read or is not a valid number: the message says what was given,
/// what is wrong and what was expected.
/// </summary>
public sealed class InvalidPhoneNumberException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="input">The text that was given.</param>
    /// <param name="defaultRegion">The region national numbers were read in, if any.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="message">The full explanation.</param>
    public InvalidPhoneNumberException(string input, string? defaultRegion, PhoneNumberProblem problem, string message)
        : base(message)
    {
        Input = input;
        DefaultRegion = defaultRegion;
        Problem = problem;
    }

    /// <summary>The text that was given.</summary>
    public string Input { get; }

    /// <summary>The region national numbers were read in, if any.</summary>
    public string? DefaultRegion { get; }

    /// <summary>What is wrong.</summary>
    public PhoneNumberProblem Problem { get; }
}
