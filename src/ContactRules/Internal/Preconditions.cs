using System;
using System.Collections.Generic;

namespace ContactRules.Internal;

/// <summary>
/// Argument checks at the public surface. Messages say what was wrong and what would be right.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    internal static string CheckNotEmpty(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }

        return value;
    }

    internal static int CheckPositive(int value, string paramName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1; got {value}.");
        }

        return value;
    }

    internal static void CheckArgument(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static IReadOnlyCollection<T> CheckNoNullElements<T>(IReadOnlyCollection<T>? values, string paramName)
        where T : class
    {
        CheckNotNull(values, paramName);
        foreach (var value in values!)
        {
            if (value is null)
            {
                throw new ArgumentException($"{paramName} must not contain null elements.", paramName);
            }
        }

        return values;
    }
}
