namespace ContactRules.PhoneNumbers;

/// <summary>What is wrong with a phone number that could not be used.</summary>
public enum PhoneNumberProblem
{
    /// <summary>The text does not look like a phone number at all.</summary>
    NotANumber = 0,

    /// <summary>The country calling code after '+' (or after an international prefix) belongs to no country.</summary>
    UnknownCountryCode = 1,

    /// <summary>A national number was given without '+' and country code, and no default region applies.</summary>
    MissingCountry = 2,

    /// <summary>Too few digits for a number of that country.</summary>
    TooShort = 3,

    /// <summary>Too many digits for a number of that country.</summary>
    TooLong = 4,

    /// <summary>A number of digits that no number of that country has, though shorter and longer ones exist.</summary>
    InvalidLength = 5,

    /// <summary>A local number that can only be dialed within its area: the area code is missing.</summary>
    LocalOnly = 6,

    /// <summary>The right length, but no number of that country is allocated this way (an unknown area code or prefix).</summary>
    NotAllocated = 7,
}
